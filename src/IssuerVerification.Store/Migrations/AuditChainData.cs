namespace IssuerVerification.Store.Migrations;

/// <summary>Data step of AuditChain, the same on both providers.</summary>
internal static class AuditChainData
{
    /// <summary>
    /// Records written before the chain existed go to the chain "unchained", numbered by id (unique, as the new index
    /// wants); the integrity check counts them but cannot verify them (docs/audit.md).
    /// </summary>
    public const string MarkUnchained = "UPDATE \"AuditLog\" SET \"Chain\" = 'unchained', \"Seq\" = \"Id\"";
}
