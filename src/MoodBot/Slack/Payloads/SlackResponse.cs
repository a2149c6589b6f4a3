namespace MoodBot.Slack.Payloads;

/// <summary>What every Web API method answers: <c>ok</c>, and <c>error</c> when it is false (usually with HTTP 200).</summary>
internal sealed record SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }

    /// <summary><c>apps.connections.open</c>: the single-use WebSocket URL.</summary>
    public string? Url { get; init; }
}
