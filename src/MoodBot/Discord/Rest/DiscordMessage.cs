using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>The few fields of a returned message the bot reads.</summary>
internal sealed record DiscordMessage(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("content")] string? Content);
