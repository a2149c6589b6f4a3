namespace MoodBot.Lights.Links;

/// <summary>A chat place (see <see cref="LightPlace"/>) and one Hue room or zone it drives.</summary>
internal sealed record LightLink(string Place, LightTarget Target);
