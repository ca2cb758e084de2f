namespace IssuerVerification.Store;

/// <summary>
/// How long the service waits on the store before it answers 503: opening a connection, and one command. Short on
/// purpose, so that a frozen or unreachable database fails requests fast instead of holding them. Migrations get longer.
/// </summary>
public sealed record StoreTimeouts(TimeSpan Connect, TimeSpan Command)
{
    public static readonly StoreTimeouts Default = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

    public static readonly TimeSpan Migration = TimeSpan.FromMinutes(10);
}
