using MoodBot.Mood.Reading;

namespace MoodBot.Rooms;

/// <param name="State">The room after the change (null when it does not exist).</param>
/// <param name="Added">The tracks a posted mood put in the queue, as a reading lists them.</param>
internal sealed record RoomUpdate(RoomOutcome Outcome, RoomState? State, IReadOnlyList<TrackLink> Added);
