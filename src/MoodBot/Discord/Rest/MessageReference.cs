using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>Makes a message a reply; a deleted original must not make the reply fail.</summary>
internal sealed record MessageReference([property: JsonPropertyName("message_id")] string MessageId)
{
    [JsonPropertyName("fail_if_not_exists")]
    public bool FailIfNotExists { get; init; }
}
