namespace MoodBot.Lights.Links;

/// <summary>A Hue room or zone that a chat place drives, set through its <c>grouped_light</c> service.</summary>
/// <param name="GroupId">The room's or zone's resource id.</param>
/// <param name="Name">The room's name as the bridge gave it when linked, for status lines.</param>
internal sealed record LightTarget(string BridgeId, string GroupId, string GroupedLightId, string Name);
