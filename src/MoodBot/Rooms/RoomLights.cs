namespace MoodBot.Rooms;

/// <summary>A room's light settings for its admin page: what is linked, and what could be.</summary>
/// <param name="Paired">False while no Hue bridge is paired with this MoodBot (nothing can be linked).</param>
/// <param name="Available">Every paired bridge's rooms and zones, as they answered now.</param>
/// <param name="Problems">One line per bridge that did not answer (its rooms are missing from <paramref name="Available"/>).</param>
internal sealed record RoomLights(bool Paired, IReadOnlyList<RoomLightGroup> Linked, IReadOnlyList<RoomLightGroup> Available, IReadOnlyList<string> Problems);

/// <summary>A Hue room or zone, named for the page by its bridge and group ids.</summary>
/// <param name="State">For a linked one, how its lights look now ("Living room: on, 54 %, amber (set by MoodBot 2 min ago)").</param>
internal sealed record RoomLightGroup(string BridgeId, string GroupId, string Name, string? State = null);
