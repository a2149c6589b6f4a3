using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using MoodBot.Chat;
using MoodBot.Discord.Gateway;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.WebApi;

namespace MoodBot.Slack.SocketMode;

/// <summary>
/// Socket Mode for the life of <see cref="RunAsync"/>: asks for a fresh URL for every connection,
/// replaces a socket Slack asks to refresh by opening the new one before closing the old, and
/// reconnects with back-off when one drops. Every envelope is acknowledged in a <c>finally</c>
/// within <see cref="SlackOptions.AckBudget"/>, with the handler's reply where the type takes one.
/// </summary>
internal sealed partial class SocketModeClient(
    SlackWebClient api,
    IWebSocketConnector connector,
    ISocketModeHandler handler,
    SlackOptions options,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    ReconnectBackoff? backoff = null)
{
    /// <summary>Errors that no retry can fix: the token is wrong, revoked or lacks the scope.</summary>
    private static readonly HashSet<string> FatalErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope", "not_allowed_token_type",
    };

    private readonly ReconnectBackoff _backoff = backoff ?? ReconnectBackoff.Default(Random.Shared);
    private bool _fatal;
    private int _connections;
    private long _acked;

    /// <summary>Sockets opened so far (each from a fresh URL).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Envelopes acknowledged so far.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    public async Task RunAsync(CancellationToken ct)
    {
        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested && !_fatal)
            {
                if (current is null)
                {
                    current = await ConnectAsync(ct).ConfigureAwait(false);
                    if (_fatal)
                    {
                        return;
                    }

                    if (current is null)
                    {
                        await Task.Delay(_backoff.Delay(failures++), time, ct).ConfigureAwait(false);
                        continue;
                    }

                    failures = 0;
                }

                var reason = await current.Ending.WaitAsync(ct).ConfigureAwait(false);
                if (reason == SocketModeConnection.Dropped)
                {
                    current.Dispose();
                    current = null;
                    await Task.Delay(_backoff.Delay(failures++), time, ct).ConfigureAwait(false);
                    continue;
                }

                // Slack asked for a new socket (refresh_requested, warning, link_disabled): the old
                // one keeps delivering while the new one connects, then closes once its acks are out.
                var next = await ConnectAsync(ct).ConfigureAwait(false);
                await current.CloseAsync(options.AckBudget + TimeSpan.FromSeconds(0.5), time).ConfigureAwait(false);
                current.Dispose();
                current = next;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log.Stopped(logger);
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(options.AckBudget, time).ConfigureAwait(false);
                current.Dispose();
            }
        }
    }

    private async Task<SocketModeConnection?> ConnectAsync(CancellationToken ct)
    {
        SocketModeConnection? connection = null;
        try
        {
            var url = await api.OpenConnectionAsync(ct).ConfigureAwait(false);
            var socket = await connector.ConnectAsync(url, ct).ConfigureAwait(false);
            var number = Interlocked.Increment(ref _connections);
            connection = new SocketModeConnection(socket, number, (envelope, from) => DispatchAsync(envelope, from, ct), logger);
            connection.Start();
            await connection.Hello.WaitAsync(options.HelloTimeout, time, ct).ConfigureAwait(false);
            return connection;
        }
        catch (SlackApiException ex) when (FatalErrors.Contains(ex.Error))
        {
            // Retrying would only repeat it; the rest of MoodBot keeps running.
            Log.Fatal(logger, ex.Error);
            _fatal = true;
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The URL (and any socket from it) is spent; the next try asks for a new one.
            Log.ConnectFailed(logger, ex.Message);
            connection?.Dispose();
            return null;
        }
    }

    private async Task DispatchAsync(SocketMessage envelope, SocketModeConnection from, CancellationToken ct)
    {
        // Off the read loop: a slow handler must not hold up the frames behind it.
        await Task.Yield();
        var envelopeId = envelope.EnvelopeId!;
        Task<SlackAck> work;
        try
        {
            work = handler.HandleAsync(envelope, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            work = Task.FromException<SlackAck>(ex);
        }

        SlackAck? ack = null;
        var late = false;
        try
        {
            ack = await work.WaitAsync(options.AckBudget, time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            late = true;
            Log.AckBudgetSpent(logger, envelope.Type, options.AckBudget.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the ack below still goes out if the socket is open.
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, envelope.Type, ex);
        }
        finally
        {
            var payload = envelope.AcceptsResponsePayload ? ack?.Payload : null;
            try
            {
                await from.SendAckAsync(new SocketAck(envelopeId, payload), CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref _acked);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                Log.AckFailed(logger, envelope.Type, ex.Message);
            }
        }

        if (!ct.IsCancellationRequested)
        {
            _ = FinishAsync(envelope, work, ack, late, ct);
        }
    }

    private async Task FinishAsync(SocketMessage envelope, Task<SlackAck> work, SlackAck? ack, bool late, CancellationToken ct)
    {
        try
        {
            if (late)
            {
                ack = await work.ConfigureAwait(false);
                if (ack is { Payload: { } payload, Late: { } deliver })
                {
                    await deliver(payload, ct).ConfigureAwait(false);
                }
            }
            else if (ack is { Payload: { } payload, Late: { } deliver } && !envelope.AcceptsResponsePayload)
            {
                // The envelope could not carry the reply on its ack.
                await deliver(payload, ct).ConfigureAwait(false);
            }

            if (ack?.After is { } after)
            {
                await after(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log.Stopped(logger);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, envelope.Type, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Slack Socket Mode connection failed: {Reason}; retrying with a new URL")]
        public static partial void ConnectFailed(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Error, "Handling a Slack {Type} envelope failed")]
        public static partial void HandlerFailed(ILogger logger, string type, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "A Slack {Type} envelope took over {Budget} ms; acked without its reply, which follows")]
        public static partial void AckBudgetSpent(ILogger logger, string type, double budget);

        [LoggerMessage(4, LogLevel.Warning, "Could not ack a Slack {Type} envelope: {Reason}")]
        public static partial void AckFailed(ILogger logger, string type, string reason);

        [LoggerMessage(6, LogLevel.Error, "Slack Socket Mode stopped: Slack refused the app-level token ({Error}); check Slack:AppToken and its connections:write scope")]
        public static partial void Fatal(ILogger logger, string error);

        [LoggerMessage(5, LogLevel.Debug, "Slack Socket Mode stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
