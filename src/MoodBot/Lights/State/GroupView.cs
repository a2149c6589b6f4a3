namespace MoodBot.Lights.State;

/// <summary>A room or zone as the cache knows it: its grouped light's state, its lights, and its last change.</summary>
internal sealed record GroupView(HueGroup Group, HueGroupedLight? GroupedLight, IReadOnlyList<HueLight> Lights, LightChange? LastChange);
