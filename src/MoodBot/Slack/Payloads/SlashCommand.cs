namespace MoodBot.Slack.Payloads;

/// <summary>
/// A slash command invocation: form fields over HTTP, the same names as JSON strings in a
/// Socket Mode envelope.
/// </summary>
internal sealed record SlashCommand
{
    public string? Command { get; init; }

    public string? Text { get; init; }

    public string? UserId { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public string? TeamId { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public static SlashCommand FromForm(Func<string, string?> field) => new()
    {
        Command = field("command"),
        Text = field("text"),
        UserId = field("user_id"),
        ChannelId = field("channel_id"),
        ChannelName = field("channel_name"),
        TeamId = field("team_id"),
        ResponseUrl = field("response_url"),
        TriggerId = field("trigger_id"),
    };
}
