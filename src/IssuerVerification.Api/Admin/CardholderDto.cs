namespace IssuerVerification.Api.Admin;

public sealed record CardholderDto(string? Name = null, string? Phone = null, string? Email = null, bool? BankApp = null);
