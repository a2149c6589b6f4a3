namespace MoodBot.Rooms;

/// <summary>The sessions that voted to skip one queue entry; only touched under its room's lock.</summary>
internal sealed class SkipBallot(long trackId)
{
    public long TrackId { get; } = trackId;

    public HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);
}
