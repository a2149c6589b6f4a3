using MoodBot.Audio.Catalogue;

namespace MoodBot.Rooms;

/// <summary>
/// One track in a room's queue. <see cref="Id"/> is 0 until it is stored; only the head has
/// <see cref="StartedAt"/>, the moment everyone's playback of it began. <see cref="Autoplay"/>
/// marks filler picked for the room's mood, which a newly posted mood replaces.
/// </summary>
internal sealed record QueueItem(
    long Id,
    string TrackKey,
    string Mood,
    string Title,
    string Artist,
    string Licence,
    double DurationSeconds,
    DateTimeOffset? StartedAt,
    bool Autoplay = false)
{
    // A zero-length entry would let playback catch-up spin without moving time forward.
    public TimeSpan Duration => TimeSpan.FromSeconds(CatalogueTrack.Playable(DurationSeconds));
}
