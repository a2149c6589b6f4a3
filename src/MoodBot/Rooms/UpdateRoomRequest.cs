namespace MoodBot.Rooms;

/// <summary>What an admin changes; a field left out stays as it is. The slug never changes, so links keep working.</summary>
internal sealed record UpdateRoomRequest(string? Name, bool? Locked);
