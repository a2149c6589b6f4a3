using System.Buffers.Binary;
using System.Globalization;

namespace MoodBot.Voice.Dave.Identity;

/// <summary>A member's key fingerprint (whitepaper "Verification"; libdave js KeyFingerprint):
/// uint16_be(version) || signature public key || uint64_be(user id). Only version 0 exists.</summary>
public static class KeyFingerprint
{
    public const ushort Version = 0;

    public static byte[] Generate(ushort version, ReadOnlySpan<byte> publicKey, ulong userId)
    {
        if (version != Version)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Only fingerprint version 0 exists.");
        }

        if (publicKey.IsEmpty)
        {
            throw new ArgumentException("The public key is empty.", nameof(publicKey));
        }

        var fingerprint = new byte[2 + publicKey.Length + 8];
        BinaryPrimitives.WriteUInt16BigEndian(fingerprint, version);
        publicKey.CopyTo(fingerprint.AsSpan(2));
        BinaryPrimitives.WriteUInt64BigEndian(fingerprint.AsSpan(2 + publicKey.Length), userId);
        return fingerprint;
    }

    /// <summary>The same with the user id as Discord sends it: a decimal snowflake string.</summary>
    public static byte[] Generate(ushort version, ReadOnlySpan<byte> publicKey, string userId) =>
        Generate(version, publicKey, ParseUserId(userId));

    internal static ulong ParseUserId(string userId) =>
        ulong.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{userId}' is not a user id (a decimal number that fits 64 bits).", nameof(userId));
}
