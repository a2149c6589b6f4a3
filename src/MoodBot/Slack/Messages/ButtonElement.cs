namespace MoodBot.Slack.Messages;

/// <summary>A Block Kit button: an action MoodBot answers, or a link Slack opens (it still sends the press).</summary>
internal sealed record ButtonElement(TextObject Text, string ActionId)
{
    public string Type { get; } = "button";

    /// <summary>What the press sends back; at most 2,000 characters.</summary>
    public string? Value { get; init; }

    public string? Url { get; init; }

    /// <summary><c>primary</c> or <c>danger</c>; null for the default look.</summary>
    public string? Style { get; init; }
}
