using System.Collections.Concurrent;
using MoodBot.Hosting;

namespace MoodBot.Slack.WebApi;

/// <summary>
/// Slack takes at most 5 posts to one <c>response_url</c>, within 30 minutes of the interaction.
/// Past either, the caller posts through the Web API instead, so no reply is lost.
/// </summary>
internal sealed class ResponseUrlBudget(TimeProvider time)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Use> _uses = new(StringComparer.Ordinal);

    /// <summary>Counts one post to <paramref name="url"/> if the budget allows it.</summary>
    public bool TryUse(string url)
    {
        var now = time.GetUtcNow();
        _uses.MakeRoomFor(url, Capacity);
        while (true)
        {
            var use = _uses.GetOrAdd(url, _ => new Use(now, 0));
            if (use.Count >= MaxUses || now - use.First >= Lifetime)
            {
                return false;
            }

            if (_uses.TryUpdate(url, use with { Count = use.Count + 1 }, use))
            {
                return true;
            }
        }
    }

    private sealed record Use(DateTimeOffset First, int Count);
}
