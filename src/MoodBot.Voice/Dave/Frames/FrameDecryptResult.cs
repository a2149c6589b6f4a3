namespace MoodBot.Voice.Dave.Frames;

/// <summary>What became of one received frame. Only <see cref="Decrypted"/> and <see cref="PassedThrough"/>
/// yield audio; the rest are dropped (a lost 20 ms frame, which Opus conceals).</summary>
public enum FrameDecryptResult
{
    Decrypted,

    /// <summary>The Opus silence frame, or an unmarked frame while passthrough is allowed.</summary>
    PassedThrough,

    /// <summary>No 0xFAFA marker and passthrough is not allowed.</summary>
    NotEncrypted,

    /// <summary>Marked, but the footer is inconsistent.</summary>
    Malformed,

    /// <summary>This (generation, nonce) was already decrypted, or is too old to tell.</summary>
    Replayed,

    /// <summary>No ratchet, or no key for the frame's generation (erased, expired or too far ahead).</summary>
    MissingKey,

    /// <summary>The tag did not verify under any ratchet held.</summary>
    AuthenticationFailed,
}
