namespace MoodBot.Voice.Transport;

/// <summary>
/// Sends frames on a 20 ms grid: frame n goes out at anchor + n × 20 ms on the
/// <see cref="TimeProvider"/>'s monotonic clock. Waiting for each slot's absolute time, rather than
/// sleeping 20 ms after each send, keeps the time spent encoding, sealing and sending from adding
/// up into drift (issue 8: "the schedule is absolute, not sleep-by-sleep").
/// </summary>
public sealed class FramePacer
{
    /// <summary>One Opus frame of Discord audio.</summary>
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How far behind the grid the pacer may fall and still catch up by sending at once. Past this
    /// (the pipeline stalled, or the process was paused) it starts a new grid from now, since a burst
    /// of stale frames would only overflow the listeners' jitter buffers.
    /// </summary>
    public static readonly TimeSpan MaxLateness = FrameInterval * 5;

    private readonly TimeProvider _time;

    /// <summary>Paces on <paramref name="time"/> (<see cref="TimeProvider.System"/> in production).</summary>
    public FramePacer(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Times the grid was restarted because the source fell too far behind.</summary>
    public int Reanchors { get; private set; }

    /// <summary>Sends every frame of <paramref name="frames"/> in its slot, then returns.</summary>
    public async Task RunAsync(
        IAsyncEnumerable<ReadOnlyMemory<byte>> frames,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(send);

        var anchor = _time.GetTimestamp();
        long slot = 0;
        await foreach (var frame in frames.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Computed from the slot number every time, never accumulated, so rounding cannot drift.
            var due = FrameInterval * slot;
            var elapsed = _time.GetElapsedTime(anchor);
            if (elapsed - due > MaxLateness)
            {
                anchor = _time.GetTimestamp();
                slot = 0;
                Reanchors++;
            }
            else if (due > elapsed)
            {
                await Task.Delay(due - elapsed, _time, cancellationToken).ConfigureAwait(false);
            }

            await send(frame, cancellationToken).ConfigureAwait(false);
            slot++;
        }
    }
}
