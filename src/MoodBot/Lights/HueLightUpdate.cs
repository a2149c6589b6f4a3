using System.Text.Json.Serialization;

namespace MoodBot.Lights;

/// <summary>
/// The body of <c>PUT /clip/v2/resource/grouped_light/{id}</c> (and <c>/light/{id}</c>): only the
/// parts set are sent, so a colour write never also carries a colour temperature.
/// </summary>
internal sealed record HueLightUpdate
{
    [JsonPropertyName("on")]
    public HueOn? On { get; init; }

    [JsonPropertyName("dimming")]
    public HueDimming? Dimming { get; init; }

    [JsonPropertyName("color")]
    public HueColorUpdate? Color { get; init; }

    [JsonPropertyName("color_temperature")]
    public HueMirekUpdate? ColorTemperature { get; init; }

    [JsonPropertyName("dynamics")]
    public HueDynamicsUpdate? Dynamics { get; init; }

    /// <summary>A light's effect ("sparkle", "no_effect"); lights take it, grouped lights do not.</summary>
    [JsonPropertyName("effects")]
    public HueEffectUpdate? Effects { get; init; }

    /// <summary>Light on, at the state's brightness and colour or white, fading over its transition.</summary>
    public static HueLightUpdate From(HueLightState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new HueLightUpdate
        {
            On = new HueOn(true),
            Dimming = new HueDimming(state.Brightness),
            Color = state.Xy is { } xy ? new HueColorUpdate(new HueXy(Math.Round(xy.X, 4), Math.Round(xy.Y, 4))) : null,
            ColorTemperature = state.Mirek is { } mirek ? new HueMirekUpdate(mirek) : null,
            Dynamics = new HueDynamicsUpdate(state.TransitionMs),
        };
    }
}

internal sealed record HueColorUpdate([property: JsonPropertyName("xy")] HueXy Xy);

internal sealed record HueMirekUpdate([property: JsonPropertyName("mirek")] int Mirek);

internal sealed record HueDynamicsUpdate([property: JsonPropertyName("duration")] int Duration);

internal sealed record HueEffectUpdate([property: JsonPropertyName("effect")] string Effect);
