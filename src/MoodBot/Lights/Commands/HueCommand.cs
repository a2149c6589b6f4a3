namespace MoodBot.Lights.Commands;

/// <summary>
/// One write for a bridge: a grouped_light (a room or zone) or a single light, and the state it
/// should reach. <paramref name="ColorName"/> is what the status lines call the colour, when the
/// write is a mood's ("amber").
/// </summary>
internal sealed record HueCommand(HueResourceKind Kind, string ResourceId, HueLightUpdate Update, string? ColorName = null)
{
    public static HueCommand ForGroup(string groupedLightId, HueLightUpdate update, string? colorName = null) =>
        new(HueResourceKind.GroupedLight, groupedLightId, update, colorName);

    public static HueCommand ForLight(string lightId, HueLightUpdate update) =>
        new(HueResourceKind.Light, lightId, update);
}
