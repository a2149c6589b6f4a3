using System.Text.Json;

namespace MoodBot.Slack.Payloads;

/// <summary>
/// Any frame Slack sends over a Socket Mode connection: <c>hello</c>, <c>disconnect</c>, or an
/// envelope (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) whose body stays a
/// <see cref="JsonElement"/> until its type is known.
/// </summary>
internal sealed record SocketMessage
{
    public required string Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    /// <summary>Why a <c>disconnect</c> came: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>.</summary>
    public string? Reason { get; init; }

    public int? NumConnections { get; init; }
}
