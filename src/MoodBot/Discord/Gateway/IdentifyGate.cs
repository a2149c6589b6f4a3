using Microsoft.Extensions.Logging;
using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Gateway;

/// <summary>
/// Paces Identifies for every shard in the process (one gate, shared): shard N waits for its
/// bucket <c>N % max_concurrency</c>, which lets one Identify through per <see cref="Window"/>,
/// and when the session start limit is used up every shard waits for its reset. Discord resets
/// the bot's token after too many Identifies a day, so this never guesses in the bot's favour.
/// Resumes do not count against either limit and never come here.
/// </summary>
internal sealed partial class IdentifyGate(TimeProvider time, ILogger<IdentifyGate> logger, DiscordRestClient? rest = null)
{
    /// <summary>Discord allows <c>max_concurrency</c> Identifies per 5 s.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, DateTimeOffset> _nextSlot = [];
    private int _maxConcurrency = 1;
    private int _total;
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private bool _warned;
    private TaskCompletionSource? _refreshing;

    /// <summary>Identifies the gate will still let through before waiting for the reset; null until Discord has said.</summary>
    public int? Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Takes Discord's figures as they are now (from <c>GET /gateway/bot</c>).</summary>
    public void Update(SessionStartLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        lock (_lock)
        {
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _total = limit.Total;
            _remaining = Math.Max(0, limit.Remaining);
            // A used-up limit that claims to reset now would send every shard round a REST loop;
            // one window's pause is cheap insurance against such an answer.
            var resetAfter = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            _resetAt = time.GetUtcNow() + (_remaining == 0 && resetAfter < Window ? Window : resetAfter);
            _warned = false;
        }
    }

    /// <summary>
    /// Asks Discord for <c>GET /gateway/bot</c> and takes its session start limit. Null when there
    /// is no REST client or the call failed: the gateway then uses its configured URL and the
    /// gate keeps what it knew.
    /// </summary>
    public async Task<GatewayBotInfo?> RefreshAsync(CancellationToken cancellationToken)
    {
        if (rest is null)
        {
            return null;
        }

        try
        {
            var info = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            Update(info.SessionStartLimit);
            Log.Refreshed(logger, info.SessionStartLimit.Remaining, info.SessionStartLimit.Total, info.SessionStartLimit.MaxConcurrency, info.Shards);
            return info;
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or System.Text.Json.JsonException)
        {
            Log.RefreshFailed(logger, ex.Message);
            return null;
        }
    }

    /// <summary>Returns when <paramref name="shardId"/> may send its Identify, having counted it.</summary>
    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        while (true)
        {
            TimeSpan wait;
            TaskCompletionSource? refresh = null;
            Task? refreshed = null;
            var exhausted = false;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (_remaining == 0 && now < _resetAt)
                {
                    wait = _resetAt - now;
                    exhausted = true;
                    if (!_warned)
                    {
                        _warned = true;
                        Log.SessionStartLimitReached(logger, _total, wait.TotalMilliseconds);
                    }
                }
                else if (_remaining == 0)
                {
                    // The reset has passed. One shard asks Discord for the new figures; the others
                    // wait for its answer, so no Identify is counted against figures about to be
                    // replaced.
                    if (_refreshing is null)
                    {
                        _refreshing = refresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    refreshed = _refreshing.Task;
                    wait = TimeSpan.Zero;
                }
                else
                {
                    var bucket = shardId % _maxConcurrency;
                    var slot = _nextSlot.TryGetValue(bucket, out var next) && next > now ? next : now;
                    _nextSlot[bucket] = slot + Window;
                    if (_remaining > 0)
                    {
                        _remaining--;
                    }

                    wait = slot - now;
                }
            }

            if (refresh is not null)
            {
                await RefreshAfterResetAsync(refresh, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (refreshed is not null)
            {
                await refreshed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (wait > TimeSpan.Zero)
            {
                Log.Waiting(logger, shardId, wait.TotalMilliseconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            if (!exhausted)
            {
                return;
            }
        }
    }

    private async Task RefreshAfterResetAsync(TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            var info = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (info is null && _remaining == 0)
                {
                    // Discord could not be asked; it refills to the total at the reset.
                    _remaining = _total > 0 ? _total : null;
                    _warned = false;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _refreshing = null;
            }

            done.TrySetResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The session start limit ({Total} Identifies) is used up; no shard identifies for {WaitMs} ms until Discord resets it")]
        public static partial void SessionStartLimitReached(ILogger logger, int total, double waitMs);

        [LoggerMessage(2, LogLevel.Debug, "Shard {ShardId} waits {WaitMs} ms for its Identify slot")]
        public static partial void Waiting(ILogger logger, int shardId, double waitMs);

        [LoggerMessage(3, LogLevel.Information, "Session start limit: {Remaining} of {Total} left, max concurrency {MaxConcurrency}; Discord recommends {Shards} shard(s)")]
        public static partial void Refreshed(ILogger logger, int remaining, int total, int maxConcurrency, int shards);

        [LoggerMessage(4, LogLevel.Warning, "GET /gateway/bot failed ({Reason}); keeping the configured gateway URL and the last known limits")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
