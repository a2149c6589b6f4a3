using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>HKDF with SHA-256 (RFC 5869), written over HMAC directly.</summary>
/// <remarks>
/// .NET 10's <see cref="HKDF.Expand(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte})"/>
/// rejects a PRK shorter than the hash length, which RFC 5869 allows (DAVE's ratchet starts from a
/// 16-byte secret), so Expand is HMAC-SHA256 by hand. Extract is plain HMAC(salt, ikm).
/// </remarks>
internal static class HkdfSha256
{
    public const int HashLength = 32;

    /// <summary>HKDF-Extract (RFC 5869 section 2.2): an empty salt means HashLength zero bytes.</summary>
    public static byte[] Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm)
    {
        var prk = new byte[HashLength];
        Extract(salt, ikm, prk);
        return prk;
    }

    public static void Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> prk)
    {
        // HMAC pads a short key with zeros, so an empty salt already is "HashLen zeros".
        HMACSHA256.HashData(salt, ikm, prk);
    }

    /// <summary>HKDF-Expand (RFC 5869 section 2.3) into a new array of <paramref name="length"/> bytes.</summary>
    public static byte[] Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, int length)
    {
        var okm = new byte[length];
        Expand(prk, info, okm);
        return okm;
    }

    /// <summary>HKDF-Expand filling <paramref name="okm"/>: T(i) = HMAC(PRK, T(i-1) | info | i).</summary>
    public static void Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> okm)
    {
        if (okm.Length > 255 * HashLength)
        {
            throw new ArgumentOutOfRangeException(nameof(okm), "HKDF-Expand yields at most 255 * HashLen bytes.");
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, prk);
        Span<byte> block = stackalloc byte[HashLength];
        Span<byte> counter = stackalloc byte[1];
        var written = 0;
        for (var i = 1; written < okm.Length; i++)
        {
            if (i > 1)
            {
                hmac.AppendData(block);
            }

            hmac.AppendData(info);
            counter[0] = (byte)i;
            hmac.AppendData(counter);
            hmac.GetHashAndReset(block);
            var take = Math.Min(HashLength, okm.Length - written);
            block[..take].CopyTo(okm[written..]);
            written += take;
        }

        CryptographicOperations.ZeroMemory(block);
    }
}
