using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>
/// The body of a channel message, an interaction's message data, a follow-up or an edit.
/// <see cref="AllowedMentions"/> is never left out, so no message the bot sends can ping.
/// </summary>
internal sealed record MessageCreate([property: JsonPropertyName("content")] string? Content)
{
    [JsonPropertyName("flags")]
    public int? Flags { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    public const int Ephemeral = 1 << 6;
}
