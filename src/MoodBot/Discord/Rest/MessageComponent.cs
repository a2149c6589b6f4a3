using System.Text.Json.Serialization;

namespace MoodBot.Discord.Rest;

/// <summary>An action row (type 1) of buttons (type 2): the only components MoodBot sends.</summary>
internal sealed record MessageComponent([property: JsonPropertyName("type")] int Type)
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;

    /// <summary>Discord refuses custom ids longer than this.</summary>
    public const int CustomIdMax = 100;

    [JsonPropertyName("components")]
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    [JsonPropertyName("style")]
    public ButtonStyle? Style { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    public static MessageComponent Row(params MessageComponent[] buttons) => new(ActionRowType) { Components = buttons };

    public static MessageComponent Button(ButtonStyle style, string label, string customId) =>
        customId.Length <= CustomIdMax
            ? new(ButtonType) { Style = style, Label = label, CustomId = customId }
            : throw new ArgumentException($"custom id of {customId.Length} chars; Discord allows {CustomIdMax}", nameof(customId));

    public static MessageComponent Link(string label, string url) => new(ButtonType) { Style = ButtonStyle.Link, Label = label, Url = url };
}

internal enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}
