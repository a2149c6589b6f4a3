using System.Net;

namespace MoodBot.Discord.Rest;

/// <summary>
/// A Discord API call that failed for good: a 4xx, or a 429/5xx still failing after the bounded
/// retries. The message names the route template, never the path (which can hold a token).
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DiscordApiException(string route, HttpStatusCode status, int? code, string? discordMessage, string? errors)
        : base($"Discord {route} failed: {(int)status} {status}" +
            (code is null ? "" : $", code {code}: {discordMessage}") +
            (string.IsNullOrEmpty(errors) ? "" : $" {errors}"))
    {
        Route = route;
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
    }

    public string? Route { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (for example 50035 Invalid Form Body), when the body had one.</summary>
    public int? Code { get; }

    public string? DiscordMessage { get; }

    /// <summary>The raw <c>errors</c> tree of a form error, as JSON.</summary>
    public string? Errors { get; }
}
