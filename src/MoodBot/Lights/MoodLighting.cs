using MoodBot.Mood.Reading;

namespace MoodBot.Lights;

/// <summary>A reading's light scene as the state to send a Hue light of a given gamut.</summary>
internal static class MoodLighting
{
    public static HueLightState StateFor(LightScene scene, ColorGamut gamut)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(gamut);
        var brightness = Math.Clamp(Math.Round(scene.Brightness * 100, 1), 1, 100);
        var transition = Math.Max(0, scene.TransitionMs);
        var xy = HueColor.ToXy(scene.Color);
        return HueColor.WhiteMirek(xy) is { } mirek
            ? new HueLightState(brightness, null, mirek, transition)
            : new HueLightState(brightness, gamut.Clip(xy), null, transition);
    }
}
