namespace IssuerVerification.Domain.Cards;

public enum ExpiryFormat { Yymm, Mmyy }
