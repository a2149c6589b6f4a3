namespace MoodBot.Slack.Messages;

/// <summary>A Block Kit text object. Build mrkdwn with <see cref="Markdown"/> from escaped text only.</summary>
internal sealed record TextObject(string Type, string Text)
{
    public static TextObject Plain(string text) => new("plain_text", text);

    /// <param name="escapedText">Text already passed through <see cref="SlackText.Escape"/> where it is not ours.</param>
    public static TextObject Markdown(string escapedText) => new("mrkdwn", escapedText);
}
