using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

internal sealed record AllowedMentions([property: JsonPropertyName("parse")] IReadOnlyList<string> Parse)
{
    /// <summary>Parse nothing: the bot's text never pings anyone, whatever a user typed into it.</summary>
    public static AllowedMentions None { get; } = new([]);
}
