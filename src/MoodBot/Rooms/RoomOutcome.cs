namespace MoodBot.Rooms;

internal enum RoomOutcome
{
    Done,
    NotFound,

    /// <summary>The room is locked and the caller is not one of its admins.</summary>
    Locked,

    /// <summary>The queue holds <see cref="RoomOptions.MaxQueue"/> tracks already.</summary>
    QueueFull,
}
