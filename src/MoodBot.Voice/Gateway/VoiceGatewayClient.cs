using System.Buffers.Binary;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Voice.Dave.Session;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Gateway;

/// <summary>
/// One voice gateway (v8) session (voice-connections docs): Hello starts heartbeats that carry
/// <c>seq_ack</c>; Identify; Ready gives the SSRC and UDP endpoint, where IP discovery runs; Select
/// Protocol picks the mode; Session Description gives the key, and Speaking is sent so audio may
/// follow. Dropped connections are resumed (op 7) when the close code allows. Binary DAVE frames
/// and the JSON messages this client does not own go to an <see cref="IDaveSessionHandler"/>.
/// </summary>
public sealed partial class VoiceGatewayClient : IAsyncDisposable
{
    private static readonly VoiceGatewayJsonContext Json = VoiceGatewayJsonContext.Default;

    private readonly VoiceServerInfo _server;
    private readonly Func<IVoiceWebSocket> _socketFactory;
    private readonly IDaveSessionHandler _dave;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly VoiceGatewayOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<VoiceSession> _session = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    private IVoiceWebSocket? _socket;
    private VoiceUdpConnection? _udp;
    private uint _ssrc;
    private int _lastSeq = -1;
    private int _heartbeatsUnacknowledged;
    private int _resumeAttempts;
    private Task? _run;

    /// <summary>Creates a client; <see cref="ConnectAsync"/> starts it.</summary>
    public VoiceGatewayClient(
        VoiceServerInfo server,
        Func<IVoiceWebSocket> socketFactory,
        IDaveSessionHandler dave,
        TimeProvider time,
        ILogger<VoiceGatewayClient> logger,
        VoiceGatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(socketFactory);
        ArgumentNullException.ThrowIfNull(dave);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _server = server;
        _socketFactory = socketFactory;
        _dave = dave;
        _time = time;
        _logger = logger;
        _options = options ?? new VoiceGatewayOptions();
    }

    /// <summary>
    /// The connection's life: completes when the client is disposed, and faults with
    /// <see cref="VoiceGatewayClosedException"/> when the gateway closes in a way resuming cannot fix.
    /// </summary>
    public Task Completion => _run ?? throw new InvalidOperationException("The client has not been started.");

    /// <summary>The last <c>seq</c> received from the server (-1 before any).</summary>
    public int LastSequence => Volatile.Read(ref _lastSeq);

    /// <summary>Runs the handshake up to Speaking and returns the described session; the connection then lives on in <see cref="Completion"/>.</summary>
    public Task<VoiceSession> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The client is already started.");
        }

        _run = RunReportingAsync(_stopping.Token);
        return _session.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends a client binary frame: <c>[u8 opcode][payload]</c> (no sequence number on this side).</summary>
    public async ValueTask SendBinaryAsync(VoiceOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = new byte[1 + payload.Length];
        frame[0] = (byte)opcode;
        payload.CopyTo(frame.AsMemory(1));
        await SendAsync(frame, WebSocketMessageType.Binary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a JSON message (DAVE's ops 23 and 31).</summary>
    public ValueTask SendJsonAsync(VoiceOpcode opcode, JsonElement data, CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(new VoiceGatewayMessage((int)opcode, data), Json.VoiceGatewayMessage), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Sends what the DAVE session hands out: binary ops 26 and 28 as <c>[u8 op][payload]</c>, JSON
    /// ops 23 and 31 with the payload as the <c>d</c> body (<see cref="DaveOutgoing"/>).</summary>
    public ValueTask SendDaveAsync(DaveOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsBinary)
        {
            return SendBinaryAsync((VoiceOpcode)message.Opcode, message.Payload, cancellationToken);
        }

        using var body = JsonDocument.Parse(message.Payload);
        return SendJsonAsync((VoiceOpcode)message.Opcode, body.RootElement.Clone(), cancellationToken);
    }

    /// <summary>Sends Speaking: flag 1 (microphone) while playing, 0 when paused.</summary>
    public ValueTask SetSpeakingAsync(bool speaking, CancellationToken cancellationToken) =>
        SendJsonAsync(VoiceOpcode.Speaking, JsonSerializer.SerializeToElement(new SpeakingData(speaking ? 1 : 0, 0, _ssrc), Json.SpeakingData), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            // How the connection ended is reported through Completion; disposing only waits for it.
            await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _udp?.Dispose();
        _stopping.Dispose();
        _sendLock.Dispose();
    }

    private async Task RunReportingAsync(CancellationToken stopping)
    {
        try
        {
            await RunAsync(stopping).ConfigureAwait(false);
            _session.TrySetCanceled(stopping);
        }
        catch (Exception ex)
        {
            // A handshake failure (IP discovery timeout, a bad payload) must reach ConnectAsync's caller too.
            _session.TrySetException(ex);
            throw;
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var resuming = false;
        while (true)
        {
            var closeCode = await RunConnectionAsync(resuming, stopping).ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            var action = VoiceCloseCodes.Classify(closeCode);
            // Resuming needs a session to resume; before Session Description the caller starts over.
            if (action != VoiceCloseAction.Resume || !_session.Task.IsCompletedSuccessfully || Interlocked.Increment(ref _resumeAttempts) > _options.MaxResumeAttempts)
            {
                var final = action == VoiceCloseAction.Resume ? VoiceCloseAction.Rejoin : action;
                Log.Closed(_logger, closeCode, final);
                var exception = new VoiceGatewayClosedException(closeCode, final);
                _session.TrySetException(exception);
                throw exception;
            }

            var attempt = Volatile.Read(ref _resumeAttempts);
            Log.Resuming(_logger, closeCode, attempt);
            if (attempt > 1)
            {
                // The first resume goes at once so listeners hear the shortest gap; later ones back off.
                await Task.Delay(TimeSpan.FromSeconds(attempt - 1), _time, stopping).ConfigureAwait(false);
            }

            resuming = true;
        }
    }

    private async Task<int> RunConnectionAsync(bool resuming, CancellationToken stopping)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var socket = _socketFactory();
        _socket = socket;
        Task? heartbeat = null;
        try
        {
            await socket.ConnectAsync(_server.GatewayUri, connection.Token).ConfigureAwait(false);
            while (true)
            {
                VoiceSocketMessage message;
                try
                {
                    message = await socket.ReceiveAsync(connection.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    // The heartbeat loop cancelled the connection: the server stopped acknowledging.
                    return VoiceCloseCodes.AbnormalClosure;
                }

                if (message.CloseCode is int code)
                {
                    return code;
                }

                if (message.Type == WebSocketMessageType.Binary)
                {
                    await OnBinaryAsync(message.Payload, connection.Token).ConfigureAwait(false);
                    continue;
                }

                var envelope = JsonSerializer.Deserialize(message.Payload.Span, Json.VoiceGatewayMessage)
                    ?? throw new JsonException("A null voice gateway message.");
                if (envelope.Seq is int seq)
                {
                    Volatile.Write(ref _lastSeq, seq);
                }

                switch ((VoiceOpcode)envelope.Op)
                {
                    case VoiceOpcode.Hello:
                        var hello = envelope.Data.Deserialize(Json.HelloData)!;
                        // Started before Identify/Resume goes out, so the first beat is a full interval after Hello.
                        heartbeat = HeartbeatAsync(TimeSpan.FromMilliseconds(hello.HeartbeatIntervalMs), connection);
                        if (resuming)
                        {
                            await SendResumeAsync(connection.Token).ConfigureAwait(false);
                        }
                        else
                        {
                            await SendIdentifyAsync(connection.Token).ConfigureAwait(false);
                        }

                        break;
                    case VoiceOpcode.Ready:
                        await OnReadyAsync(envelope.Data.Deserialize(Json.ReadyData)!, connection.Token).ConfigureAwait(false);
                        break;
                    case VoiceOpcode.SessionDescription:
                        await OnSessionDescriptionAsync(envelope.Data.Deserialize(Json.SessionDescriptionData)!, connection.Token).ConfigureAwait(false);
                        break;
                    case VoiceOpcode.HeartbeatAck:
                        Volatile.Write(ref _heartbeatsUnacknowledged, 0);
                        break;
                    case VoiceOpcode.Resumed:
                        Log.Resumed(_logger, _server.ServerId);
                        Volatile.Write(ref _resumeAttempts, 0);
                        break;
                    default:
                        await _dave.OnJsonMessageAsync((VoiceOpcode)envelope.Op, envelope.Data, connection.Token).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (WebSocketException) when (!stopping.IsCancellationRequested)
        {
            // Could not connect, or a send failed on a dead connection: resumable like any drop.
            return VoiceCloseCodes.AbnormalClosure;
        }
        catch (OperationCanceledException)
        {
            // Disposal (RunAsync then stops), or the heartbeat loop dropping a zombie connection
            // mid-handshake step: either way this connection is over and may be resumed.
            return VoiceCloseCodes.AbnormalClosure;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(false);
            }

            _socket = null;
            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        Volatile.Write(ref _heartbeatsUnacknowledged, 0);
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Token).ConfigureAwait(false))
            {
                // An ACK missing by the next beat means the connection is a zombie: drop it and resume.
                if (Interlocked.Increment(ref _heartbeatsUnacknowledged) > 1)
                {
                    Log.HeartbeatMissed(_logger, _server.ServerId);
                    await connection.CancelAsync().ConfigureAwait(false);
                    return;
                }

                var beat = new HeartbeatData(_time.GetUtcNow().ToUnixTimeMilliseconds(), LastSequence);
                await SendJsonAsync(VoiceOpcode.Heartbeat, JsonSerializer.SerializeToElement(beat, Json.HeartbeatData), connection.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            // The connection ended; the receive loop reports why.
        }
        catch (WebSocketException)
        {
            // The send failed on a dying connection; the receive loop sees the close.
        }
    }

    private ValueTask SendIdentifyAsync(CancellationToken cancellationToken)
    {
        var identify = new IdentifyData(_server.ServerId, _server.UserId, _server.SessionId, _server.Token, _options.MaxDaveProtocolVersion);
        return SendJsonAsync(VoiceOpcode.Identify, JsonSerializer.SerializeToElement(identify, Json.IdentifyData), cancellationToken);
    }

    private ValueTask SendResumeAsync(CancellationToken cancellationToken)
    {
        var resume = new ResumeData(_server.ServerId, _server.SessionId, _server.Token, LastSequence);
        return SendJsonAsync(VoiceOpcode.Resume, JsonSerializer.SerializeToElement(resume, Json.ResumeData), cancellationToken);
    }

    private async Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken)
    {
        if (!TransportEncryptionModes.TryChoose(ready.Modes, out var mode))
        {
            throw new VoiceGatewayClosedException(VoiceCloseCodes.UnknownEncryptionMode, VoiceCloseAction.Stop, "Ready offered neither rtpsize AEAD mode");
        }

        _ssrc = ready.Ssrc;
        _udp?.Dispose();
        _udp = await VoiceUdpConnection.ConnectAsync(new IPEndPoint(IPAddress.Parse(ready.Ip), ready.Port), _time, cancellationToken).ConfigureAwait(false);
        var discovered = await _udp.DiscoverAsync(ready.Ssrc, _options.IpDiscoveryTimeout, cancellationToken).ConfigureAwait(false);
        Log.Ready(_logger, ready.Ssrc, mode.Value.ToWireName());

        var select = new SelectProtocolData("udp", new SelectProtocolConnection(discovered.Address, discovered.Port, mode.Value.ToWireName()));
        await SendJsonAsync(VoiceOpcode.SelectProtocol, JsonSerializer.SerializeToElement(select, Json.SelectProtocolData), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnSessionDescriptionAsync(SessionDescriptionData description, CancellationToken cancellationToken)
    {
        if (_udp is null || !TransportEncryptionModes.TryParse(description.Mode, out var mode) || description.SecretKey.Length != RtpSizeCipher.KeySize)
        {
            throw new VoiceGatewayClosedException(VoiceCloseCodes.UnknownEncryptionMode, VoiceCloseAction.Stop, "Session Description before Ready, or with an unusable mode or key");
        }

        Log.SessionDescribed(_logger, description.Mode, description.DaveProtocolVersion);
        // Discord wants Speaking before the first audio packet, or it cannot map our SSRC to us.
        await SetSpeakingAsync(true, cancellationToken).ConfigureAwait(false);
        await _dave.OnSessionDescriptionAsync(description.DaveProtocolVersion, cancellationToken).ConfigureAwait(false);
        _session.TrySetResult(new VoiceSession(_ssrc, _udp, mode, description.SecretKey, description.DaveProtocolVersion));
    }

    private async Task OnBinaryAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        // Server binary frames are [u16 BE seq][u8 opcode][payload] (DAVE whitepaper, "Voice Gateway Opcodes").
        if (frame.Length < 3)
        {
            Log.ShortBinaryFrame(_logger, frame.Length);
            return;
        }

        Volatile.Write(ref _lastSeq, BinaryPrimitives.ReadUInt16BigEndian(frame.Span));
        await _dave.OnBinaryMessageAsync((VoiceOpcode)frame.Span[2], frame[3..], cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        // The heartbeat loop, the receive loop and DAVE all send; a WebSocket takes one send at a time.
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var socket = _socket ?? throw new WebSocketException(WebSocketError.InvalidState, "The voice gateway is not connected.");
            await socket.SendAsync(message, type, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Voice gateway ready: SSRC {Ssrc}, selecting {Mode}")]
        public static partial void Ready(ILogger logger, uint ssrc, string mode);

        [LoggerMessage(2, LogLevel.Information, "Voice session described: {Mode}, DAVE protocol version {DaveProtocolVersion}")]
        public static partial void SessionDescribed(ILogger logger, string mode, int daveProtocolVersion);

        [LoggerMessage(3, LogLevel.Warning, "Voice gateway closed with {CloseCode}; resuming (attempt {Attempt})")]
        public static partial void Resuming(ILogger logger, int closeCode, int attempt);

        [LoggerMessage(4, LogLevel.Information, "Voice gateway resumed for server {ServerId}")]
        public static partial void Resumed(ILogger logger, string serverId);

        [LoggerMessage(5, LogLevel.Warning, "Voice gateway closed with {CloseCode}; not resuming ({Action})")]
        public static partial void Closed(ILogger logger, int closeCode, VoiceCloseAction action);

        [LoggerMessage(6, LogLevel.Warning, "Voice gateway for server {ServerId} missed a heartbeat ACK; dropping the connection to resume")]
        public static partial void HeartbeatMissed(ILogger logger, string serverId);

        [LoggerMessage(7, LogLevel.Warning, "Ignored a {Length}-byte binary voice gateway frame, too short for seq and opcode")]
        public static partial void ShortBinaryFrame(ILogger logger, int length);
    }
}
