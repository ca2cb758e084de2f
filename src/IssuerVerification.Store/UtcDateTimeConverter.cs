using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IssuerVerification.Store;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
