using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

/// <summary>What everyone in a room sees: the track playing and where in it, what comes next, who listens.</summary>
/// <param name="Mood">The room's current mood: when the queue runs out, more of it plays.</param>
/// <param name="Queue">The tracks after <see cref="NowPlaying"/>, in order.</param>
internal sealed record RoomState(
    string Slug,
    string Name,
    bool Private,
    bool Locked,
    string? Mood,
    NowPlaying? NowPlaying,
    IReadOnlyList<QueuedTrack> Queue,
    int Listeners,
    DateTimeOffset ServerTime)
{
    /// <summary>The hub's version when this was read: event streams resend when it moves.</summary>
    [JsonIgnore]
    public long Version { get; init; }
}
