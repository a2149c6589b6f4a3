namespace MoodBot.Lights.Links;

/// <summary>
/// The Hue rooms and zones of every paired bridge, as linkable targets sorted by name, and a line
/// for each bridge that did not answer (its rooms are then missing from the list).
/// </summary>
internal sealed record HueGroupList(IReadOnlyList<LightTarget> Groups, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// The groups a person means: by name, ignoring case, or by the <see cref="Key"/> that
    /// autocomplete and the web page send (unique even when two rooms share a name).
    /// </summary>
    public IReadOnlyList<LightTarget> Named(string nameOrKey)
    {
        var wanted = nameOrKey.Trim();
        return Groups.FirstOrDefault(g => Key(g) == wanted) is { } exact
            ? [exact]
            : [.. Groups.Where(g => string.Equals(g.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>"bridge id/group id": names one Hue room or zone on one bridge.</summary>
    public static string Key(LightTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.BridgeId + "/" + target.GroupId;
    }
}
