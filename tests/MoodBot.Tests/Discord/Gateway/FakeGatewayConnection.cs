using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace MoodBot.Tests.Discord.Gateway;

/// <summary>
/// One accepted gateway connection. It ACKs heartbeats by itself (unless told to withhold
/// them) and records their times; every other client frame waits for <see cref="ExpectAsync"/>.
/// </summary>
public sealed class FakeGatewayConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<(TimeSpan At, JsonElement D)> _heartbeats = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeGatewayConnection(WebSocket socket, string path, string query)
    {
        _socket = socket;
        Path = path;
        Query = query;
        Completion = ReadLoopAsync();
    }

    public string Path { get; }

    public string Query { get; }

    public bool WithholdAcks { get; set; }

    /// <summary>Client frames (heartbeats aside) received and not yet taken by <see cref="ExpectAsync"/>.</summary>
    public int PendingFrames => _received.Reader.Count;

    public Task Completion { get; }

    /// <summary>The close code the client sent, or null when it dropped the connection without one.</summary>
    public Task<int?> ClientClosed => _closed.Task;

    public IReadOnlyList<(TimeSpan At, JsonElement D)> Heartbeats
    {
        get
        {
            lock (_heartbeats)
            {
                return [.. _heartbeats];
            }
        }
    }

    public void Dispose()
    {
        // A test may still be inside a send when the client's reaction to that very frame (op 9,
        // op 7) has already ended the connection: let that send finish before the lock goes.
        _sendLock.Wait();
        _sendLock.Dispose();
    }

    public Task HelloAsync(int heartbeatIntervalMs) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task DispatchAsync(string name, int sequence, string dataJson = "{}") =>
        SendAsync($$"""{"op":0,"d":{{dataJson}},"s":{{sequence}},"t":"{{name}}"}""");

    public Task ReadyAsync(string sessionId, int sequence, Uri resumeUrl) =>
        DispatchAsync("READY", sequence, $$"""{"v":10,"session_id":"{{sessionId}}","resume_gateway_url":"{{resumeUrl}}"}""");

    /// <summary>
    /// Answers an op 4 join as Discord does, with both events the bot waits for: the voice server
    /// (a null endpoint first, as while Discord allocates one), the bot's voice state (the voice
    /// session id), then the voice server again with its endpoint.
    /// </summary>
    public async Task AnswerVoiceJoinAsync(int sequence, string guildId, string channelId, string botUserId, string voiceSessionId, string token, string endpoint)
    {
        await DispatchAsync("VOICE_SERVER_UPDATE", sequence, $$"""{"token":"{{token}}","guild_id":"{{guildId}}","endpoint":null}""");
        await DispatchAsync("VOICE_STATE_UPDATE", sequence + 1,
            $$"""{"guild_id":"{{guildId}}","channel_id":"{{channelId}}","user_id":"{{botUserId}}","session_id":"{{voiceSessionId}}","deaf":false,"mute":false,"self_deaf":true,"self_mute":false,"suppress":false,"member":{"user":{"id":"{{botUserId}}","bot":true} } }""");
        await DispatchAsync("VOICE_SERVER_UPDATE", sequence + 2, $$"""{"token":"{{token}}","guild_id":"{{guildId}}","endpoint":"{{endpoint}}"}""");
    }

    /// <summary>A person joins (<paramref name="channelId"/>) or leaves (null) voice.</summary>
    public Task VoiceStateAsync(int sequence, string guildId, string userId, string? channelId) =>
        DispatchAsync("VOICE_STATE_UPDATE", sequence,
            $$"""{"guild_id":"{{guildId}}","channel_id":{{(channelId is null ? "null" : $"\"{channelId}\"")}},"user_id":"{{userId}}","session_id":"s-{{userId}}","deaf":false,"mute":false,"self_deaf":false,"self_mute":false,"suppress":false,"member":{"user":{"id":"{{userId}}","bot":false} } }""");

    public Task OpAsync(int op, string dataJson = "null") =>
        SendAsync($$"""{"op":{{op}},"d":{{dataJson}},"s":null,"t":null}""");

    public Task SendAsync(string json) => SendPartsAsync(json);

    /// <summary>Sends one payload split over several WebSocket messages (only the last ends the message).</summary>
    public async Task SendPartsAsync(params string[] parts)
    {
        await _sendLock.WaitAsync();
        try
        {
            for (var i = 0; i < parts.Length; i++)
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(parts[i]), WebSocketMessageType.Text, i == parts.Length - 1, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake gateway", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next non-heartbeat frame from the client, which must carry <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var frame = await _received.Reader.ReadAsync(cts.Token);
        Assert.Equal(op, frame.GetProperty("op").GetInt32());
        return frame.GetProperty("d");
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)_socket.CloseStatus);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    lock (_heartbeats)
                    {
                        _heartbeats.Add((_clock.Elapsed, frame.GetProperty("d").Clone()));
                    }

                    if (!WithholdAcks)
                    {
                        await OpAsync(11);
                    }

                    continue;
                }

                await _received.Writer.WriteAsync(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
