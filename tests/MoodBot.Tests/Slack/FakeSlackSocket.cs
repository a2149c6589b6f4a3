using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MoodBot.Tests.Slack;

/// <summary>
/// One accepted Socket Mode connection: the test sends envelopes and disconnects; the acks the
/// client sends back are matched to their envelope with the time each took.
/// </summary>
public sealed class FakeSlackSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(JsonElement Ack, TimeSpan After)>> _acks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ackCounts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _envelope;

    public FakeSlackSocket(WebSocket socket, int number)
    {
        _socket = socket;
        Number = number;
        Completion = ReadLoopAsync();
    }

    public int Number { get; }

    public Task Completion { get; }

    /// <summary>Completes when the client closes the socket (or it drops).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Frames from the client that were not acks of a known envelope.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    public void Dispose() => _sendLock.Dispose();

    public Task HelloAsync() =>
        SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake-slack","approximate_connection_time":18060},"connection_info":{"app_id":"A0FAKE"}}""");

    public Task DisconnectAsync(string reason) =>
        SendAsync($$"""{"type":"disconnect","reason":"{{reason}}","debug_info":{"host":"fake-slack"} }""");

    /// <summary>Sends an envelope and returns its id.</summary>
    public async Task<string> EnvelopeAsync(string type, string payloadJson, bool acceptsResponsePayload = false, int retryAttempt = 0, string? envelopeId = null)
    {
        var id = envelopeId ?? $"env-{Number}-{Interlocked.Increment(ref _envelope)}";
        _acks.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        _sentAt[id] = Stopwatch.GetTimestamp();
        var accepts = acceptsResponsePayload ? "true" : "false";
        await SendAsync($$"""{"envelope_id":"{{id}}","type":"{{type}}","payload":{{payloadJson}},"accepts_response_payload":{{accepts}},"retry_attempt":{{retryAttempt}},"retry_reason":"{{(retryAttempt > 0 ? "timeout" : "")}}"}""");
        return id;
    }

    /// <summary>The client's ack of <paramref name="envelopeId"/> and how long after the envelope it came.</summary>
    public async Task<(JsonElement Ack, TimeSpan After)> AckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        var waiter = _acks.GetOrAdd(envelopeId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        return await waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(5));
    }

    public int AckCount(string envelopeId) => _ackCounts.GetValueOrDefault(envelopeId);

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "fake slack", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
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
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var at = Stopwatch.GetTimestamp();
                var text = Encoding.UTF8.GetString(message.ToArray());
                var frame = JsonDocument.Parse(text).RootElement.Clone();
                if (frame.TryGetProperty("envelope_id", out var idElement) && idElement.GetString() is { } id && _sentAt.TryGetValue(id, out var sent))
                {
                    _ackCounts.AddOrUpdate(id, 1, (_, n) => n + 1);
                    _acks.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously))
                        .TrySetResult((frame, Stopwatch.GetElapsedTime(sent, at)));
                    continue;
                }

                Unexpected.Enqueue(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The client went away without a close frame.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
