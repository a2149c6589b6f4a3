using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

/// <summary>The event stream's heartbeat: where playback is, so clients can correct drift.</summary>
internal sealed record RoomPosition(
    long? TrackId,
    [property: JsonPropertyName("position_s")] double PositionSeconds,
    DateTimeOffset ServerTime,
    int Listeners);
