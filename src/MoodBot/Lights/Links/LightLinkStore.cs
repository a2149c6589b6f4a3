using MoodBot.State;

namespace MoodBot.Lights.Links;

/// <summary>Which Hue rooms and zones each chat place (see <see cref="LightPlace"/>) drives.</summary>
internal sealed class LightLinkStore(StateStore state)
{
    /// <summary>Links a place to a Hue room; linking it again refreshes the stored name.</summary>
    public void Link(string place, LightTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = state.Open();
        connection.Execute(
            """
            INSERT INTO light_links (place, bridge_id, group_id, grouped_light_id, name) VALUES (@place, @bridge, @group, @grouped, @name)
            ON CONFLICT (place, bridge_id, group_id) DO UPDATE SET grouped_light_id = excluded.grouped_light_id, name = excluded.name
            """,
            ("@place", place), ("@bridge", target.BridgeId), ("@group", target.GroupId), ("@grouped", target.GroupedLightId), ("@name", target.Name));
    }

    /// <summary>Unlinks every Hue room from a place; the number unlinked.</summary>
    public int UnlinkAll(string place)
    {
        using var connection = state.Open();
        return connection.Execute("DELETE FROM light_links WHERE place = @place", ("@place", place));
    }

    /// <summary>Unlinks one Hue room of one bridge from a place; false when it was not linked there.</summary>
    public bool Unlink(string place, string bridgeId, string groupId)
    {
        using var connection = state.Open();
        return connection.Execute(
            "DELETE FROM light_links WHERE place = @place AND bridge_id = @bridge AND group_id = @group",
            ("@place", place), ("@bridge", bridgeId), ("@group", groupId)) > 0;
    }

    /// <summary>Every link of every place, for the site admin's page.</summary>
    public IReadOnlyList<LightLink> All()
    {
        using var connection = state.Open();
        using var command = connection.Command("SELECT place, bridge_id, group_id, grouped_light_id, name FROM light_links ORDER BY place, name, group_id");
        using var reader = command.ExecuteReader();
        var links = new List<LightLink>();
        while (reader.Read())
        {
            links.Add(new LightLink(reader.GetString(0), new LightTarget(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))));
        }

        return links;
    }

    public IReadOnlyList<LightTarget> TargetsOf(string place)
    {
        using var connection = state.Open();
        using var command = connection.Command(
            "SELECT bridge_id, group_id, grouped_light_id, name FROM light_links WHERE place = @place ORDER BY name, group_id", ("@place", place));
        using var reader = command.ExecuteReader();
        var targets = new List<LightTarget>();
        while (reader.Read())
        {
            targets.Add(new LightTarget(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return targets;
    }
}
