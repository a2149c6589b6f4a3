using System.Text;

namespace MoodBot.Voice.Dave.Identity;

/// <summary>The digits people compare to verify each other (whitepaper "Verification"; libdave js
/// DisplayableCode): each group of <c>groupSize</c> bytes, read as a big-endian integer, taken mod
/// 10^groupSize and zero-padded to groupSize digits.</summary>
public static class DisplayableCode
{
    public const int MaxGroupSize = 8;

    /// <summary>The epoch authenticator's code: 30 digits, in groups of 5 bytes.</summary>
    public static string EpochAuthenticator(ReadOnlySpan<byte> epochAuthenticator) => Generate(epochAuthenticator, 30, 5);

    /// <summary>The pairwise fingerprint's code: 45 digits, in groups of 5 bytes.</summary>
    public static string PairwiseFingerprint(ReadOnlySpan<byte> fingerprint) => Generate(fingerprint, 45, 5);

    public static string Generate(ReadOnlySpan<byte> data, int codeLength, int groupSize)
    {
        if (groupSize is < 1 or > MaxGroupSize)
        {
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, $"The group size must be 1 to {MaxGroupSize}.");
        }

        if (codeLength <= 0 || codeLength % groupSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(codeLength), codeLength, $"The code length must be a positive multiple of the group size {groupSize}.");
        }

        if (data.Length < codeLength)
        {
            throw new ArgumentException($"{data.Length} bytes are too few for a {codeLength}-digit code.", nameof(data));
        }

        ulong modulus = 1;
        for (var i = 0; i < groupSize; i++)
        {
            modulus *= 10;
        }

        var code = new StringBuilder(codeLength);
        for (var at = 0; at < codeLength; at += groupSize)
        {
            ulong value = 0;
            foreach (var b in data.Slice(at, groupSize))
            {
                value = (value << 8) | b;
            }

            code.Append((value % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(groupSize, '0'));
        }

        return code.ToString();
    }

    /// <summary>A code split for display, e.g. the epoch authenticator's 30 digits as six groups of 5.</summary>
    public static string Grouped(string code, int groupSize = 5, char separator = ' ')
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = new List<string>();
        for (var at = 0; at < code.Length; at += groupSize)
        {
            parts.Add(code.Substring(at, Math.Min(groupSize, code.Length - at)));
        }

        return string.Join(separator, parts);
    }
}
