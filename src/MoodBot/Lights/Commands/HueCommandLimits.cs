namespace MoodBot.Lights.Commands;

/// <summary>
/// How fast one bridge may be written to. Philips' guidance (see ../shared/reference/hue/README.md)
/// is about 1 grouped_light command and about 10 light commands a second, shared by every app on
/// the bridge; above that it answers 429 and drops commands, so MoodBot stays under it by itself.
/// </summary>
internal sealed record HueCommandLimits
{
    public static HueCommandLimits Default { get; } = new();

    public TimeSpan GroupedLightInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LightInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait after a failure or a 429 that names no Retry-After.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends of one resource's state before it is given up; a mood is stale after a few seconds anyway.</summary>
    public int MaxAttempts { get; init; } = 4;
}
