namespace MoodBot.Voice.Transport;

/// <summary>
/// Turns 20 ms Opus frames into sealed RTP packets for one SSRC: the sequence advances by one and
/// the timestamp by 960 samples (20 ms at 48 kHz) per frame, the nonce counter by one per packet,
/// all wrapping as unsigned integers do (RFC 3550 section 5.1; Discord voice-connections docs).
/// Not thread-safe: one sender owns it.
/// </summary>
public sealed class RtpPacketizer
{
    /// <summary>Samples per 20 ms frame at Opus's 48 kHz clock.</summary>
    public const uint SamplesPerFrame = 960;

    /// <summary>
    /// Discord asks for five of these before pausing, so that Opus decoders on the other side do not
    /// interpolate the last frame into a noise (voice-connections docs, "Voice Data Interpolation").
    /// </summary>
    public const int SilenceFramesOnStop = 5;

    /// <summary>The Opus silence frame.</summary>
    public static ReadOnlySpan<byte> SilenceFrame => [0xF8, 0xFF, 0xFE];

    private readonly RtpSizeCipher _cipher;

    /// <summary>Starts a stream at the given sequence, timestamp and nonce (RFC 3550 suggests random starts).</summary>
    public RtpPacketizer(uint ssrc, RtpSizeCipher cipher, ushort sequence = 0, uint timestamp = 0, uint nonce = 0)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        Ssrc = ssrc;
        _cipher = cipher;
        NextSequence = sequence;
        NextTimestamp = timestamp;
        NextNonce = nonce;
    }

    /// <summary>The SSRC Ready assigned to us.</summary>
    public uint Ssrc { get; }

    /// <summary>The sequence number the next packet carries.</summary>
    public ushort NextSequence { get; private set; }

    /// <summary>The RTP timestamp the next packet carries.</summary>
    public uint NextTimestamp { get; private set; }

    /// <summary>The nonce counter the next packet is sealed with.</summary>
    public uint NextNonce { get; private set; }

    /// <summary>The largest packet a frame of <paramref name="frameLength"/> bytes becomes.</summary>
    public static int PacketLength(int frameLength) => RtpHeader.Size + frameLength + RtpSizeCipher.Overhead;

    /// <summary>Seals one frame into <paramref name="destination"/>, advances the stream and returns the packet length.</summary>
    public int Packetize(ReadOnlySpan<byte> opusFrame, Span<byte> destination)
    {
        Span<byte> header = stackalloc byte[RtpHeader.Size];
        new RtpHeader(NextSequence, NextTimestamp, Ssrc).Write(header);
        var length = _cipher.Seal(header, opusFrame, NextNonce, destination);
        unchecked
        {
            NextSequence++;
            NextTimestamp += SamplesPerFrame;
            NextNonce++;
        }

        return length;
    }

    /// <summary>A frame's 20 ms passed without a packet (it could not be end-to-end encrypted yet): the
    /// timestamp still advances, as it follows the sampling clock (RFC 3550 section 5.1), so the
    /// receivers' jitter buffers play a gap, but the sequence does not, since no packet was lost.</summary>
    public void SkipFrame()
    {
        unchecked
        {
            NextTimestamp += SamplesPerFrame;
        }
    }
}
