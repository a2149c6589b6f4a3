using System.Text.Json.Serialization;

namespace MoodBot.Lights;

/// <summary>
/// The CLIP v2 answer envelope: every call answers <c>{"errors":[...],"data":[...]}</c>, also on
/// failure (then with the errors' descriptions).
/// </summary>
internal sealed record HueEnvelope<T>(
    [property: JsonPropertyName("errors")] IReadOnlyList<HueError>? Errors,
    [property: JsonPropertyName("data")] IReadOnlyList<T>? Data);

internal sealed record HueError([property: JsonPropertyName("description"), JsonRequired] string Description);

/// <summary>A reference to another resource, e.g. a room's <c>grouped_light</c> service.</summary>
internal sealed record HueResourceRef(
    [property: JsonPropertyName("rid"), JsonRequired] string Rid,
    [property: JsonPropertyName("rtype"), JsonRequired] string Rtype);

internal sealed record HueMetadata(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("archetype")] string? Archetype);

/// <summary>A room or a zone (they share a shape); its light is set through its <c>grouped_light</c> service.</summary>
internal sealed record HueGroup(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("metadata")] HueMetadata? Metadata,
    [property: JsonPropertyName("children")] IReadOnlyList<HueResourceRef>? Children,
    [property: JsonPropertyName("services")] IReadOnlyList<HueResourceRef>? Services)
{
    public string? GroupedLightId => Services?.FirstOrDefault(s => s.Rtype == "grouped_light")?.Rid;
}

internal sealed record HueGroupedLight(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("owner")] HueResourceRef? Owner,
    [property: JsonPropertyName("on")] HueOn? On,
    [property: JsonPropertyName("dimming")] HueDimming? Dimming);

internal sealed record HueLight(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("owner")] HueResourceRef? Owner,
    [property: JsonPropertyName("metadata")] HueMetadata? Metadata,
    [property: JsonPropertyName("on")] HueOn? On,
    [property: JsonPropertyName("dimming")] HueDimming? Dimming,
    [property: JsonPropertyName("color")] HueLightColor? Color,
    [property: JsonPropertyName("color_temperature")] HueLightColorTemperature? ColorTemperature)
{
    /// <summary>The effects the light can play, when it can play any.</summary>
    [JsonPropertyName("effects")]
    public HueLightEffects? Effects { get; init; }

    /// <summary>The gamut to clip to: the light's own triangle if it reports one, else its type's.</summary>
    public ColorGamut? Gamut => Color switch
    {
        null => null,
        { Gamut: { Red: { } r, Green: { } g, Blue: { } b } } => new ColorGamut(r.ToXy(), g.ToXy(), b.ToXy()),
        _ => ColorGamut.ForType(Color.GamutType),
    };
}

internal sealed record HueOn([property: JsonPropertyName("on"), JsonRequired] bool On);

internal sealed record HueDimming([property: JsonPropertyName("brightness"), JsonRequired] double Brightness);

internal sealed record HueXy(
    [property: JsonPropertyName("x"), JsonRequired] double X,
    [property: JsonPropertyName("y"), JsonRequired] double Y)
{
    public CieXy ToXy() => new(X, Y);
}

internal sealed record HueLightColor(
    [property: JsonPropertyName("xy")] HueXy? Xy,
    [property: JsonPropertyName("gamut")] HueGamut? Gamut,
    [property: JsonPropertyName("gamut_type")] string? GamutType);

internal sealed record HueGamut(
    [property: JsonPropertyName("red")] HueXy? Red,
    [property: JsonPropertyName("green")] HueXy? Green,
    [property: JsonPropertyName("blue")] HueXy? Blue);

internal sealed record HueLightColorTemperature(
    [property: JsonPropertyName("mirek")] int? Mirek,
    [property: JsonPropertyName("mirek_valid")] bool? MirekValid);

internal sealed record HueLightEffects(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("effect_values")] IReadOnlyList<string>? EffectValues);
