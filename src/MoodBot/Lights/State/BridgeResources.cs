using MoodBot.Lights.Commands;
using MoodBot.Lights.Events;

namespace MoodBot.Lights.State;

/// <summary>
/// One bridge's rooms, zones, grouped lights and lights, kept current from its event stream, and
/// who changed each room last. Every member takes the lock: the event stream writes while chat
/// replies read.
/// </summary>
internal sealed class BridgeResources
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HueGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HueGroupedLight> _groupedLights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HueLight> _lights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LightChange> _changes = new(StringComparer.Ordinal);

    // Until when an update to a resource is the echo of MoodBot's own write, not a hand's.
    private readonly Dictionary<string, DateTimeOffset> _echoUntil = new(StringComparer.Ordinal);

    public bool IsLoaded { get; private set; }

    public void Load(IEnumerable<HueGroup> groups, IEnumerable<HueGroupedLight> groupedLights, IEnumerable<HueLight> lights)
    {
        lock (_gate)
        {
            Replace(_groups, groups, g => g.Id);
            Replace(_groupedLights, groupedLights, g => g.Id);
            Replace(_lights, lights, l => l.Id);
            IsLoaded = true;
        }
    }

    public GroupView? Group(string groupId)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group))
            {
                return null;
            }

            var groupedLight = group.GroupedLightId is { } gl ? _groupedLights.GetValueOrDefault(gl) : null;
            var changed = group.GroupedLightId is { } id ? _changes.GetValueOrDefault(id) : null;
            return new GroupView(group, groupedLight, [.. LightsOfLocked(group)], changed);
        }
    }

    /// <summary>MoodBot's write landed: the updates it causes in the next <paramref name="echo"/> are its own.</summary>
    public void NoteSent(HueResourceKind kind, string resourceId, string? colorName, DateTimeOffset now, TimeSpan echo)
    {
        lock (_gate)
        {
            _echoUntil[resourceId] = now + echo;
            if (kind == HueResourceKind.GroupedLight)
            {
                _changes[resourceId] = new LightChange(now, true, colorName);
            }
        }
    }

    /// <summary>Applies an event container; returns the grouped lights it shows were changed by hand.</summary>
    public IReadOnlyList<string> Apply(HueEvent change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var byHand = new List<string>();
        lock (_gate)
        {
            foreach (var resource in change.Data ?? [])
            {
                switch (change.Type, resource.Type)
                {
                    case ("update", "grouped_light") when _groupedLights.TryGetValue(resource.Id, out var group):
                        _groupedLights[resource.Id] = group with
                        {
                            On = resource.On ?? group.On,
                            Dimming = resource.Dimming ?? group.Dimming,
                        };
                        if (ChangesLight(resource) && !IsEchoLocked(resource.Id, now))
                        {
                            byHand.Add(resource.Id);
                        }

                        break;
                    case ("update", "light") when _lights.TryGetValue(resource.Id, out var light):
                        _lights[resource.Id] = Updated(light, resource);
                        if (ChangesLight(resource) && !IsEchoLocked(resource.Id, now))
                        {
                            // A light changes with the room MoodBot set; otherwise its rooms were changed by hand.
                            var owners = GroupedLightsOfLocked(light).ToList();
                            if (!owners.Any(id => IsEchoLocked(id, now)))
                            {
                                byHand.AddRange(owners);
                            }
                        }

                        break;
                    case ("delete", _):
                        _groups.Remove(resource.Id);
                        _groupedLights.Remove(resource.Id);
                        _lights.Remove(resource.Id);
                        break;
                    default:
                        // Adds (a new room or light) need the whole resource; the next reconnect reloads them.
                        break;
                }
            }

            foreach (var id in byHand.Distinct())
            {
                _changes[id] = new LightChange(now, false, null);
            }
        }

        return [.. byHand.Distinct()];
    }

    private static bool ChangesLight(HueEventResource resource) =>
        resource.On is not null || resource.Dimming is not null || resource.Color?.Xy is not null || resource.ColorTemperature?.Mirek is not null;

    private static HueLight Updated(HueLight light, HueEventResource change) => light with
    {
        On = change.On ?? light.On,
        Dimming = change.Dimming ?? light.Dimming,
        Color = change.Color?.Xy is { } xy && light.Color is { } color ? color with { Xy = xy } : light.Color,
        ColorTemperature = change.ColorTemperature is { } ct && light.ColorTemperature is { } known
            ? known with { Mirek = ct.Mirek, MirekValid = ct.MirekValid ?? known.MirekValid }
            : light.ColorTemperature,
        Effects = change.Effects?.Status is { } status && light.Effects is { } effects ? effects with { Status = status } : light.Effects,
    };

    private static void Replace<T>(Dictionary<string, T> target, IEnumerable<T> items, Func<T, string> id)
    {
        target.Clear();
        foreach (var item in items)
        {
            target[id(item)] = item;
        }
    }

    private bool IsEchoLocked(string resourceId, DateTimeOffset now) =>
        _echoUntil.TryGetValue(resourceId, out var until) && now <= until;

    // A room lists its devices, which own its lights; a zone lists its lights themselves.
    private IEnumerable<HueLight> LightsOfLocked(HueGroup group) =>
        _lights.Values.Where(l => Contains(group, l)).OrderBy(l => l.Id, StringComparer.Ordinal);

    private IEnumerable<string> GroupedLightsOfLocked(HueLight light) =>
        _groups.Values.Where(g => g.GroupedLightId is not null && Contains(g, light)).Select(g => g.GroupedLightId!);

    private static bool Contains(HueGroup group, HueLight light) =>
        group.Children?.Any(c => (c.Rtype == "light" && c.Rid == light.Id) || (c.Rtype == "device" && c.Rid == light.Owner?.Rid)) == true;
}
