using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: reads frames until it closes, says when <c>hello</c> and
/// <c>disconnect</c> arrive, and hands envelopes to <paramref name="onEnvelope"/>, whose acks
/// it sends back on the same socket. It keeps reading after a <c>disconnect</c>, since Slack may
/// still deliver on it until the replacement is up.
/// </summary>
internal sealed partial class SocketModeConnection(
    WebSocket socket, int number, Func<SocketMessage, SocketModeConnection, Task> onEnvelope, ILogger logger) : IDisposable
{
    public const string Dropped = "dropped";

    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;

    public int Number { get; } = number;

    public Task Hello => _hello.Task;

    /// <summary>Completes with the <c>disconnect</c> reason, or <see cref="Dropped"/> when the socket closed.</summary>
    public Task<string> Ending => _ending.Task;

    public void Start() => _reading = ReadLoopAsync(_stop.Token);

    public async Task SendAckAsync(SocketAck ack, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketAck);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Lets acks still being worked on go out (within <paramref name="grace"/>), then closes the socket.</summary>
    public async Task CloseAsync(TimeSpan grace, TimeProvider time)
    {
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(grace, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.AcksAbandoned(logger, Number, _inFlight.Count);
        }

        try
        {
            // Close output only: a full CloseAsync would receive alongside the read loop, which
            // is already reading and will see Slack's close frame.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
            }

            if (_reading is not null)
            {
                await _reading.WaitAsync(TimeSpan.FromSeconds(2), time).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or TimeoutException or ObjectDisposedException)
        {
            Log.CloseFailed(logger, Number, ex.Message);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_reading is not null)
        {
            await _reading.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Log.Closed(logger, Number, (int?)socket.CloseStatus, socket.CloseStatusDescription);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct).ConfigureAwait(false);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                    if (message.Length > MaxFrameBytes)
                    {
                        Log.FrameTooLarge(logger, Number);
                        return;
                    }
                }
                while (!result.EndOfMessage);

                Receive(message.GetBuffer().AsSpan(0, (int)message.Length));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            if (!ct.IsCancellationRequested)
            {
                Log.ReadFailed(logger, Number, ex.Message);
            }
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The Socket Mode connection closed before hello."));
            _ending.TrySetResult(Dropped);
        }
    }

    private void Receive(ReadOnlySpan<byte> frame)
    {
        SocketMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(frame, SlackJsonContext.Default.SocketMessage);
        }
        catch (JsonException ex)
        {
            // A frame we cannot read costs that frame only; the connection stays.
            Log.Malformed(logger, Number, ex.Message);
            return;
        }

        switch (message)
        {
            case null:
                return;
            case { Type: "hello" }:
                Log.Hello(logger, Number, message.NumConnections ?? 0);
                _hello.TrySetResult();
                return;
            case { Type: "disconnect" }:
                Log.Disconnect(logger, Number, message.Reason ?? "unknown");
                _ending.TrySetResult(message.Reason ?? "unknown");
                return;
            case { EnvelopeId: { Length: > 0 } }:
                var work = onEnvelope(message, this);
                _inFlight.TryAdd(work, 0);
                _ = work.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            default:
                Log.Ignored(logger, Number, message.Type);
                return;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Information, "Slack socket {Number}: hello ({Connections} connections)")]
        public static partial void Hello(ILogger logger, int number, int connections);

        [LoggerMessage(21, LogLevel.Information, "Slack socket {Number}: disconnect asked ({Reason}); opening a new one")]
        public static partial void Disconnect(ILogger logger, int number, string reason);

        [LoggerMessage(22, LogLevel.Warning, "Slack socket {Number}: a frame was not JSON we can read ({Reason}); ignored")]
        public static partial void Malformed(ILogger logger, int number, string reason);

        [LoggerMessage(23, LogLevel.Debug, "Slack socket {Number}: frame type {Type} without an envelope; ignored")]
        public static partial void Ignored(ILogger logger, int number, string type);

        [LoggerMessage(24, LogLevel.Information, "Slack socket {Number} closed by Slack ({Code} {Description})")]
        public static partial void Closed(ILogger logger, int number, int? code, string? description);

        [LoggerMessage(25, LogLevel.Warning, "Slack socket {Number} failed: {Reason}")]
        public static partial void ReadFailed(ILogger logger, int number, string reason);

        [LoggerMessage(26, LogLevel.Warning, "Slack socket {Number}: a frame over 4 MiB; dropping the connection")]
        public static partial void FrameTooLarge(ILogger logger, int number);

        [LoggerMessage(27, LogLevel.Warning, "Slack socket {Number} closed with {Count} acks unsent")]
        public static partial void AcksAbandoned(ILogger logger, int number, int count);

        [LoggerMessage(28, LogLevel.Debug, "Slack socket {Number}: close failed ({Reason})")]
        public static partial void CloseFailed(ILogger logger, int number, string reason);
    }
}
