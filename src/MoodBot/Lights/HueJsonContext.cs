using System.Text.Json.Serialization;

namespace MoodBot.Lights;

/// <summary>CLIP v2 JSON; nulls are left out so an update carries only what it changes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HueEnvelope<HueGroup>))]
[JsonSerializable(typeof(HueEnvelope<HueGroupedLight>))]
[JsonSerializable(typeof(HueEnvelope<HueLight>))]
[JsonSerializable(typeof(HueEnvelope<HueResourceRef>))]
[JsonSerializable(typeof(HueLightUpdate))]
[JsonSerializable(typeof(Pairing.HueAuthenticateRequest))]
[JsonSerializable(typeof(IReadOnlyList<Pairing.HueAuthenticateAnswer>))]
[JsonSerializable(typeof(Pairing.HueBridgeConfig))]
internal sealed partial class HueJsonContext : JsonSerializerContext;
