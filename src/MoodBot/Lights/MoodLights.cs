using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Commands;
using MoodBot.Lights.Links;
using MoodBot.Lights.State;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Lights;

/// <summary>
/// What the chat adapters call after a reading: the Hue rooms linked to where it was posted follow
/// its light, best effort, never delaying the reply.
/// </summary>
internal sealed class MoodLights(
    LightLinkStore links,
    HueBridgeStore bridges,
    HueBridgeCache cache,
    HueBridgeHealth health,
    HueCommandQueues queues,
    MoodCatalog moods,
    IOptions<HueOptions> options,
    TimeProvider time)
{
    // The lights MoodBot set an effect on, per bridge and light, so that a calm mood can stop it.
    private readonly ConcurrentDictionary<(string Bridge, string Light), string> _effects = new();

    /// <summary>
    /// Sends the reading's light to every Hue room linked to <paramref name="places"/> and returns at
    /// once with the reply's status line ("lights: Living room -> amber"), or null when none is linked.
    /// </summary>
    public string? Show(IReadOnlyCollection<string> places, MoodReading reading)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Light is not { } light || reading.Mood is not { } mood)
        {
            return null;
        }

        var targets = places.SelectMany(links.TargetsOf).Distinct().ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var colorName = moods[mood].ColorName;
        var shown = new List<string>();
        var problems = new List<string>();
        var lively = options.Value.Effects && reading.Arousal >= LightEffects.ArousalThreshold;
        foreach (var target in targets)
        {
            if (bridges.Find(target.BridgeId) is not { } bridge)
            {
                problems.Add($"{target.Name}: bridge not paired");
                continue;
            }

            var lights = cache.Of(bridge.Id).Group(target.GroupId)?.Lights ?? [];
            var update = HueLightUpdate.From(LightPlan.StateFor(light, lights));
            queues.Enqueue(bridge, HueCommand.ForGroup(target.GroupedLightId, update, colorName));
            SetEffects(bridge, lights, lively);

            // Still sent: the queue retries, and the bridge may be back by then.
            if (health.Of(bridge.Id).IsUnreachable)
            {
                problems.Add($"{target.Name}: bridge unreachable");
            }
            else
            {
                shown.Add(target.Name);
            }
        }

        var parts = new List<string>();
        if (shown.Count > 0)
        {
            parts.Add($"{string.Join(", ", shown)} -> {colorName}");
        }

        parts.AddRange(problems);
        return "lights: " + string.Join("; ", parts);
    }

    /// <summary>The Hue rooms a place drives and how they look now, one line each ("Living room: on, 54 %"), for <c>/lights show</c>.</summary>
    public IReadOnlyList<string> Describe(string place) =>
        [.. links.TargetsOf(place).Select(Describe)];

    /// <summary>How one linked Hue room looks now, as a line for <c>/lights show</c> or the room page.</summary>
    public string Describe(LightTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (bridges.Find(target.BridgeId) is null)
        {
            return $"{target.Name}: bridge not paired";
        }

        if (health.Of(target.BridgeId).IsUnreachable)
        {
            return $"{target.Name}: bridge unreachable";
        }

        if (cache.Of(target.BridgeId).Group(target.GroupId) is not { GroupedLight: { } state } view)
        {
            return cache.IsLoaded(target.BridgeId)
                ? $"{target.Name}: not on the bridge any more (was the room removed?)"
                : $"{target.Name}: state not known yet";
        }

        var line = state.On?.On == true
            ? string.Create(CultureInfo.InvariantCulture, $"{target.Name}: on{(state.Dimming is { } d ? $", {d.Brightness:0} %" : "")}")
            : $"{target.Name}: off";
        return view.LastChange switch
        {
            { ByMoodBot: true } change when state.On?.On == true && change.ColorName is { } name => $"{line}, {name} (set by MoodBot {Ago(change.At)})",
            { ByMoodBot: true } change => $"{line} (set by MoodBot {Ago(change.At)})",
            { } change => $"{line} (changed by hand {Ago(change.At)})",
            null => line,
        };
    }

    private void SetEffects(HueBridge bridge, IReadOnlyList<HueLight> lights, bool lively)
    {
        foreach (var light in lights)
        {
            var key = (bridge.Id, light.Id);
            if (lively && LightEffects.For(light) is { } effect)
            {
                _effects[key] = effect;
                queues.Enqueue(bridge, HueCommand.ForLight(light.Id, new HueLightUpdate { Effects = new HueEffectUpdate(effect) }));
            }
            else if (!lively && _effects.TryRemove(key, out _))
            {
                queues.Enqueue(bridge, HueCommand.ForLight(light.Id, new HueLightUpdate { Effects = new HueEffectUpdate(LightEffects.None) }));
            }
        }
    }

    private string Ago(DateTimeOffset at)
    {
        var age = time.GetUtcNow() - at;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} d ago",
        };
    }
}
