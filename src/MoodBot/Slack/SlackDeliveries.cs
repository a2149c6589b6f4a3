using System.Collections.Concurrent;
using MoodBot.Hosting;

namespace MoodBot.Slack;

/// <summary>
/// Ids of the events and envelopes already taken in, so a retry from Slack (a late ack, an HTTP
/// retry with <c>X-Slack-Retry-Num</c>, the same event on two sockets during a refresh) is handled
/// once. Memory only and bounded: Slack retries within minutes, not across restarts.
/// </summary>
internal sealed class SlackDeliveries
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="id"/> is seen; false for a repeat.</summary>
    public bool FirstTime(string id)
    {
        _seen.MakeRoomFor(id, Capacity);
        return _seen.TryAdd(id, 0);
    }
}
