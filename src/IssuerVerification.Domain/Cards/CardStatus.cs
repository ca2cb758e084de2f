namespace IssuerVerification.Domain.Cards;

public enum CardStatus { Active, Blocked, Lost, Stolen, Closed }

public enum Network { Visa, Mastercard }

public enum ExpiryFormat { Yymm, Mmyy }
