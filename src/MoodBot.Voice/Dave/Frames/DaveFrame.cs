using System.Buffers.Binary;

namespace MoodBot.Voice.Dave.Frames;

/// <summary>The layout of a DAVE-protected Opus frame (whitepaper "Frame Format", libdave
/// frame_processors.cpp): <c>ciphertext || tag(8) || ULEB128(truncated nonce) || unencrypted ranges ||
/// u8 supplemental size || 0xFA 0xFA</c>. The supplemental size counts everything after the ciphertext.
/// Opus frames are encrypted whole, so they carry no unencrypted ranges and have empty AAD.</summary>
public readonly ref struct DaveFrame
{
    public const byte MarkerByte = 0xFA;
    public const int MarkerLength = 2;

    /// <summary>Tag, the size byte and the marker: the footer without the nonce.</summary>
    public const int FixedSupplementalLength = TruncatedAesGcm.TagLength + 1 + MarkerLength;

    /// <summary>Opus's silence frame, which DAVE leaves unencrypted in both directions.</summary>
    public static ReadOnlySpan<byte> OpusSilence => [0xF8, 0xFF, 0xFE];

    private DaveFrame(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, uint truncatedNonce)
    {
        Ciphertext = ciphertext;
        Tag = tag;
        TruncatedNonce = truncatedNonce;
    }

    public ReadOnlySpan<byte> Ciphertext { get; }

    public ReadOnlySpan<byte> Tag { get; }

    public uint TruncatedNonce { get; }

    /// <summary>The key generation the nonce names: its top byte, before wrap-around is undone.</summary>
    public byte GenerationByte => (byte)(TruncatedNonce >> 24);

    public static bool IsSilence(ReadOnlySpan<byte> frame) => frame.SequenceEqual(OpusSilence);

    /// <summary>True when the frame ends with the 0xFAFA marker: only then is it a DAVE frame at all
    /// (the whitepaper has receivers check the marker before trying to decrypt).</summary>
    public static bool HasMarker(ReadOnlySpan<byte> frame) =>
        frame.Length >= MarkerLength && frame[^1] == MarkerByte && frame[^2] == MarkerByte;

    /// <summary>Splits a marked frame into its parts; false when the footer is inconsistent, or holds
    /// unencrypted ranges (which Opus frames never have, and which we do not support).</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out DaveFrame parsed)
    {
        parsed = default;
        if (!HasMarker(frame) || frame.Length < FixedSupplementalLength + 1)
        {
            return false;
        }

        int supplemental = frame[^(MarkerLength + 1)];
        if (supplemental < FixedSupplementalLength + 1 || supplemental > frame.Length)
        {
            return false;
        }

        var footer = frame[^supplemental..^(MarkerLength + 1)];
        var tag = footer[..TruncatedAesGcm.TagLength];
        var nonceBytes = footer[TruncatedAesGcm.TagLength..];
        if (!Leb128.TryRead(nonceBytes, out var nonce, out var consumed) || nonce > uint.MaxValue || consumed != nonceBytes.Length)
        {
            return false;
        }

        parsed = new DaveFrame(frame[..^supplemental], tag, (uint)nonce);
        return true;
    }

    /// <summary>The 12-byte GCM nonce: 8 zero bytes, then the 32-bit truncated nonce little-endian
    /// (libdave copies the integer's host memory to offset 8; every platform it ships on is little-endian).</summary>
    public static void ExpandNonce(uint truncatedNonce, Span<byte> nonce)
    {
        nonce[..8].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], truncatedNonce);
    }

    /// <summary>The size of the protected form of a frame of <paramref name="plaintextLength"/> bytes with this nonce.</summary>
    public static int ProtectedLength(int plaintextLength, uint truncatedNonce) =>
        plaintextLength + FixedSupplementalLength + Leb128.Size(truncatedNonce);

    /// <summary>The most a protected frame can grow by: the fixed footer and a 5-byte nonce.</summary>
    public const int MaxOverhead = FixedSupplementalLength + 5;
}
