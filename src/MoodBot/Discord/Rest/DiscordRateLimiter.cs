using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace MoodBot.Discord.Rest;

/// <summary>
/// What Discord has said about its limits: per-bucket remaining/reset learned from the
/// X-RateLimit-* headers (keyed by the bucket hash plus the route's major parameters), and the
/// global pause a global 429 imposes on every route.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _hashOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;
    private int _updates;

    /// <summary>Buckets known now (for tests: spent ones are forgotten).</summary>
    public int Count => _buckets.Count;

    /// <summary>How long to wait before <paramref name="route"/> may be sent; zero when it may go now.</summary>
    public TimeSpan DelayFor(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        DateTimeOffset until;
        lock (_globalLock)
        {
            until = _globalUntil;
        }

        if (_buckets.TryGetValue(BucketKey(route), out var bucket))
        {
            var bucketUntil = bucket.BlockedUntil();
            if (bucketUntil > until)
            {
                until = bucketUntil;
            }
        }

        return until > now ? until - now : TimeSpan.Zero;
    }

    public void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } hash)
        {
            _hashOfRoute[route.Name] = hash;
        }

        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Seconds(Header(headers, "X-RateLimit-Reset-After"));
        if (remaining is not null && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && resetAfter is { } reset)
        {
            _buckets.GetOrAdd(BucketKey(route), _ => new Bucket()).Set(left, time.GetUtcNow() + reset);
        }

        if (Interlocked.Increment(ref _updates) % PruneEvery == 0)
        {
            Prune();
        }
    }

    // Every interaction token is a bucket of its own; once its reset has passed it constrains
    // nothing, and keeping it would grow the map by one entry per interaction for ever.
    private const int PruneEvery = 256;

    internal void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt < now)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    public void PauseBucket(DiscordRoute route, TimeSpan retryAfter) =>
        _buckets.GetOrAdd(BucketKey(route), _ => new Bucket()).Set(0, time.GetUtcNow() + retryAfter);

    public void PauseGlobal(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_globalLock)
        {
            if (until > _globalUntil)
            {
                _globalUntil = until;
            }
        }
    }

    internal static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private string BucketKey(DiscordRoute route) =>
        (_hashOfRoute.TryGetValue(route.Name, out var hash) ? hash : route.Name) + " " + route.MajorParameters;

    private sealed class Bucket
    {
        private readonly Lock _lock = new();
        private int _remaining = 1;
        private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            lock (_lock)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }

        public DateTimeOffset ResetAt
        {
            get
            {
                lock (_lock)
                {
                    return _resetAt;
                }
            }
        }

        public DateTimeOffset BlockedUntil()
        {
            lock (_lock)
            {
                return _remaining <= 0 ? _resetAt : DateTimeOffset.MinValue;
            }
        }
    }
}
