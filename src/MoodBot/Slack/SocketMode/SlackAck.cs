using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.SocketMode;

/// <summary>
/// What handling an envelope produced. <see cref="Payload"/> rides on the ack where the envelope
/// takes one (slash commands); <see cref="After"/> runs once the ack is out, so posting a reply
/// (which may wait out a 429) never delays it; <see cref="Late"/> delivers the payload another
/// way when it was not ready before the ack had to go.
/// </summary>
internal sealed record SlackAck(
    SlackReply? Payload = null,
    Func<CancellationToken, Task>? After = null,
    Func<SlackReply, CancellationToken, Task>? Late = null)
{
    public static readonly SlackAck Empty = new();
}
