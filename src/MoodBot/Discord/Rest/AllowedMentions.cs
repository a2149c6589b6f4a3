using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

internal sealed record AllowedMentions([property: JsonPropertyName("parse")] IReadOnlyList<string> Parse)
{
    /// <summary>Parse nothing and do not ping the person replied to: the bot's text never pings anyone, whatever a user typed into it.</summary>
    public static AllowedMentions None { get; } = new([]) { RepliedUser = false };

    [JsonPropertyName("replied_user")]
    public bool? RepliedUser { get; init; }
}
