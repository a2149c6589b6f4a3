using System.Collections.Concurrent;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.SocketMode;

namespace MoodBot.Tests.Slack.SocketMode;

/// <summary>Records the envelopes it gets and answers with <see cref="Answer"/> (an empty ack by default).</summary>
internal sealed class RecordingHandler : ISocketModeHandler
{
    public ConcurrentQueue<SocketMessage> Envelopes { get; } = new();

    public Func<SocketMessage, CancellationToken, Task<SlackAck>> Answer { get; set; } = (_, _) => Task.FromResult(SlackAck.Empty);

    public Task<SlackAck> HandleAsync(SocketMessage envelope, CancellationToken cancellationToken)
    {
        Envelopes.Enqueue(envelope);
        return Answer(envelope, cancellationToken);
    }
}
