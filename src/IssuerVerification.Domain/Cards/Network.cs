namespace IssuerVerification.Domain.Cards;

public enum Network { Visa, Mastercard }
