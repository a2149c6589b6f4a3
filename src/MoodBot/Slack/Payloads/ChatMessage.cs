using MoodBot.Slack.Messages;

namespace MoodBot.Slack.Payloads;

/// <summary>
/// The JSON body of <c>chat.postMessage</c>, <c>chat.update</c> and <c>chat.postEphemeral</c>.
/// Fields a method does not take stay null and are left out (tests hold each body to the spec).
/// </summary>
internal sealed record ChatMessage
{
    public required string Channel { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    public string? ThreadTs { get; init; }

    /// <summary><c>chat.update</c>: the message to change.</summary>
    public string? Ts { get; init; }

    /// <summary><c>chat.postEphemeral</c>: who sees it.</summary>
    public string? User { get; init; }

    /// <summary><c>chat.postMessage</c>: audio links need no preview card under the reply.</summary>
    public bool? UnfurlLinks { get; init; }

    public bool? UnfurlMedia { get; init; }
}
