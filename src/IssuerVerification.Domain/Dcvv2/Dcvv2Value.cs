using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Dcvv2;

public sealed record Dcvv2Value(string Value, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
