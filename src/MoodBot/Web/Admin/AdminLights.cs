namespace MoodBot.Web.Admin;

/// <summary><c>GET /api/admin/lights/links</c>: every paired bridge's rooms and zones, and which chat places drive them.</summary>
/// <param name="Problems">One line per bridge that did not answer (its rooms are missing from <paramref name="Groups"/>).</param>
internal sealed record AdminLights(IReadOnlyList<AdminGroup> Groups, IReadOnlyList<AdminLightLink> Links, IReadOnlyList<string> Problems);

/// <summary>A Hue room or zone of a paired bridge.</summary>
internal sealed record AdminGroup(string BridgeId, string GroupId, string Name);

/// <summary>A chat place linked to a Hue room or zone.</summary>
/// <param name="Place">The place as stored, e.g. <c>room:porch</c>, <c>discord:1234</c>: what unlinking names.</param>
/// <param name="Kind">"room", "discord" or "slack".</param>
/// <param name="Name">The room's slug or the channel's id.</param>
/// <param name="GroupName">The Hue room's name when it was linked.</param>
internal sealed record AdminLightLink(string Place, string Kind, string Name, string BridgeId, string GroupId, string GroupName);
