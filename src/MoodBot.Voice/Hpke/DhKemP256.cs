using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>DHKEM(P-256, HKDF-SHA256), KEM id 0x0010 (RFC 9180 sections 4.1 and 7.1).</summary>
public static class DhKemP256
{
    public const ushort KemId = 0x0010;

    /// <summary>Nsecret: the length of the KEM shared secret.</summary>
    public const int SecretLength = 32;

    /// <summary>suite_id = "KEM" | I2OSP(kem_id, 2) (RFC 9180 section 4.1).</summary>
    internal static ReadOnlySpan<byte> SuiteId => "KEM\0\x10"u8;

    // The group order n of P-256; a candidate scalar must lie in [1, n).
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    /// <summary>DeriveKeyPair(ikm) by rejection sampling (RFC 9180 section 7.1.3): candidates are
    /// expanded with a counter until one is a valid nonzero scalar below the order.</summary>
    public static P256KeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm)
    {
        var dkpPrk = HpkeLabels.Extract(SuiteId, [], "dkp_prk"u8, ikm);
        try
        {
            Span<byte> counter = stackalloc byte[1];
            for (var i = 0; i < 256; i++)
            {
                counter[0] = (byte)i;
                var candidate = HpkeLabels.Expand(SuiteId, dkpPrk, "candidate"u8, counter, P256KeyPair.PrivateKeyLength);
                try
                {
                    // The bitmask for P-256 is 0xFF, so the candidate is used as it comes.
                    if (candidate.AsSpan().IndexOfAnyExcept((byte)0) >= 0 && candidate.AsSpan().SequenceCompareTo(Order) < 0)
                    {
                        return P256KeyPair.FromPrivateKey(candidate);
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(candidate);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dkpPrk);
        }

        throw new CryptographicException("DeriveKeyPairError: no valid P-256 scalar in 256 candidates.");
    }

    /// <summary>Encap(pkR) with a fresh ephemeral key.</summary>
    public static KemOutput Encap(ReadOnlySpan<byte> recipientPublicKey)
    {
        using var ephemeral = P256KeyPair.Generate();
        return Encap(recipientPublicKey, ephemeral);
    }

    /// <summary>Encap(pkR) with a given ephemeral key (the test vectors fix it through ikmE).</summary>
    public static KemOutput Encap(ReadOnlySpan<byte> recipientPublicKey, P256KeyPair ephemeral)
    {
        ArgumentNullException.ThrowIfNull(ephemeral);
        var dh = ephemeral.Agree(recipientPublicKey);
        var enc = ephemeral.PublicKey.ToArray();
        return new KemOutput(ExtractAndExpand(dh, [enc, recipientPublicKey.ToArray()]), enc);
    }

    /// <summary>Decap(enc, skR).</summary>
    public static byte[] Decap(ReadOnlySpan<byte> enc, P256KeyPair recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var dh = recipient.Agree(enc);
        return ExtractAndExpand(dh, [enc.ToArray(), recipient.PublicKey]);
    }

    /// <summary>AuthEncap(pkR, skS): the sender's static key is mixed in, so the recipient knows who sent it.</summary>
    public static KemOutput AuthEncap(ReadOnlySpan<byte> recipientPublicKey, P256KeyPair sender, P256KeyPair ephemeral)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(ephemeral);
        var dh = JoinDh(ephemeral.Agree(recipientPublicKey), sender.Agree(recipientPublicKey));
        var enc = ephemeral.PublicKey.ToArray();
        return new KemOutput(ExtractAndExpand(dh, [enc, recipientPublicKey.ToArray(), sender.PublicKey]), enc);
    }

    /// <summary>AuthDecap(enc, skR, pkS).</summary>
    public static byte[] AuthDecap(ReadOnlySpan<byte> enc, P256KeyPair recipient, ReadOnlySpan<byte> senderPublicKey)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var dh = JoinDh(recipient.Agree(enc), recipient.Agree(senderPublicKey));
        return ExtractAndExpand(dh, [enc.ToArray(), recipient.PublicKey, senderPublicKey.ToArray()]);
    }

    /// <summary>ExtractAndExpand(dh, kem_context) (RFC 9180 section 4.1); kem_context is the
    /// concatenation of the parts. The DH output is wiped once used.</summary>
    private static byte[] ExtractAndExpand(byte[] dh, byte[][] kemContextParts)
    {
        var eaePrk = HpkeLabels.Extract(SuiteId, [], "eae_prk"u8, dh);
        CryptographicOperations.ZeroMemory(dh);
        try
        {
            return HpkeLabels.Expand(SuiteId, eaePrk, "shared_secret"u8, Concat(kemContextParts), SecretLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(eaePrk);
        }
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var all = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }

    /// <summary>dh = DH(skE, pkR) | DH(skS, pkR) for the auth modes; the halves are wiped.</summary>
    private static byte[] JoinDh(byte[] first, byte[] second)
    {
        var dh = Concat(first, second);
        CryptographicOperations.ZeroMemory(first);
        CryptographicOperations.ZeroMemory(second);
        return dh;
    }
}
