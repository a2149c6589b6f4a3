namespace MoodBot.Voice.Dave.Frames;

/// <summary>A frame names its key generation by one byte (the top byte of the 32-bit nonce), but a
/// ratchet's generations go on past 255 (after 2^32 frames the nonce wraps). These turn the byte back
/// into the full generation relative to a known one (libdave cryptor_manager.cpp).</summary>
public static class GenerationWrap
{
    public const int GenerationShift = 24;
    public const uint Wrap = 256;

    /// <summary>The smallest generation at or after <paramref name="reference"/> whose low byte is
    /// <paramref name="generationByte"/>. A frame older than the reference lands a full wrap ahead,
    /// where the ratchet's gap limit refuses it.</summary>
    public static uint Unwrap(uint reference, byte generationByte)
    {
        var factor = reference / Wrap + (generationByte < reference % Wrap ? 1u : 0u);
        return (factor * Wrap) + generationByte;
    }

    /// <summary>A 64-bit nonce unique across wraps: the full generation above the nonce's low 24 bits,
    /// so replay checks compare frames of different wraps correctly.</summary>
    public static ulong BigNonce(uint generation, uint truncatedNonce) =>
        ((ulong)generation << GenerationShift) | (truncatedNonce & ((1u << GenerationShift) - 1));
}
