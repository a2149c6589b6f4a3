using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>A rich embed: the coloured bar, title, text and fields of a reply.</summary>
internal sealed record Embed
{
    /// <summary>Discord's limits, so a long summary or track title is cut rather than rejected with a 400.</summary>
    public const int TitleMax = 256;
    public const int DescriptionMax = 4096;
    public const int FieldNameMax = 256;
    public const int FieldValueMax = 1024;
    public const int FooterMax = 2048;

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The colour bar, as the integer 0xRRGGBB.</summary>
    [JsonPropertyName("color")]
    public int? Color { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<EmbedField>? Fields { get; init; }

    [JsonPropertyName("footer")]
    public EmbedFooter? Footer { get; init; }
}

internal sealed record EmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline = false);

internal sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);
