using System.Text.Json.Serialization;
using MoodBot.Discord.Interactions;

namespace MoodBot.Discord.Messages;

/// <summary>The fields of a MESSAGE_CREATE MoodBot reads to notice it is being talked to.</summary>
internal sealed record ChannelMessage(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("channel_id"), JsonRequired] string ChannelId,
    [property: JsonPropertyName("author"), JsonRequired] DiscordUser Author)
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("mentions")]
    public IReadOnlyList<DiscordUser>? Mentions { get; init; }

    /// <summary>Set when the message replies to another: a reply to the bot is talking to it.</summary>
    [JsonPropertyName("referenced_message")]
    public ReferencedMessage? ReferencedMessage { get; init; }
}

internal sealed record ReferencedMessage([property: JsonPropertyName("author")] DiscordUser? Author);

[JsonSerializable(typeof(ChannelMessage))]
internal sealed partial class MessageJsonContext : JsonSerializerContext;
