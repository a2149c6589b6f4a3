using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Voice.Connection;
using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>
/// Joins and leaves voice channels (voice-connections docs): op 4 on the main gateway, then both
/// VOICE_STATE_UPDATE (our session id) and VOICE_SERVER_UPDATE (token and endpoint), in either
/// order, then the voice library's <see cref="VoiceConnection"/>: the voice gateway handshake and the
/// DAVE group. One join per guild at a time.
/// </summary>
internal sealed partial class VoiceConnections(
    IVoiceStateSender gateway,
    DiscordSession session,
    IOptions<VoiceOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, PendingJoin> _pending = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<VoiceConnections>();

    public bool CanReach(string guildId) => gateway.CanReach(guildId);

    /// <summary>
    /// Joins <paramref name="channelId"/> and returns once audio can go out end-to-end encrypted (DAVE),
    /// or plain for a call without DAVE; throws <see cref="VoiceJoinException"/> with a message for people.
    /// </summary>
    public async Task<VoiceConnection> JoinAsync(string guildId, string channelId, CancellationToken cancellationToken)
    {
        var userId = session.UserId ?? throw new VoiceJoinException("MoodBot is still connecting to Discord; try again in a moment.");
        var timeout = options.Value.JoinTimeout;
        var pending = new PendingJoin();
        _pending[guildId] = pending;
        VoiceServerInfo server;
        try
        {
            await gateway.UpdateAsync(guildId, channelId, cancellationToken).ConfigureAwait(false);
            var (sessionId, token, endpoint) = await pending.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            server = new VoiceServerInfo(options.Value.GatewayUri(endpoint), guildId, userId, sessionId, token);
        }
        catch (TimeoutException ex)
        {
            Log.JoinTimedOut(_logger, guildId, channelId, timeout.TotalSeconds);
            await LeaveQuietlyAsync(guildId).ConfigureAwait(false);
            throw new VoiceJoinException($"Discord did not hand over the voice channel within {timeout.TotalSeconds:0} s; try again in a moment.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The shard is between connections: op 4 cannot go out now.
            throw new VoiceJoinException("MoodBot's connection to Discord is reconnecting; try again in a moment.", ex);
        }
        finally
        {
            _pending.TryRemove(KeyValuePair.Create(guildId, pending));
        }

        // The handshake and the DAVE group share the join's time limit: DAVE waits on the voice server
        // and the other members, so without a bound a stalled group would hold the join open.
        using var limit = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var connection = await VoiceConnection.ConnectAsync(server, ulong.Parse(channelId, NumberStyles.None, CultureInfo.InvariantCulture), time, loggers, bounded.Token).ConfigureAwait(false);
            Log.Joined(_logger, guildId, channelId, connection.DaveProtocolVersion);
            return connection;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.HandshakeFailed(_logger, guildId, ex.GetType().Name, ex.Message);
            await LeaveQuietlyAsync(guildId).ConfigureAwait(false);
            throw new VoiceJoinException(ex is OperationCanceledException
                ? "The voice server did not finish connecting (end-to-end encryption included) in time; try again in a moment."
                : "The voice server refused the connection; try again in a moment.", ex);
        }
    }

    /// <summary>Op 4 with no channel: leaves the guild's voice channel.</summary>
    public Task LeaveAsync(string guildId, CancellationToken cancellationToken) => gateway.UpdateAsync(guildId, null, cancellationToken);

    /// <summary>VOICE_STATE_UPDATE about the bot itself: a pending join's session id.</summary>
    public void OnOwnVoiceState(string guildId, string? channelId, string? sessionId)
    {
        if (channelId is not null && sessionId is not null && _pending.TryGetValue(guildId, out var pending))
        {
            pending.SetSession(sessionId);
        }
    }

    /// <summary>VOICE_SERVER_UPDATE: a pending join's token and endpoint. A null endpoint means another update follows.</summary>
    public void OnVoiceServer(VoiceServerPayload server)
    {
        if (server.Endpoint is { Length: > 0 } endpoint && _pending.TryGetValue(server.GuildId, out var pending))
        {
            pending.SetServer(server.Token, endpoint);
        }
    }

    private async Task LeaveQuietlyAsync(string guildId)
    {
        try
        {
            // Without this Discord would show the bot in the channel, silent, after a failed join.
            await gateway.UpdateAsync(guildId, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or VoiceJoinException or IOException or System.Net.WebSockets.WebSocketException)
        {
            Log.LeaveFailed(_logger, guildId, ex.Message);
        }
    }

    private sealed class PendingJoin
    {
        private readonly TaskCompletionSource<(string SessionId, string Token, string Endpoint)> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private string? _sessionId;
        private (string Token, string Endpoint)? _server;

        public Task<(string SessionId, string Token, string Endpoint)> Task => _done.Task;

        public void SetSession(string sessionId)
        {
            lock (_gate)
            {
                _sessionId = sessionId;
                TryComplete();
            }
        }

        public void SetServer(string token, string endpoint)
        {
            lock (_gate)
            {
                _server = (token, endpoint);
                TryComplete();
            }
        }

        private void TryComplete()
        {
            if (_sessionId is not null && _server is { } server)
            {
                _done.TrySetResult((_sessionId, server.Token, server.Endpoint));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Joined voice channel {ChannelId} in guild {GuildId} (DAVE version {DaveVersion})")]
        public static partial void Joined(ILogger logger, string guildId, string channelId, int daveVersion);

        [LoggerMessage(2, LogLevel.Warning, "Joining voice channel {ChannelId} in guild {GuildId}: no VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE within {Seconds} s")]
        public static partial void JoinTimedOut(ILogger logger, string guildId, string channelId, double seconds);

        [LoggerMessage(3, LogLevel.Warning, "Voice handshake in guild {GuildId} failed: {Error}: {Message}")]
        public static partial void HandshakeFailed(ILogger logger, string guildId, string error, string message);

        [LoggerMessage(4, LogLevel.Warning, "Leaving voice in guild {GuildId} failed: {Reason}")]
        public static partial void LeaveFailed(ILogger logger, string guildId, string reason);
    }
}
