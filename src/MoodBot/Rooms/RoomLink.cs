namespace MoodBot.Rooms;

/// <param name="Kind">One of <see cref="RoomLinkKind"/>.</param>
/// <param name="Target">The adapter's own id: a channel id.</param>
internal sealed record RoomLink(string Room, string Kind, string Target);
