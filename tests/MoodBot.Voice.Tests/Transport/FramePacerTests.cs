using System.Threading.Channels;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Transport;

public sealed class FramePacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task RunAsync_ThousandFrames_FrameNSentAtExactlyNTimes20Ms(int sendCostMs)
    {
        // Each send advances the fake clock by sendCostMs, as sealing and sending would: a pacer that
        // slept 20 ms after each send would slip by that much per frame and never reach the next slot
        // this test advances to.
        using var time = new TimerCountingTimeProvider(Start);
        var sent = Channel.CreateUnbounded<TimeSpan>();
        var pacer = new FramePacer(time);
        const int Count = 1_001;

        var run = pacer.RunAsync(Frames(Count), async (_, ct) =>
        {
            var at = time.GetUtcNow() - Start;
            time.Advance(TimeSpan.FromMilliseconds(sendCostMs));
            await sent.Writer.WriteAsync(at, ct);
        }, CancellationToken.None);

        var times = new List<TimeSpan>();
        for (var n = 0; n < Count; n++)
        {
            // Moving the clock to the slot fires the pacer's timer: frame n is sent at the slot time.
            var slot = Start + (FramePacer.FrameInterval * n);
            if (slot > time.GetUtcNow())
            {
                // Every frame after the first waits for its slot: move the clock once it does.
                await time.TimersCreatedAsync(n);
                time.Advance(slot - time.GetUtcNow());
            }

            times.Add(await sent.Reader.ReadAsync());
        }

        await run;
        Assert.Equal(Enumerable.Range(0, Count).Select(n => TimeSpan.FromMilliseconds(20 * n)), times);
        Assert.Equal(TimeSpan.FromSeconds(20), times[1_000]);
        Assert.Equal(0, pacer.Reanchors);
    }

    [Fact]
    public async Task RunAsync_SourceStallsOneSecond_StartsNewGridInsteadOfBursting()
    {
        using var time = new TimerCountingTimeProvider(Start);
        var source = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        var sent = Channel.CreateUnbounded<TimeSpan>();
        var pacer = new FramePacer(time);
        var run = pacer.RunAsync(source.Reader.ReadAllAsync(), async (_, ct) => await sent.Writer.WriteAsync(time.GetUtcNow() - Start, ct), CancellationToken.None);

        await source.Writer.WriteAsync(new byte[1]);
        Assert.Equal(TimeSpan.Zero, await sent.Reader.ReadAsync());

        time.Advance(TimeSpan.FromSeconds(1));
        await source.Writer.WriteAsync(new byte[1]);
        await source.Writer.WriteAsync(new byte[1]);
        source.Writer.Complete();
        Assert.Equal(TimeSpan.FromSeconds(1), await sent.Reader.ReadAsync());
        await time.TimersCreatedAsync(1);
        time.Advance(FramePacer.FrameInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1_020), await sent.Reader.ReadAsync());

        await run;
        Assert.Equal(1, pacer.Reanchors);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Frames(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new byte[] { (byte)i };
        }
    }
}
