namespace MoodBot.Discord.Gateway;

/// <summary>
/// Exponential back-off with jitter: attempt n waits <c>min(max, initial * 2^n)</c> scaled into
/// <c>[1 - jitter, 1]</c> by a random draw, so many shards reconnecting at once spread out.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Func<double> nextDouble)
{
    public static ReconnectBackoff Default(Random random) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.5, random.NextDouble);

    public TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var exponent = Math.Min(attempt, 30);
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        var scale = 1 - (jitter * nextDouble());
        return TimeSpan.FromTicks((long)(ceiling * scale));
    }
}
