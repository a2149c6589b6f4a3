using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.SocketMode;

/// <summary>Handles one envelope; the client acknowledges it whatever happens.</summary>
internal interface ISocketModeHandler
{
    Task<SlackAck> HandleAsync(SocketMessage envelope, CancellationToken cancellationToken);
}
