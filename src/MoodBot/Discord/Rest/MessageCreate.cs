using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>
/// The body of a channel message, an interaction's message data, a follow-up or an edit.
/// <see cref="AllowedMentions"/> is never left out, so no message the bot sends can ping.
/// </summary>
internal sealed record MessageCreate([property: JsonPropertyName("content")] string? Content)
{
    public const int Ephemeral = 1 << 6;

    /// <summary>Discord's limit on message content.</summary>
    public const int ContentMax = 2000;

    [JsonPropertyName("flags")]
    public int? Flags { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>An empty list on an edit removes the buttons; null leaves them.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    [JsonPropertyName("message_reference")]
    public MessageReference? MessageReference { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>A short answer only the person who asked sees.</summary>
    public static MessageCreate Private(string content) => new(content) { Flags = Ephemeral };
}
