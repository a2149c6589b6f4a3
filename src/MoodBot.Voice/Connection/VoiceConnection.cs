using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Connection;

/// <summary>
/// One voice connection with DAVE handled inside: the voice gateway handshake, IP discovery, the DAVE
/// group (op 25 to op 22) and the RTP sender whose frames DAVE encrypts before the transport seals
/// them. <see cref="ConnectAsync"/> returns once audio can go out end-to-end encrypted; the app hands
/// Opus frames to <see cref="PlayAsync"/>. See docs/voice.md, "Joined up".
/// </summary>
public sealed class VoiceConnection : IAsyncDisposable
{
    private readonly VoiceGatewayClient _gateway;
    private readonly DaveSessionHandler _dave;
    private readonly VoiceSession _session;
    private readonly RtpSizeCipher _cipher;
    private readonly VoiceSender _sender;
    private int _playing;

    private VoiceConnection(VoiceGatewayClient gateway, DaveSessionHandler dave, VoiceSession session, TimeProvider time)
    {
        _gateway = gateway;
        _dave = dave;
        _session = session;
        _cipher = session.CreateCipher();
        // RFC 3550 5.1: random initial sequence number and timestamp.
        var packetizer = new RtpPacketizer(session.Ssrc, _cipher, (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1), (uint)RandomNumberGenerator.GetInt32(int.MaxValue));
        _sender = new VoiceSender(packetizer, session.Udp, time, dave);
    }

    /// <summary>Our SSRC.</summary>
    public uint Ssrc => _session.Ssrc;

    /// <summary>The DAVE protocol version our audio is sent with (1 in a DAVE call; 0 if the server chose none).</summary>
    public ushort DaveProtocolVersion => _dave.ProtocolVersion;

    /// <summary>The DAVE group's MLS epoch, null while the group is being (re)formed.</summary>
    public ulong? DaveEpoch => _dave.Epoch;

    /// <summary>Frames dropped because DAVE had no sender keys (during a re-join after op 31, say).</summary>
    public long DroppedFrames => _sender.DroppedFrames;

    /// <summary>The connection's life: faults with <see cref="VoiceGatewayClosedException"/> when it ends for
    /// a reason resuming cannot fix (its <see cref="VoiceGatewayClosedException.Action"/> says whether to re-join).</summary>
    public Task Completion => _gateway.Completion;

    /// <summary>
    /// Connects to the voice gateway named by <paramref name="server"/> (VOICE_SERVER_UPDATE and
    /// VOICE_STATE_UPDATE), runs the handshake and the DAVE setup, and returns once frames can be sent.
    /// Bound the wait with <paramref name="cancellationToken"/>: the DAVE setup waits on the voice server.
    /// </summary>
    /// <param name="channelId">The voice channel: DAVE's MLS group id.</param>
    public static Task<VoiceConnection> ConnectAsync(VoiceServerInfo server, ulong channelId, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        ConnectAsync(server, channelId, () => new ClientVoiceWebSocket(), time, loggers, options: null, cancellationToken);

    internal static async Task<VoiceConnection> ConnectAsync(
        VoiceServerInfo server,
        ulong channelId,
        Func<IVoiceWebSocket> socketFactory,
        TimeProvider time,
        ILoggerFactory loggers,
        VoiceGatewayOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(loggers);
        var userId = ulong.Parse(server.UserId, NumberStyles.None, CultureInfo.InvariantCulture);
        VoiceGatewayClient? gateway = null;
        // DAVE sends only in answer to what the gateway delivers, so the client exists by then.
        var dave = new DaveSessionHandler(userId, channelId, time, (message, ct) => gateway!.SendDaveAsync(message, ct), loggers.CreateLogger<DaveSessionHandler>());
        gateway = new VoiceGatewayClient(server, socketFactory, dave, time, loggers.CreateLogger<VoiceGatewayClient>(), options);
        try
        {
            var session = await gateway.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAny(dave.Ready, gateway.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!dave.Ready.IsCompleted)
            {
                // The gateway ended before DAVE was ready: surface how (a close code), or that it was stopped.
                await gateway.Completion.ConfigureAwait(false);
                throw new OperationCanceledException("The voice connection stopped before DAVE was ready.");
            }

            return new VoiceConnection(gateway, dave, session, time);
        }
        catch
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
            dave.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Plays 20 ms Opus frames (at most 1275 bytes each), each DAVE-encrypted, sealed and sent in its
    /// slot, then five silence frames. One play at a time; sequence and timestamp carry on across plays.
    /// </summary>
    public async Task PlayAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> opusFrames, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _playing, 1) == 1)
        {
            throw new InvalidOperationException("A voice connection plays one stream at a time.");
        }

        try
        {
            await _sender.PlayAsync(opusFrames, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _playing, 0);
        }
    }

    /// <summary>A receiver for other users' packets on this connection's keys (transport, then DAVE).</summary>
    public VoiceReceiver CreateReceiver() => new(_session.CreateCipher(), _dave);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The gateway first: its receive loop is what calls into DAVE.
        await _gateway.DisposeAsync().ConfigureAwait(false);
        _dave.Dispose();
        _cipher.Dispose();
    }
}
