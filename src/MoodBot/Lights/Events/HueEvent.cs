using System.Text.Json.Serialization;

namespace MoodBot.Lights.Events;

/// <summary>
/// One container of an event-stream record's <c>data:</c> array: what changed on the bridge in one
/// batch (spec: eventstream/schemas/Event.yaml).
/// </summary>
internal sealed record HueEvent(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type"), JsonRequired] string Type,
    [property: JsonPropertyName("creationtime")] DateTimeOffset? CreationTime,
    [property: JsonPropertyName("data")] IReadOnlyList<HueEventResource>? Data);

/// <summary>
/// A resource as an event carries it: its id and type, and only the parts that changed. The parts
/// MoodBot keeps are read; the rest (and every other resource type) is ignored.
/// </summary>
internal sealed record HueEventResource(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("type"), JsonRequired] string Type,
    [property: JsonPropertyName("owner")] HueResourceRef? Owner,
    [property: JsonPropertyName("on")] HueOn? On,
    [property: JsonPropertyName("dimming")] HueDimming? Dimming,
    [property: JsonPropertyName("color")] HueLightColor? Color,
    [property: JsonPropertyName("color_temperature")] HueLightColorTemperature? ColorTemperature,
    [property: JsonPropertyName("effects")] HueLightEffects? Effects);
