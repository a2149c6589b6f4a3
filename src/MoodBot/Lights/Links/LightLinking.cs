using System.Text;

namespace MoodBot.Lights.Links;

/// <summary>
/// What <c>/lights link|unlink|show</c> do in a chat channel, Discord and Slack alike: the links
/// are the store's and the words are shared; only escaping and command syntax are the adapter's.
/// </summary>
internal sealed class LightLinking(LightGroups groups, LightLinkStore links, MoodLights lights)
{
    public const string NotSetUp = "Lights need a Philips Hue bridge paired with this MoodBot, and none is set up here yet.";

    public const string HowToPair =
        "To pair one, run `lights pair` on the MoodBot host (and press the bridge's link button when asked), or open the /admin/lights page.";

    // A home has a handful of rooms; a list longer than this is cut rather than flooding the channel.
    private const int MaxListed = 25;

    public bool AnyPaired => groups.AnyPaired;

    /// <summary>Links the Hue room or zone called <paramref name="room"/> (or named by its key) to the place; the reply.</summary>
    public async Task<string> LinkAsync(string place, string? room, LightsWording wording, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wording);
        if (!groups.AnyPaired)
        {
            return NotSetUp + " " + HowToPair;
        }

        var list = await groups.ListAsync(ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(room))
        {
            return $"Name the Hue room or zone: {wording.LinkUsage}." + Available(list, wording);
        }

        var matches = list.Named(room);
        if (matches is [var target])
        {
            links.Link(place, target);
            return $"Linked: the moods posted here now set the lights of “{wording.Escape(target.Name)}”. `/lights unlink` stops that.";
        }

        if (matches.Count > 1)
        {
            // Two bridges, or a room and a zone, can share a name: the key tells them apart.
            var choices = string.Join(", ", matches.Select(m => $"`{HueGroupList.Key(m)}`"));
            return $"Several Hue rooms or zones are called “{wording.Escape(room.Trim())}”. Link one by its id ({choices}), or rename one in the Hue app.";
        }

        return $"There is no Hue room or zone called “{wording.Escape(room.Trim())}”." + Available(list, wording);
    }

    /// <summary>Unlinks the Hue room called <paramref name="room"/>, or all of them when it is empty; the reply.</summary>
    public string Unlink(string place, string? room, LightsWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        if (string.IsNullOrWhiteSpace(room))
        {
            var count = links.UnlinkAll(place);
            return count == 0
                ? "No Hue room follows the moods posted here; nothing to unlink."
                : $"Unlinked {count} Hue room{(count == 1 ? "" : "s")}: the lights no longer follow the moods posted here.";
        }

        var linked = links.TargetsOf(place);
        var named = new HueGroupList(linked, []).Named(room);
        if (named.Count == 0)
        {
            return linked.Count == 0
                ? "No Hue room follows the moods posted here; nothing to unlink."
                : $"No linked Hue room is called “{wording.Escape(room.Trim())}”. Linked here: {Names(linked, wording)}.";
        }

        foreach (var target in named)
        {
            links.Unlink(place, target.BridgeId, target.GroupId);
        }

        return $"Unlinked “{wording.Escape(named[0].Name)}”: its lights no longer follow the moods posted here.";
    }

    /// <summary>The Hue rooms the place drives, one line each, or how to link one.</summary>
    public string Show(string place, LightsWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var lines = lights.Describe(place);
        if (lines.Count == 0)
        {
            return groups.AnyPaired
                ? $"No Hue room follows the moods posted here. {wording.LinkUsage} links one."
                : NotSetUp + " " + HowToPair;
        }

        var text = new StringBuilder("The moods posted here set these Hue lights:");
        foreach (var line in lines)
        {
            text.Append("\n• ").Append(wording.Escape(line));
        }

        return text.ToString();
    }

    private static string Available(HueGroupList list, LightsWording wording)
    {
        var text = new StringBuilder();
        if (list.Groups.Count > 0)
        {
            text.Append(" Available: ").Append(Names(list.Groups, wording)).Append('.');
        }
        else if (list.Problems.Count == 0)
        {
            text.Append(" The paired bridges have no rooms or zones yet; make one in the Hue app.");
        }

        if (list.Problems.Count > 0)
        {
            text.Append(" Not every bridge answered: ").Append(string.Join("; ", list.Problems.Select(wording.Escape))).Append('.');
        }

        return text.ToString();
    }

    private static string Names(IReadOnlyList<LightTarget> targets, LightsWording wording)
    {
        var names = targets.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = string.Join(", ", names.Take(MaxListed).Select(n => $"“{wording.Escape(n)}”"));
        return names.Count > MaxListed ? $"{shown} and {names.Count - MaxListed} more" : shown;
    }
}
