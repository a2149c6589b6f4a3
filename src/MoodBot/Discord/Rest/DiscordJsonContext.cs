using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(IReadOnlyList<RegisteredCommand>))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(GatewayBotInfo))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
