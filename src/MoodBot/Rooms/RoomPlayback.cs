namespace MoodBot.Rooms;

/// <summary>
/// Plays a room's queue forward to a moment. Nothing runs while nobody asks: whoever reads the
/// room next moves it on, so playback is arithmetic on start times, the same for every reader.
/// </summary>
internal static class RoomPlayback
{
    /// <summary>
    /// Drops the tracks that ended before <paramref name="now"/>; each next one starts the moment
    /// the last one ended (not when someone next looked), so late joiners and returning listeners
    /// land on the same second as everyone else. When the queue runs out, <paramref name="autoplay"/>
    /// (if given) refills it.
    /// </summary>
    public static void CatchUp(List<QueueItem> queue, DateTimeOffset now, Func<IReadOnlyList<QueueItem>>? autoplay)
    {
        var refilled = false;
        while (queue.Count > 0)
        {
            var head = queue[0];
            var start = head.StartedAt ?? now;
            var end = start + head.Duration;
            if (end > now)
            {
                queue[0] = head with { StartedAt = start };
                return;
            }

            queue.RemoveAt(0);
            if (queue.Count > 0)
            {
                queue[0] = queue[0] with { StartedAt = end };
            }
            else if (!refilled && autoplay is not null)
            {
                // One refill per read, however long the room sat alone: the new batch is placed
                // as if it had been looping since the queue ran out, so a room idle for a week
                // costs one pick, not thousands, and still plays from a consistent second.
                refilled = true;
                var batch = autoplay();
                if (batch.Count > 0)
                {
                    var total = batch.Aggregate(TimeSpan.Zero, (sum, item) => sum + item.Duration);
                    var cycles = (now - end).Ticks / total.Ticks;
                    queue.AddRange(batch);
                    queue[0] = queue[0] with { StartedAt = end + (total * cycles) };
                }
            }
        }

        if (!refilled && autoplay is not null)
        {
            var batch = autoplay();
            if (batch.Count > 0)
            {
                queue.AddRange(batch);
                queue[0] = queue[0] with { StartedAt = now };
            }
        }
    }

    /// <summary>How far into the head track everyone is.</summary>
    public static TimeSpan Position(QueueItem head, DateTimeOffset now)
    {
        var position = now - (head.StartedAt ?? now);
        return position < TimeSpan.Zero ? TimeSpan.Zero : position > head.Duration ? head.Duration : position;
    }
}
