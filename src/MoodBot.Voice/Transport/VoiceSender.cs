namespace MoodBot.Voice.Transport;

/// <summary>
/// Plays Opus frames to the voice server: each frame is sealed into an RTP packet and sent in its
/// 20 ms slot; when the frames end, five silence frames follow in the same grid. Speaking must have
/// been sent first (the gateway client does so when it connects).
/// </summary>
public sealed class VoiceSender
{
    private readonly RtpPacketizer _packetizer;
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _sendDatagram;
    private readonly FramePacer _pacer;

    /// <summary>Sends through <paramref name="udp"/>, paced on <paramref name="time"/>.</summary>
    public VoiceSender(RtpPacketizer packetizer, VoiceUdpConnection udp, TimeProvider time)
        : this(packetizer, async (datagram, ct) => await udp.SendAsync(datagram, ct).ConfigureAwait(false), time)
    {
        ArgumentNullException.ThrowIfNull(udp);
    }

    internal VoiceSender(RtpPacketizer packetizer, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sendDatagram, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(packetizer);
        _packetizer = packetizer;
        _sendDatagram = sendDatagram;
        _pacer = new FramePacer(time);
    }

    /// <summary>
    /// Sends every frame, then the silence. To stop early without cutting off mid-word, complete the
    /// source; cancelling stops at once and sends no silence.
    /// </summary>
    public Task PlayAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> opusFrames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opusFrames);
        // One buffer reused for every packet: the socket has sent it before the next slot comes.
        var buffer = new byte[RtpPacketizer.PacketLength(MaxOpusFrameSize)];
        return _pacer.RunAsync(WithTrailingSilence(opusFrames, cancellationToken), SendFrameAsync, cancellationToken);

        ValueTask SendFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
        {
            if (frame.Length > MaxOpusFrameSize)
            {
                throw new ArgumentException($"An Opus frame is at most {MaxOpusFrameSize} bytes (RFC 6716 3.2.1); got {frame.Length}.");
            }

            var length = _packetizer.Packetize(frame.Span, buffer);
            return _sendDatagram(buffer.AsMemory(0, length), ct);
        }
    }

    /// <summary>RFC 6716 section 3.2.1 caps a frame at 1275 bytes.</summary>
    public const int MaxOpusFrameSize = 1275;

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> WithTrailingSilence(
        IAsyncEnumerable<ReadOnlyMemory<byte>> frames,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in frames.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return frame;
        }

        var silence = RtpPacketizer.SilenceFrame.ToArray();
        for (var i = 0; i < RtpPacketizer.SilenceFramesOnStop; i++)
        {
            yield return silence;
        }
    }
}
