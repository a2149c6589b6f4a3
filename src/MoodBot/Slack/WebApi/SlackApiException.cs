namespace MoodBot.Slack.WebApi;

/// <summary>A Web API call that failed for good: <see cref="Error"/> is Slack's error code (<c>channel_not_found</c>) or ours.</summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    public SlackApiException()
    {
        Method = Error = "";
    }

    public SlackApiException(string message)
        : base(message)
    {
        Method = Error = "";
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = Error = "";
    }

    public string Method { get; }

    public string Error { get; }
}
