using MoodBot.Mood.Reading;

namespace MoodBot.Lights;

/// <summary>
/// What a room's lights can show, decided from the lights the bridge reports in it: the state to
/// send its grouped light for a mood's light scene.
/// </summary>
internal static class LightPlan
{
    /// <summary>
    /// A colour for a room with a colour light, clipped to the narrowest gamut among them: the
    /// bridge would clip each lamp to its own triangle, so a wide-gamut lamp would show a more
    /// saturated colour than an old one beside it; the narrowest triangle is a colour every lamp
    /// in the room shows the same. A room with only white-ambiance lights gets the colour's
    /// temperature; one with only dimmable lights, brightness alone. A room whose lights are not
    /// known (the cache is not loaded yet) is sent the colour for gamut C, the widest.
    /// </summary>
    public static HueLightState StateFor(LightScene scene, IReadOnlyCollection<HueLight> lights)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(lights);
        if (lights.Count == 0)
        {
            return MoodLighting.StateFor(scene, ColorGamut.C);
        }

        if (lights.Select(l => l.Gamut).OfType<ColorGamut>().MinBy(g => g.Area) is { } narrowest)
        {
            return MoodLighting.StateFor(scene, narrowest);
        }

        var state = MoodLighting.StateFor(scene, ColorGamut.C);
        if (lights.Any(l => l.ColorTemperature is not null))
        {
            var xy = HueColor.ToXy(scene.Color);
            return state with { Xy = null, Mirek = state.Mirek ?? HueColor.ApproximateMirek(xy) };
        }

        return state with { Xy = null, Mirek = null };
    }
}
