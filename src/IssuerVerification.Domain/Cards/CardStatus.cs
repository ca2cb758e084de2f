namespace IssuerVerification.Domain.Cards;

public enum CardStatus { Active, Blocked, Lost, Stolen, Closed }
