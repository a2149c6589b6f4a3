using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

internal sealed record ApplicationCommandOption(
    [property: JsonPropertyName("type")] ApplicationCommandOptionType Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description)
{
    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    [JsonPropertyName("name_localizations")]
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    [JsonPropertyName("description_localizations")]
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
