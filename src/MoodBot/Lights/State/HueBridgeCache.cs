using System.Collections.Concurrent;
using MoodBot.Lights.Commands;
using MoodBot.Lights.Events;

namespace MoodBot.Lights.State;

/// <summary>What MoodBot knows of each paired bridge's rooms and lights (see <see cref="BridgeResources"/>).</summary>
internal sealed class HueBridgeCache(TimeProvider time)
{
    /// <summary>
    /// How long after MoodBot's write the bridge's events are taken as its echo: the event stream
    /// sends at most one container a second, and a fade reports its end state when it finishes.
    /// </summary>
    public static readonly TimeSpan EchoWindow = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, BridgeResources> _bridges = new(StringComparer.Ordinal);

    public BridgeResources Of(string bridgeId) => _bridges.GetOrAdd(bridgeId, _ => new BridgeResources());

    public bool IsLoaded(string bridgeId) => _bridges.TryGetValue(bridgeId, out var b) && b.IsLoaded;

    public void Load(string bridgeId, IEnumerable<HueGroup> groups, IEnumerable<HueGroupedLight> groupedLights, IEnumerable<HueLight> lights) =>
        Of(bridgeId).Load(groups, groupedLights, lights);

    public IReadOnlyList<string> Apply(string bridgeId, HueEvent change) => Of(bridgeId).Apply(change, time.GetUtcNow());

    public void NoteSent(string bridgeId, HueCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fade = TimeSpan.FromMilliseconds(command.Update.Dynamics?.Duration ?? 0);
        Of(bridgeId).NoteSent(command.Kind, command.ResourceId, command.ColorName, time.GetUtcNow(), EchoWindow + fade);
    }

    public void Forget(string bridgeId) => _bridges.TryRemove(bridgeId, out _);
}
