namespace MoodBot.State;

/// <summary>Thumbs up/down totals of one track for one mood.</summary>
internal readonly record struct TrackVote(int Up, int Down)
{
    /// <summary>
    /// How strongly to prefer the track: (up + 1) / (down + 1), so an unrated track weighs 1, a
    /// liked one more, a disliked one less, and none ever reaches zero (tastes differ, moods change).
    /// </summary>
    public double Weight => (Up + 1.0) / (Down + 1.0);
}
