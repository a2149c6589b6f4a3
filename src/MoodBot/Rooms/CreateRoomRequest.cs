namespace MoodBot.Rooms;

/// <param name="Private">A private room is reached only through its join link.</param>
internal sealed record CreateRoomRequest(string? Name, bool? Private);
