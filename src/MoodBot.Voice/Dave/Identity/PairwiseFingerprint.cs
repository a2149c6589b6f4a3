using Org.BouncyCastle.Crypto.Generators;

namespace MoodBot.Voice.Dave.Identity;

/// <summary>The fingerprint two members compare to verify each other (whitepaper "Verification";
/// libdave js PairwiseFingerprint): both key fingerprints, sorted byte-wise so either side gets the
/// same result, concatenated, and stretched with scrypt (N=16384, r=8, p=2, 64 bytes) under a fixed
/// salt, which makes brute-forcing a key whose fingerprint shows the same digits expensive.</summary>
public static class PairwiseFingerprint
{
    public const int CostN = 16384;
    public const int BlockSizeR = 8;
    public const int ParallelismP = 2;
    public const int Length = 64;

    private static readonly byte[] Salt = Convert.FromHexString("24cab17a7af8ec2b82b412b92dab192e");

    public static byte[] Generate(ushort version, ReadOnlySpan<byte> localKey, ulong localUserId, ReadOnlySpan<byte> remoteKey, ulong remoteUserId)
    {
        var a = KeyFingerprint.Generate(version, localKey, localUserId);
        var b = KeyFingerprint.Generate(version, remoteKey, remoteUserId);
        var (first, second) = a.AsSpan().SequenceCompareTo(b) <= 0 ? (a, b) : (b, a);
        byte[] password = [.. first, .. second];
        return SCrypt.Generate(password, Salt, CostN, BlockSizeR, ParallelismP, Length);
    }

    public static byte[] Generate(ushort version, ReadOnlySpan<byte> localKey, string localUserId, ReadOnlySpan<byte> remoteKey, string remoteUserId) =>
        Generate(version, localKey, KeyFingerprint.ParseUserId(localUserId), remoteKey, KeyFingerprint.ParseUserId(remoteUserId));
}
