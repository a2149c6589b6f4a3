using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>A chat-input (slash) command as sent to the bulk-overwrite endpoints.</summary>
internal sealed record ApplicationCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<ApplicationCommandOption>? Options = null)
{
    /// <summary>1 = CHAT_INPUT.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;

    [JsonPropertyName("name_localizations")]
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    [JsonPropertyName("description_localizations")]
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
