using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>LabeledExtract and LabeledExpand (RFC 9180 section 4), which bind every derivation to
/// "HPKE-v1" and the suite it belongs to, so keys from different suites or KEM/HPKE uses never collide.</summary>
internal static class HpkeLabels
{
    private static ReadOnlySpan<byte> Version => "HPKE-v1"u8;

    /// <summary>LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" | suite_id | label | ikm).</summary>
    public static byte[] Extract(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        var labeledIkm = new byte[Version.Length + suiteId.Length + label.Length + ikm.Length];
        var at = Append(labeledIkm, 0, Version);
        at = Append(labeledIkm, at, suiteId);
        at = Append(labeledIkm, at, label);
        Append(labeledIkm, at, ikm);
        try
        {
            return HkdfSha256.Extract(salt, labeledIkm);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    /// <summary>LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) | "HPKE-v1" | suite_id | label | info, L).</summary>
    public static byte[] Expand(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        var labeledInfo = new byte[2 + Version.Length + suiteId.Length + label.Length + info.Length];
        BinaryPrimitives.WriteUInt16BigEndian(labeledInfo, checked((ushort)length));
        var at = Append(labeledInfo, 2, Version);
        at = Append(labeledInfo, at, suiteId);
        at = Append(labeledInfo, at, label);
        Append(labeledInfo, at, info);
        return HkdfSha256.Expand(prk, labeledInfo, length);
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[at..]);
        return at + part.Length;
    }
}
