using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Rooms;
using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>
/// The voice players, one per guild: joining (or reusing) a channel and playing in it, skip and
/// stop, leaving a channel that has had nobody in it for <see cref="VoiceOptions.LeaveWhenEmptyAfter"/>
/// (unless <see cref="VoiceOptions.StayInChannel"/>, or the listening room linked to the voice or text
/// channel is 24/7: <c>/room stay</c>), and rejoining once when the voice server asks.
/// </summary>
internal sealed partial class VoicePlayers(
    VoiceConnections connections,
    VoiceStates states,
    DiscordSession session,
    VoiceTrackOpener opener,
    DiscordRestClient rest,
    DiscordRooms links,
    RoomService rooms,
    IOptions<VoiceOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, VoicePlayer> _players = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _emptyTimers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _joining = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<VoicePlayers>();

    public VoicePlayer? For(string guildId) => _players.GetValueOrDefault(guildId);

    /// <summary>
    /// Joins <paramref name="channelId"/> (moving from another channel of the guild if need be) and
    /// queues the tracks; throws <see cref="VoiceJoinException"/> with a message for people.
    /// </summary>
    public async Task<VoicePlayer> PlayAsync(
        string guildId,
        string channelId,
        string textChannelId,
        IReadOnlyList<VoiceTrack> tracks,
        Func<CancellationToken, Task<IReadOnlyList<VoiceTrack>>>? refill,
        CancellationToken cancellationToken)
    {
        await _joining.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (For(guildId) is { } existing && existing.ChannelId == channelId)
            {
                existing.Enqueue(tracks);
                return existing;
            }

            if (For(guildId) is not null)
            {
                await StopAsync(guildId, leave: false).ConfigureAwait(false);
            }

            var connection = await connections.JoinAsync(guildId, channelId, cancellationToken).ConfigureAwait(false);
            var player = new VoicePlayer(guildId, channelId, connection, textChannelId, opener, rest, options.Value, loggers.CreateLogger<VoicePlayer>(), refill);
            _players[guildId] = player;
            _ = WatchAsync(player, tracks, refill);
            player.Enqueue(tracks);
            OnMembersChanged(guildId);
            return player;
        }
        finally
        {
            _joining.Release();
        }
    }

    /// <summary>Stops playing (the silence frames go out) and, with <paramref name="leave"/>, leaves the channel. False when nothing played.</summary>
    public async Task<bool> StopAsync(string guildId, bool leave = true)
    {
        if (!_players.TryRemove(guildId, out var player))
        {
            return false;
        }

        CancelEmptyTimer(guildId);
        await player.StopAsync().ConfigureAwait(false);
        await player.DisposeAsync().ConfigureAwait(false);
        await player.Connection.DisposeAsync().ConfigureAwait(false);
        if (leave)
        {
            try
            {
                await connections.LeaveAsync(guildId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or VoiceJoinException)
            {
                // Between gateway connections: Discord drops the bot from voice when its session ends anyway.
                Log.LeaveFailed(_logger, guildId, ex.Message);
            }
        }

        Log.Stopped(_logger, guildId, leave);
        return true;
    }

    /// <summary>Someone joined or left voice in the guild: start or cancel the countdown to leaving an empty channel.</summary>
    public void OnMembersChanged(string guildId)
    {
        if (For(guildId) is not { } player || options.Value.StayInChannel)
        {
            return;
        }

        if (states.ListenersIn(guildId, player.ChannelId, session.UserId) > 0)
        {
            CancelEmptyTimer(guildId);
            return;
        }

        if (StaysInChannel(player))
        {
            // The flag may have been turned on while counting down.
            CancelEmptyTimer(guildId);
            Log.StayingEmpty(_logger, guildId, player.ChannelId);
            return;
        }

        var timer = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (!_emptyTimers.TryAdd(guildId, timer))
        {
            timer.Dispose();
            return;
        }

        _ = LeaveWhenStillEmptyAsync(guildId, player, timer);
    }

    /// <summary>VOICE_STATE_UPDATE about the bot: moved by someone, or disconnected from voice.</summary>
    public void OnOwnVoiceState(string guildId, string? channelId)
    {
        if (For(guildId) is { } player && channelId != player.ChannelId)
        {
            // Disconnected or dragged elsewhere by a moderator: this connection is over either way.
            Log.RemovedFromChannel(_logger, guildId);
            _ = StopAsync(guildId, leave: channelId is not null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var guildId in _players.Keys)
        {
            await StopAsync(guildId, leave: false).ConfigureAwait(false);
        }

        _joining.Dispose();
    }

    private async Task LeaveWhenStillEmptyAsync(string guildId, VoicePlayer player, CancellationTokenSource timer)
    {
        try
        {
            await Task.Delay(options.Value.LeaveWhenEmptyAfter, time, timer.Token).ConfigureAwait(false);
            if (For(guildId) == player && states.ListenersIn(guildId, player.ChannelId, session.UserId) == 0 && !StaysInChannel(player))
            {
                Log.LeavingEmpty(_logger, guildId, player.ChannelId);
                _emptyTimers.TryRemove(KeyValuePair.Create(guildId, timer));
                await StopAsync(guildId).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Someone came back, or the player stopped first.
        }
        finally
        {
            _emptyTimers.TryRemove(KeyValuePair.Create(guildId, timer));
            timer.Dispose();
        }
    }

    /// <summary>
    /// 24/7 for the room the player plays for, chosen as <see cref="VoicePlayback"/> chooses it (the
    /// voice channel's own chat first, then the text channel). Read each time, so <c>/room stay</c>
    /// counts at once.
    /// </summary>
    private bool StaysInChannel(VoicePlayer player) =>
        (links.RoomOf(player.ChannelId) ?? links.RoomOf(player.TextChannelId)) is { } slug && rooms.StaysInVoice(slug);

    private void CancelEmptyTimer(string guildId)
    {
        if (_emptyTimers.TryRemove(guildId, out var timer))
        {
            timer.Cancel();
        }
    }

    /// <summary>When the voice connection ends by itself: a Rejoin close code joins again once, with what was left to play.</summary>
    private async Task WatchAsync(VoicePlayer player, IReadOnlyList<VoiceTrack> tracks, Func<CancellationToken, Task<IReadOnlyList<VoiceTrack>>>? refill)
    {
        VoiceGatewayClosedException? closed = null;
        try
        {
            await player.Connection.Completion.ConfigureAwait(false);
        }
        catch (VoiceGatewayClosedException ex)
        {
            closed = ex;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ConnectionFailed(_logger, player.GuildId, ex.Message);
        }

        if (For(player.GuildId) != player)
        {
            // Stopped on purpose: disposing the connection ended it.
            return;
        }

        var left = player.Current is { } current ? [current, .. player.Upcoming] : player.Upcoming;
        await StopAsync(player.GuildId, leave: closed?.Action != VoiceCloseAction.Rejoin).ConfigureAwait(false);
        if (closed?.Action == VoiceCloseAction.Rejoin && !_stopping.IsCancellationRequested)
        {
            Log.Rejoining(_logger, player.GuildId, closed.CloseCode);
            try
            {
                await PlayAsync(player.GuildId, player.ChannelId, player.TextChannelId, left.Count > 0 ? left : tracks, refill, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is VoiceJoinException or OperationCanceledException)
            {
                Log.ConnectionFailed(_logger, player.GuildId, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Voice in guild {GuildId}: stopped (leaving: {Leave})")]
        public static partial void Stopped(ILogger logger, string guildId, bool leave);

        [LoggerMessage(2, LogLevel.Information, "Voice in guild {GuildId}: channel {ChannelId} has been empty long enough; leaving")]
        public static partial void LeavingEmpty(ILogger logger, string guildId, string channelId);

        [LoggerMessage(3, LogLevel.Information, "Voice in guild {GuildId}: channel {ChannelId} is empty; staying, its room is 24/7")]
        public static partial void StayingEmpty(ILogger logger, string guildId, string channelId);

        [LoggerMessage(4, LogLevel.Information, "Voice in guild {GuildId}: rejoining after close code {CloseCode}")]
        public static partial void Rejoining(ILogger logger, string guildId, int closeCode);

        [LoggerMessage(5, LogLevel.Warning, "Voice in guild {GuildId}: the connection ended ({Reason})")]
        public static partial void ConnectionFailed(ILogger logger, string guildId, string reason);

        [LoggerMessage(6, LogLevel.Information, "Voice in guild {GuildId}: the bot was disconnected or moved; playback stopped")]
        public static partial void RemovedFromChannel(ILogger logger, string guildId);

        [LoggerMessage(7, LogLevel.Warning, "Leaving voice in guild {GuildId} failed: {Reason}")]
        public static partial void LeaveFailed(ILogger logger, string guildId, string reason);
    }
}
