using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

/// <summary>The track everyone in the room hears, and where in it they are.</summary>
/// <param name="Id">The queue entry: what a skip names as <c>track_id</c>.</param>
/// <param name="PositionSeconds">Where everyone is in the track, as of <see cref="RoomState.ServerTime"/>.</param>
/// <param name="SkipVotes">Votes to skip this track so far; it goes at <paramref name="SkipVotesNeeded"/>.</param>
internal sealed record NowPlaying(
    long Id,
    string Track,
    string Mood,
    string Title,
    string Artist,
    string Licence,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    string Url,
    [property: JsonPropertyName("position_s")] double PositionSeconds,
    DateTimeOffset StartedAt,
    int SkipVotes,
    int SkipVotesNeeded);
