using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(IdentifyData))]
[JsonSerializable(typeof(ResumeData))]
[JsonSerializable(typeof(VoiceStateUpdateData))]
[JsonSerializable(typeof(int))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
