using MoodBot.Slack.Messages;

namespace MoodBot.Slack.Payloads;

/// <summary>
/// A reply that is not a Web API call: a slash command's response body (HTTP or ack payload) and
/// a <c>response_url</c> post.
/// </summary>
internal sealed record SlackReply
{
    public const string InChannel = "in_channel";
    public const string Ephemeral = "ephemeral";

    public string ResponseType { get; init; } = Ephemeral;

    /// <summary>The notification and fallback text; escaped like every other text we send.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    /// <summary>Only for <c>response_url</c> posts: false keeps the message the button was on.</summary>
    public bool? ReplaceOriginal { get; init; }
}
