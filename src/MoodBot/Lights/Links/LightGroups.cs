using MoodBot.Lights.Bridges;

namespace MoodBot.Lights.Links;

/// <summary>
/// Asks every paired bridge for its rooms and zones, at once and each within the client's short
/// timeout, so linking by name works across several bridges and one bridge that is down only
/// leaves its own rooms out.
/// </summary>
internal sealed class LightGroups(HueBridgeStore bridges, HueConnections connections)
{
    public bool AnyPaired => bridges.All().Count > 0;

    public async Task<HueGroupList> ListAsync(CancellationToken ct)
    {
        var answers = await Task.WhenAll(bridges.All().Select(b => OfBridgeAsync(b, ct))).ConfigureAwait(false);
        return new HueGroupList(
            [.. answers.SelectMany(a => a.Groups).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.BridgeId, StringComparer.Ordinal)],
            [.. answers.Select(a => a.Problem).OfType<string>()]);
    }

    private async Task<(IReadOnlyList<LightTarget> Groups, string? Problem)> OfBridgeAsync(HueBridge bridge, CancellationToken ct)
    {
        var client = connections.ClientFor(bridge);
        var rooms = client.GetRoomsAsync(ct);
        var zones = client.GetZonesAsync(ct);
        try
        {
            await Task.WhenAll(rooms, zones).ConfigureAwait(false);
        }
        catch (HueException ex)
        {
            // Both calls are awaited by WhenAll, so neither failure goes unobserved.
            return ([], ex.Message);
        }

        // A group without a grouped_light service cannot be set, so it cannot be linked.
        return ([.. rooms.Result.Concat(zones.Result)
            .Where(g => g.GroupedLightId is not null)
            .Select(g => new LightTarget(bridge.Id, g.Id, g.GroupedLightId!, string.IsNullOrWhiteSpace(g.Metadata?.Name) ? g.Id : g.Metadata.Name.Trim()))], null);
    }
}
