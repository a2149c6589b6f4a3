namespace MoodBot.Lights.Commands;

/// <summary>What a command writes; the bridge rate-limits the two separately.</summary>
internal enum HueResourceKind
{
    GroupedLight,
    Light,
}
