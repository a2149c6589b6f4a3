namespace MoodBot.Discord.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 events in 60 s. This keeps the events
/// the bot chooses to send (Identify, Resume, presence, voice state...) to
/// <see cref="MaxEvents"/> in any 60 s, leaving the rest of the 120 to heartbeats, which must
/// never wait behind them: a late heartbeat gets the connection dropped as a zombie.
/// One limiter per connection; a sliding log of send times, so no burst at a window edge.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int DiscordLimit = 120;

    /// <summary>Ten below Discord's limit: heartbeats come every ~41 s, so two a minute plus server-requested ones fit.</summary>
    public const int MaxEvents = 110;

    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new(MaxEvents);
    private readonly Lock _lock = new();

    /// <summary>Waits until one more event may go within the limit and counts it as sent.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.TryPeek(out var oldest) && oldest + Period <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < MaxEvents)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.Peek() + Period - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
