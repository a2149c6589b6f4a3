using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>
/// <c>GET /gateway/bot</c>: where to connect, how many shards Discord recommends, and how many
/// sessions the bot may still start.
/// </summary>
internal sealed record GatewayBotInfo(
    [property: JsonPropertyName("url"), JsonRequired] string Url,
    [property: JsonPropertyName("shards"), JsonRequired] int Shards,
    [property: JsonPropertyName("session_start_limit"), JsonRequired] SessionStartLimit SessionStartLimit);
