namespace IssuerVerification.Api.Admin;

/// <summary>One custodian's clear component.</summary>
/// <param name="Component">The component in hex: 32 characters for TDES_2KEY, 40 for HMAC_SHA1. Never stored, logged or returned.</param>
public sealed record SubmitComponentRequest(string Component);
