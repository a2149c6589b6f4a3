using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Rooms;

/// <summary>Shared listening rooms.</summary>
internal sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>How often an open event stream gets the playback position even when nothing changed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Rooms:HeartbeatInterval must be between 1 second and 5 minutes.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most tracks a room's queue holds; a mood posted to a full queue is refused.</summary>
    [Range(1, 1000)]
    public int MaxQueue { get; set; } = 100;
}

[OptionsValidator]
internal sealed partial class RoomOptionsValidator : IValidateOptions<RoomOptions>;
