namespace MoodBot.Rooms;

/// <summary>Who a request speaks for in a room: nobody (a private room without its token), a listener, or an admin.</summary>
internal enum RoomAccess
{
    None,
    Listener,
    Admin,
}
