namespace MoodBot.Slack.Payloads;

/// <summary>The Events API wrapper (<c>event_callback</c>), or the <c>url_verification</c> handshake.</summary>
internal sealed record EventCallback
{
    public required string Type { get; init; }

    public string? EventId { get; init; }

    public string? TeamId { get; init; }

    public SlackEvent? Event { get; init; }

    /// <summary><c>url_verification</c> only: echoed back to prove the endpoint is ours.</summary>
    public string? Challenge { get; init; }
}

/// <summary>The fields of <c>app_mention</c> and <c>message</c> events MoodBot reads.</summary>
internal sealed record SlackEvent
{
    public required string Type { get; init; }

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Text { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? EventTs { get; init; }
}
