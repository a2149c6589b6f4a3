namespace MoodBot.Lights.Links;

/// <summary>
/// What differs between the chat adapters' <c>/lights</c> replies: how names from people and
/// bridges are escaped, and how the link command is typed there.
/// </summary>
/// <param name="Escape">Makes a room name or a bridge's message safe in the adapter's markup.</param>
/// <param name="LinkUsage">The link command as typed, e.g. <c>`/lights link room:&lt;name&gt;`</c>.</param>
internal sealed record LightsWording(Func<string, string> Escape, string LinkUsage);
