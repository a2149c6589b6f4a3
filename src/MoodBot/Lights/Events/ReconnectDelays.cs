namespace MoodBot.Lights.Events;

/// <summary>
/// How long to wait before the n-th reconnect to a bridge's event stream: quick at first (a
/// bridge restarting is back in seconds), then once a minute, so a bridge that is unplugged
/// costs almost nothing.
/// </summary>
internal static class ReconnectDelays
{
    private static readonly TimeSpan[] Table =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)];

    public static TimeSpan For(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        return Table[Math.Min(attempt, Table.Length - 1)];
    }
}
