namespace MoodBot.Voice.Transport;

/// <summary>
/// The end-to-end stage between the audio pipeline and transport encryption: DAVE's frame encryption
/// (whitepaper "Frame Encryption": "frames go through DAVE first and are then transport-encrypted").
/// Implemented by <see cref="Connection.DaveSessionHandler"/>.
/// </summary>
public interface IMediaFrameEncryptor
{
    /// <summary>The most bytes <see cref="TryEncrypt"/> adds to a frame.</summary>
    int MaxOverhead { get; }

    /// <summary>
    /// Protects one Opus frame into <paramref name="destination"/>. False when there are no keys to
    /// send with (DAVE negotiated but no transition executed yet): the frame must be dropped, never
    /// sent in the clear.
    /// </summary>
    bool TryEncrypt(ReadOnlySpan<byte> frame, Span<byte> destination, out int written);
}
