using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

/// <param name="Id">The queue entry: what a skip names as <c>track_id</c>.</param>
/// <param name="Track">The track's id for feedback, as in a reading's tracks.</param>
/// <param name="Url">A signed music link, as in a reading's tracks.</param>
internal sealed record QueuedTrack(
    long Id,
    string Track,
    string Mood,
    string Title,
    string Artist,
    string Licence,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    string Url);
