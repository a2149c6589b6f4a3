using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MoodBot.Chat;

namespace MoodBot.Discord.Gateway;

/// <summary>
/// One Discord gateway v10 (JSON) connection for one shard: Hello, heartbeats, Identify (paced by
/// the shared <see cref="IdentifyGate"/>) or Resume, and dispatches handed on through
/// <see cref="Events"/>. <see cref="RunAsync"/> reconnects until cancelled or until a fatal close
/// code. Other code sends op 3/4/8 through <see cref="SendAsync(GatewayOpcode, JsonElement, CancellationToken)"/>,
/// within Discord's send rate and size limits.
/// </summary>
internal sealed partial class GatewayClient : IDisposable
{
    /// <summary>Discord closes the connection with 4002 on a larger payload.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>
    /// The largest inbound message assembled. Discord's biggest (READY or GUILD_CREATE of a huge
    /// guild, uncompressed) stay well under this; a larger one is a broken or hostile peer, and
    /// assembling it would let one message take unbounded memory.
    /// </summary>
    public const int MaxInboundMessageBytes = 16 * 1024 * 1024;

    // Resumes after oversize messages with nothing read in between, before starting a new session.
    private const int MaxOversizeResumes = 3;

    private static readonly GatewayOpcode[] CallerOpcodes =
    [
        GatewayOpcode.PresenceUpdate,
        GatewayOpcode.VoiceStateUpdate,
        GatewayOpcode.RequestGuildMembers,
        GatewayOpcode.RequestSoundboardSounds,
        GatewayOpcode.RequestChannelInfo,
    ];

    private readonly DiscordOptions _options;
    private readonly IWebSocketConnector _connector;
    private readonly ReconnectBackoff _backoff;
    private readonly GatewayTimings _timings;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly IdentifyGate? _identifyGate;
    private readonly Uri _gatewayUrl;
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private string? _sessionId;
    private string? _resumeUrl;
    private int _lastSequence = -1;
    private int _awaitingAck;
    private long _unknownOpcodes;
    private long _malformedFrames;
    private long _oversizeMessages;
    private int _oversizeInARow;
    private LiveConnection? _live;

    public GatewayClient(
        DiscordOptions options,
        IWebSocketConnector connector,
        TimeProvider time,
        ILogger<GatewayClient> logger,
        Random? random = null,
        ReconnectBackoff? backoff = null,
        GatewayTimings? timings = null,
        IdentifyGate? identifyGate = null,
        int shardId = 0,
        Uri? gatewayUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardId, options.ShardCount);
        ShardId = shardId;
        _identifyGate = identifyGate;
        _gatewayUrl = gatewayUrl ?? options.GatewayUrl;
        _options = options;
        _connector = connector;
        _time = time;
        _logger = logger;
        _random = random ?? new Random();
        _backoff = backoff ?? ReconnectBackoff.Default(_random);
        _timings = timings ?? GatewayTimings.Default;
    }

    public ChannelReader<GatewayEvent> Events => _events.Reader;

    public int ShardId { get; }

    public string? SessionId => _sessionId;

    public int? LastSequence => Volatile.Read(ref _lastSequence) is >= 0 and var s ? s : null;

    public long UnknownOpcodes => Interlocked.Read(ref _unknownOpcodes);

    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);

    /// <summary>Inbound messages over <see cref="MaxInboundMessageBytes"/>, each dropped with its connection.</summary>
    public long OversizeMessages => Interlocked.Read(ref _oversizeMessages);

    /// <summary>
    /// Sends op 3 (presence), 4 (voice state), 8 (guild members), 31 or 43 on the current session.
    /// Waits its turn under the send rate limit (heartbeats keep their headroom). Throws
    /// <see cref="GatewayPayloadTooLargeException"/> over 4096 bytes and
    /// <see cref="InvalidOperationException"/> when no session is ready (between connections).
    /// </summary>
    public Task SendAsync(GatewayOpcode opcode, JsonElement data, CancellationToken cancellationToken)
    {
        if (Array.IndexOf(CallerOpcodes, opcode) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(opcode), opcode,
                "Heartbeat, Identify and Resume are the client's own; the other opcodes are the gateway's.");
        }

        var bytes = Serialize(new GatewayPayload((int)opcode, data, null, null));
        var live = Volatile.Read(ref _live);
        if (live is not { Ready: true })
        {
            throw new InvalidOperationException($"Shard {ShardId} has no ready gateway session to send op {(int)opcode} on; try again once it has reconnected.");
        }

        return SendBytesAsync(live, bytes, heartbeat: false, cancellationToken);
    }

    /// <summary>Op 4: joins, moves to or (with a null channel) leaves a voice channel of the guild.</summary>
    public Task UpdateVoiceStateAsync(string guildId, string? channelId, bool selfMute, bool selfDeaf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        var d = JsonSerializer.SerializeToElement(new VoiceStateUpdateData(guildId, channelId, selfMute, selfDeaf), GatewayJsonContext.Default.VoiceStateUpdateData);
        return SendAsync(GatewayOpcode.VoiceStateUpdate, d, cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var outcome = await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
                if (outcome.Action == GatewayCloseAction.Fatal)
                {
                    Log.Fatal(_logger, outcome.CloseCode ?? 0, outcome.Description);
                    throw new GatewayFatalException(outcome.CloseCode ?? 0, outcome.Description);
                }

                if (outcome.Action == GatewayCloseAction.Identify)
                {
                    _sessionId = null;
                    _resumeUrl = null;
                    Volatile.Write(ref _lastSequence, -1);
                }

                failures = outcome.SessionEstablished ? 0 : failures + 1;
                var delay = outcome.Delay ?? _backoff.Delay(failures);
                Log.Reconnecting(_logger, outcome.CloseCode, outcome.Action, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Stopped(_logger);
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    private async Task<ConnectionOutcome> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var resuming = _sessionId is not null && LastSequence is not null;
        var baseUrl = resuming && _resumeUrl is not null ? new Uri(_resumeUrl) : _gatewayUrl;
        var uri = WithQuery(baseUrl);

        WebSocket socket;
        try
        {
            socket = await _connector.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            Log.ConnectFailed(_logger, uri.Host, ex.Message);
            return new ConnectionOutcome(resuming ? GatewayCloseAction.Resume : GatewayCloseAction.Identify, null, ex.Message, false, null);
        }

        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var live = new LiveConnection(socket, new GatewaySendLimiter(_time));
        Volatile.Write(ref _live, live);
        var zombie = new StrongBox(false);
        Task heartbeats = Task.CompletedTask;
        Task identifying = Task.CompletedTask;
        var established = false;
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                var received = await ReceiveFrameAsync(socket, buffer, connection.Token).ConfigureAwait(false);
                if (received is not { } result)
                {
                    // The rest of the message is still on the wire and cannot be skipped without
                    // reading it; closing (not with 1000, so the session survives) and resuming
                    // costs one reconnect, and the gateway replays what followed. Should the
                    // replay bring the same message back every time, a new session skips it.
                    Interlocked.Increment(ref _oversizeMessages);
                    Log.OversizeMessage(_logger, buffer.WrittenCount, MaxInboundMessageBytes);
                    await CloseQuietlyAsync(socket, "message too large").ConfigureAwait(false);
                    var action = ++_oversizeInARow >= MaxOversizeResumes ? GatewayCloseAction.Identify : GatewayCloseAction.Resume;
                    return new ConnectionOutcome(action, null, "inbound message too large", established, null);
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var code = (int?)socket.CloseStatus;
                    return new ConnectionOutcome(GatewayCloseCodes.Classify(code), code, socket.CloseStatusDescription, established, null);
                }

                GatewayPayload? payload;
                try
                {
                    payload = JsonSerializer.Deserialize(buffer.WrittenSpan, GatewayJsonContext.Default.GatewayPayload);
                }
                catch (JsonException ex)
                {
                    Interlocked.Increment(ref _malformedFrames);
                    Log.MalformedFrame(_logger, buffer.WrittenCount, ex.Message);
                    continue;
                }

                if (payload is null)
                {
                    continue;
                }

                try
                {
                    switch ((GatewayOpcode)payload.Op)
                    {
                        case GatewayOpcode.Hello:
                            var hello = payload.D?.Deserialize(GatewayJsonContext.Default.HelloData);
                            var interval = TimeSpan.FromMilliseconds(hello?.HeartbeatInterval ?? 41_250);
                            Volatile.Write(ref _awaitingAck, 0);
                            heartbeats = HeartbeatLoopAsync(live, interval, zombie, connection);
                            if (resuming)
                            {
                                await SendResumeAsync(live, connection.Token).ConfigureAwait(false);
                            }
                            else
                            {
                                // Off the receive loop: the wait for an Identify slot can be
                                // seconds (or, with the daily limit used up, hours), and heartbeat
                                // ACKs must still be read meanwhile.
                                identifying = IdentifyAsync(live, connection.Token);
                            }

                            break;

                        case GatewayOpcode.HeartbeatAck:
                            Volatile.Write(ref _awaitingAck, 0);
                            break;

                        case GatewayOpcode.Heartbeat:
                            await SendHeartbeatAsync(live, connection.Token).ConfigureAwait(false);
                            break;

                        case GatewayOpcode.Dispatch:
                            if (await OnDispatchAsync(payload, connection.Token).ConfigureAwait(false))
                            {
                                established = true;
                                live.Ready = true;
                            }

                            break;

                        case GatewayOpcode.Reconnect:
                            Log.ReconnectRequested(_logger);
                            await CloseQuietlyAsync(socket, "reconnect").ConfigureAwait(false);
                            return new ConnectionOutcome(GatewayCloseAction.Resume, null, "op 7 Reconnect", true, TimeSpan.Zero);

                        case GatewayOpcode.InvalidSession:
                            var resumable = payload.D is { ValueKind: JsonValueKind.True };
                            Log.InvalidSession(_logger, resumable);
                            await CloseQuietlyAsync(socket, "invalid session").ConfigureAwait(false);
                            return new ConnectionOutcome(
                                resumable ? GatewayCloseAction.Resume : GatewayCloseAction.Identify,
                                null,
                                "op 9 Invalid Session",
                                true,
                                InvalidSessionDelay());

                        default:
                            Interlocked.Increment(ref _unknownOpcodes);
                            Log.UnknownOpcode(_logger, payload.Op);
                            break;
                    }
                }
                catch (JsonException ex)
                {
                    // A payload whose data does not match its opcode is skipped like any malformed frame.
                    Interlocked.Increment(ref _malformedFrames);
                    Log.MalformedFrame(_logger, buffer.WrittenCount, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (zombie.Value && !cancellationToken.IsCancellationRequested)
        {
            Log.Zombie(_logger);
            return new ConnectionOutcome(GatewayCloseAction.Resume, null, "no heartbeat ACK", established, TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            Log.ConnectionLost(_logger, ex.Message);
            return new ConnectionOutcome(GatewayCloseAction.Resume, null, ex.Message, established, null);
        }
        finally
        {
            Interlocked.CompareExchange(ref _live, null, live);
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeats.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The heartbeat loop ends by cancellation whenever the connection does.
            }

            try
            {
                await identifying.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The connection ended while the Identify waited for its slot.
            }

            socket.Dispose();
        }
    }

    private async Task<bool> OnDispatchAsync(GatewayPayload payload, CancellationToken cancellationToken)
    {
        _oversizeInARow = 0;
        if (payload.S is { } sequence)
        {
            Volatile.Write(ref _lastSequence, sequence);
        }

        var established = false;
        if (payload.T == "READY" && payload.D is { } readyElement)
        {
            var ready = readyElement.Deserialize(GatewayJsonContext.Default.ReadyData);
            _sessionId = ready?.SessionId;
            _resumeUrl = ready?.ResumeGatewayUrl;
            established = true;
            Log.Ready(_logger, _sessionId);
        }
        else if (payload.T == "RESUMED")
        {
            established = true;
            Log.Resumed(_logger, _sessionId);
        }

        if (payload.T is { } name)
        {
            var data = payload.D ?? default;
            await _events.Writer.WriteAsync(new GatewayEvent(name, payload.S ?? -1, data), cancellationToken).ConfigureAwait(false);
        }

        return established;
    }

    private async Task HeartbeatLoopAsync(LiveConnection live, TimeSpan interval, StrongBox zombie, CancellationTokenSource connection)
    {
        var token = connection.Token;
        // Jitter the first beat so that many clients reconnecting together do not beat in step.
        await Task.Delay(interval * NextDouble(), _time, token).ConfigureAwait(false);
        using var timer = new PeriodicTimer(interval, _time);
        do
        {
            if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
            {
                zombie.Value = true;
                await CloseQuietlyAsync(live.Socket, "zombie").ConfigureAwait(false);
                await connection.CancelAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                await SendHeartbeatAsync(live, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                Log.ConnectionLost(_logger, ex.Message);
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
    }

    private Task SendHeartbeatAsync(LiveConnection live, CancellationToken cancellationToken)
    {
        var sequence = LastSequence;
        JsonElement? d = sequence is { } s ? JsonSerializer.SerializeToElement(s, GatewayJsonContext.Default.Int32) : null;
        return SendBytesAsync(live, Serialize(new GatewayPayload((int)GatewayOpcode.Heartbeat, d, null, null)), heartbeat: true, cancellationToken);
    }

    private async Task IdentifyAsync(LiveConnection live, CancellationToken cancellationToken)
    {
        if (_identifyGate is not null)
        {
            await _identifyGate.WaitAsync(ShardId, cancellationToken).ConfigureAwait(false);
        }

        var identify = new IdentifyData(
            _options.Token!,
            new IdentifyProperties(Environment.OSVersion.Platform.ToString(), "MoodBot", "MoodBot"),
            (int)_options.EffectiveIntents,
            [ShardId, _options.ShardCount]);
        Log.Identifying(_logger, identify.Intents, ShardId, _options.ShardCount);
        var d = JsonSerializer.SerializeToElement(identify, GatewayJsonContext.Default.IdentifyData);
        try
        {
            await SendBytesAsync(live, Serialize(new GatewayPayload((int)GatewayOpcode.Identify, d, null, null)), heartbeat: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            // The receive loop sees the same broken socket and reconnects.
            Log.ConnectionLost(_logger, ex.Message);
        }
    }

    private Task SendResumeAsync(LiveConnection live, CancellationToken cancellationToken)
    {
        var resume = new ResumeData(_options.Token!, _sessionId!, LastSequence ?? 0);
        Log.Resuming(_logger, resume.SessionId, resume.Seq);
        var d = JsonSerializer.SerializeToElement(resume, GatewayJsonContext.Default.ResumeData);
        return SendBytesAsync(live, Serialize(new GatewayPayload((int)GatewayOpcode.Resume, d, null, null)), heartbeat: false, cancellationToken);
    }

    private static byte[] Serialize(GatewayPayload payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, GatewayJsonContext.Default.GatewayPayload);
        return bytes.Length > MaxPayloadBytes ? throw new GatewayPayloadTooLargeException(payload.Op, bytes.Length) : bytes;
    }

    private async Task SendBytesAsync(LiveConnection live, byte[] bytes, bool heartbeat, CancellationToken cancellationToken)
    {
        if (!heartbeat)
        {
            await live.Limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await live.Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>One whole message into <paramref name="buffer"/>; null when it grew past <see cref="MaxInboundMessageBytes"/>.</summary>
    private static async Task<ValueWebSocketReceiveResult?> ReceiveFrameAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        // A payload may arrive split over several WebSocket messages; assemble to EndOfMessage.
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result;
            }

            if (buffer.WrittenCount + result.Count > MaxInboundMessageBytes)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return result;
            }
        }
    }

    private async Task CloseQuietlyAsync(WebSocket socket, string reason)
    {
        // Any code but 1000/1001 keeps the session resumable. The close frame is a send, so it
        // waits its turn behind a heartbeat or an Identify on the way out.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)GatewayCloseCodes.ClientReconnect, reason, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            Log.CloseFailed(_logger, ex.Message);
        }
    }

    private TimeSpan InvalidSessionDelay()
    {
        var span = _timings.InvalidSessionMax - _timings.InvalidSessionMin;
        return _timings.InvalidSessionMin + (span * NextDouble());
    }

    private double NextDouble()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private sealed record ConnectionOutcome(GatewayCloseAction Action, int? CloseCode, string? Description, bool SessionEstablished, TimeSpan? Delay);

    private sealed class StrongBox(bool value)
    {
        public volatile bool Value = value;
    }

    /// <summary>The socket of the connection now open and its own send budget.</summary>
    private sealed class LiveConnection(WebSocket socket, GatewaySendLimiter limiter)
    {
        public WebSocket Socket { get; } = socket;

        public GatewaySendLimiter Limiter { get; } = limiter;

        /// <summary>Set on READY or RESUMED: until then Discord closes on anything but Identify/Resume.</summary>
        public volatile bool Ready;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Identifying with intents {Intents}, shard [{ShardId}, {ShardCount}]")]
        public static partial void Identifying(ILogger logger, int intents, int shardId, int shardCount);

        [LoggerMessage(2, LogLevel.Information, "Resuming session {SessionId} from sequence {Seq}")]
        public static partial void Resuming(ILogger logger, string sessionId, int seq);

        [LoggerMessage(3, LogLevel.Information, "Gateway ready, session {SessionId}")]
        public static partial void Ready(ILogger logger, string? sessionId);

        [LoggerMessage(4, LogLevel.Information, "Gateway resumed session {SessionId}")]
        public static partial void Resumed(ILogger logger, string? sessionId);

        [LoggerMessage(5, LogLevel.Critical, "Discord gateway closed with {CloseCode} ({Description}); not reconnecting. Check the token, intents and shard settings.")]
        public static partial void Fatal(ILogger logger, int closeCode, string? description);

        [LoggerMessage(6, LogLevel.Information, "Gateway connection ended (close code {CloseCode}); {Action} in {DelayMs} ms")]
        public static partial void Reconnecting(ILogger logger, int? closeCode, GatewayCloseAction action, double delayMs);

        [LoggerMessage(7, LogLevel.Warning, "Could not connect to the gateway at {Host}: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, string host, string reason);

        [LoggerMessage(8, LogLevel.Warning, "Skipped a malformed gateway frame of {Length} bytes: {Reason}")]
        public static partial void MalformedFrame(ILogger logger, int length, string reason);

        [LoggerMessage(9, LogLevel.Debug, "Ignored unknown gateway opcode {Op}")]
        public static partial void UnknownOpcode(ILogger logger, int op);

        [LoggerMessage(10, LogLevel.Information, "Gateway asked us to reconnect (op 7)")]
        public static partial void ReconnectRequested(ILogger logger);

        [LoggerMessage(11, LogLevel.Warning, "Gateway invalidated the session (op 9, resumable: {Resumable})")]
        public static partial void InvalidSession(ILogger logger, bool resumable);

        [LoggerMessage(12, LogLevel.Warning, "No heartbeat ACK since the last beat; the connection is a zombie, reconnecting")]
        public static partial void Zombie(ILogger logger);

        [LoggerMessage(13, LogLevel.Warning, "Gateway connection lost: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, string reason);

        [LoggerMessage(14, LogLevel.Debug, "Closing the gateway socket failed: {Reason}")]
        public static partial void CloseFailed(ILogger logger, string reason);

        [LoggerMessage(15, LogLevel.Information, "Gateway client stopped")]
        public static partial void Stopped(ILogger logger);

        [LoggerMessage(16, LogLevel.Warning, "Dropped an inbound gateway message over {Limit} bytes (had {Length}); closing and resuming")]
        public static partial void OversizeMessage(ILogger logger, int length, int limit);
    }
}
