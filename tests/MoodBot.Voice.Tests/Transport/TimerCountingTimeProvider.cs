using Microsoft.Extensions.Time.Testing;

namespace MoodBot.Voice.Tests.Transport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers created on it, so a test can wait until
/// the code under test has started waiting before it moves the clock. Without that, a move that
/// lands between the code reading the time and creating its timer leaves the timer due after a
/// moment the test never advances to, and the test hangs.
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start), IDisposable
{
    private readonly SemaphoreSlim _created = new(0);
    private int _count;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Counted once registered: a clock move after this point fires it.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _count);
        _created.Release();
        return timer;
    }

    /// <summary>Waits (bounded, in real time) until at least <paramref name="count"/> timers have been created.</summary>
    public async Task TimersCreatedAsync(int count)
    {
        while (Volatile.Read(ref _count) < count)
        {
            Assert.True(await _created.WaitAsync(TimeSpan.FromSeconds(10)), $"only {_count} of {count} timers were created");
        }
    }

    public void Dispose() => _created.Dispose();
}
