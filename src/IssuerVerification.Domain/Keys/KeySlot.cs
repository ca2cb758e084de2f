using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// A place in a card range that holds one key, and the usage that key must have. <see cref="All"/> is the one
/// table of slots: card ranges, the admin API, its OpenAPI schema and the tests read it.
/// </summary>
public sealed record KeySlot(string Name, KeyUsage Usage)
{
    public static readonly KeySlot Cvv1 = new("cvv1", KeyUsage.Cvk);
    public static readonly KeySlot Cvv2 = new("cvv2", KeyUsage.Cvk);
    public static readonly KeySlot Icvv = new("icvv", KeyUsage.Cvk);
    public static readonly KeySlot Dcvv2 = new("dcvv2", KeyUsage.Dcvv2);
    public static readonly KeySlot Cvc3 = new("cvc3", KeyUsage.ImkCvc3);
    public static readonly KeySlot Dcvv = new("dcvv", KeyUsage.ImkDcvv);
    public static readonly KeySlot Cavv = new("cavv", KeyUsage.Cavv);
    public static readonly KeySlot Aav = new("aav", KeyUsage.Aav);

    public static readonly IReadOnlyList<KeySlot> All = [Cvv1, Cvv2, Icvv, Dcvv2, Cvc3, Dcvv, Cavv, Aav];

    public static KeySlot? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public override string ToString() => Name;
}
