using MoodBot.Discord.Gateway;

namespace MoodBot.Tests.Discord.Gateway;

public sealed class ReconnectBackoffTests
{
    [Theory]
    [InlineData(0, 0.0, 1000)]
    [InlineData(0, 1.0, 500)]
    [InlineData(1, 0.0, 2000)]
    [InlineData(2, 0.5, 3000)]
    [InlineData(5, 0.0, 32000)]
    [InlineData(6, 0.0, 60000)]
    [InlineData(6, 1.0, 30000)]
    [InlineData(100, 0.0, 60000)]
    public void Delay_Attempt_DoublesToCeilingWithJitter(int attempt, double draw, double expectedMs)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.5, () => draw);

        Assert.Equal(expectedMs, backoff.Delay(attempt).TotalMilliseconds, 3);
    }

    [Fact]
    public void Delay_SeededRandom_IsReproducibleAndWithinBounds()
    {
        var first = ReconnectBackoff.Default(new Random(7));
        var second = ReconnectBackoff.Default(new Random(7));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var delay = first.Delay(attempt);
            Assert.Equal(delay, second.Delay(attempt));
            var ceiling = Math.Min(60, Math.Pow(2, attempt));
            Assert.InRange(delay.TotalSeconds, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Delay_NegativeAttempt_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Default(new Random(1)).Delay(-1));
}
