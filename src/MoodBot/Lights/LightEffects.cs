namespace MoodBot.Lights;

/// <summary>
/// The gentle effect a high-arousal mood adds to lights that can play one: a slow shimmer rather
/// than anything that flashes. The names are CLIP v2's (common/SupportedEffects.yaml).
/// </summary>
internal static class LightEffects
{
    /// <summary>The arousal from which a mood is lively enough for an effect.</summary>
    public const double ArousalThreshold = 0.75;

    public const string None = "no_effect";

    // Most gentle first; candle flickers more, so it is the last choice.
    private static readonly string[] Preferred = ["sparkle", "glisten", "candle"];

    /// <summary>The effect to play on a light, or null when it lists none of the gentle ones.</summary>
    public static string? For(HueLight light)
    {
        ArgumentNullException.ThrowIfNull(light);
        var offered = light.Effects?.EffectValues;
        return offered is null ? null : Preferred.FirstOrDefault(offered.Contains);
    }
}
