namespace MoodBot.Voice.Transport;

/// <summary>
/// Plays Opus frames to the voice server: each frame goes through the end-to-end stage (DAVE) when
/// there is one, is sealed into an RTP packet and sent in its 20 ms slot; when the frames end, five
/// silence frames follow in the same grid. Speaking must have been sent first (the gateway client
/// does so when it connects).
/// </summary>
public sealed class VoiceSender
{
    /// <summary>RFC 6716 section 3.2.1 caps a frame at 1275 bytes.</summary>
    public const int MaxOpusFrameSize = 1275;

    private readonly RtpPacketizer _packetizer;
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _sendDatagram;
    private readonly FramePacer _pacer;
    private readonly IMediaFrameEncryptor? _e2ee;
    private long _droppedFrames;

    /// <summary>Sends through <paramref name="udp"/>, paced on <paramref name="time"/>; frames pass through
    /// <paramref name="e2ee"/> (DAVE) first when given.</summary>
    public VoiceSender(RtpPacketizer packetizer, VoiceUdpConnection udp, TimeProvider time, IMediaFrameEncryptor? e2ee = null)
        : this(packetizer, async (datagram, ct) => await udp.SendAsync(datagram, ct).ConfigureAwait(false), time, e2ee)
    {
        ArgumentNullException.ThrowIfNull(udp);
    }

    internal VoiceSender(RtpPacketizer packetizer, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sendDatagram, TimeProvider time, IMediaFrameEncryptor? e2ee = null)
    {
        ArgumentNullException.ThrowIfNull(packetizer);
        _packetizer = packetizer;
        _sendDatagram = sendDatagram;
        _pacer = new FramePacer(time);
        _e2ee = e2ee;
    }

    /// <summary>Frames not sent because the end-to-end stage had no keys for them.</summary>
    public long DroppedFrames => Interlocked.Read(ref _droppedFrames);

    /// <summary>
    /// Sends every frame, then the silence. To stop early without cutting off mid-word, complete the
    /// source; cancelling stops at once and sends no silence.
    /// </summary>
    public Task PlayAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> opusFrames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opusFrames);
        // Buffers reused for every packet: the socket has sent the packet before the next slot comes.
        var overhead = _e2ee?.MaxOverhead ?? 0;
        var buffer = new byte[RtpPacketizer.PacketLength(MaxOpusFrameSize + overhead)];
        var protectedFrame = _e2ee is null ? [] : new byte[MaxOpusFrameSize + overhead];
        return _pacer.RunAsync(WithTrailingSilence(opusFrames, cancellationToken), SendFrameAsync, cancellationToken);

        ValueTask SendFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
        {
            if (frame.Length > MaxOpusFrameSize)
            {
                throw new ArgumentException($"An Opus frame is at most {MaxOpusFrameSize} bytes (RFC 6716 3.2.1); got {frame.Length}.");
            }

            var payload = frame.Span;
            if (_e2ee is not null)
            {
                if (!_e2ee.TryEncrypt(payload, protectedFrame, out var written))
                {
                    // DAVE is negotiated but has no sender keys yet: plain audio must not go out.
                    Interlocked.Increment(ref _droppedFrames);
                    _packetizer.SkipFrame();
                    return ValueTask.CompletedTask;
                }

                payload = protectedFrame.AsSpan(0, written);
            }

            var length = _packetizer.Packetize(payload, buffer);
            return _sendDatagram(buffer.AsMemory(0, length), ct);
        }
    }

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
