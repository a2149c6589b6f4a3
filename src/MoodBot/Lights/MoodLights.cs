using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Mood.Reading;

namespace MoodBot.Lights;

/// <summary>
/// What the chat adapters call after a reading: the Hue rooms linked to where it was posted follow
/// its light, best effort, never delaying the reply.
/// </summary>
internal sealed class MoodLights(LightLinkStore links, HueBridgeStore bridges, HueConnections connections)
{
    /// <summary>
    /// Sends the reading's light to every Hue room linked to <paramref name="places"/> and returns at
    /// once with the reply's status line ("lights: Living room -> amber"), or null when none is linked.
    /// </summary>
    public string? Show(IReadOnlyCollection<string> places, MoodReading reading)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(reading);
        var targets = places.SelectMany(links.TargetsOf).Distinct().ToList();
        if (targets.Count == 0 || reading.Light is not { } light)
        {
            return null;
        }

        // TODO(issue 7): the per-bridge coalescing queue, gamut per room, fallbacks and bridge health.
        foreach (var target in targets)
        {
            if (bridges.Find(target.BridgeId) is { } bridge)
            {
                var update = HueLightUpdate.From(MoodLighting.StateFor(light, ColorGamut.C));
                _ = connections.ClientFor(bridge).UpdateGroupedLightAsync(target.GroupedLightId, update, CancellationToken.None);
            }
        }

        return $"lights: {string.Join(", ", targets.Select(t => t.Name))} -> {reading.Mood}";
    }

    /// <summary>The Hue rooms a place drives and how they look now, one line each ("Living room: on, 54 %"), for <c>/lights show</c>.</summary>
    public IReadOnlyList<string> Describe(string place) =>
        // TODO(issue 7): the current state from the bridge's event stream.
        [.. links.TargetsOf(place).Select(t => t.Name)];
}
