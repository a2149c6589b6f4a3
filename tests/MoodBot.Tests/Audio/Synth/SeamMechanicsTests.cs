using MoodBot.Audio;
using MoodBot.Audio.Synth;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>The two mechanisms that make the seam inaudible, checked exactly rather than by ear.</summary>
public sealed class SeamMechanicsTests
{
    [Fact]
    public void FoldTails_NoteRingingPastTheLoopEnd_ContinuesAtTheLoopStart()
    {
        using var bus = new MixBus(loopSamples: 1000, tailSamples: 300);
        bus.AddMono(900, Enumerable.Repeat(1f, 250).ToArray(), pan: 0, send: 1);

        bus.FoldTails();

        // Samples 1000..1149 of the note now sound at 0..149, as on the next pass of the loop.
        Assert.All(bus.Send[..150].ToArray(), x => Assert.Equal(1f, x));
        Assert.Equal(0f, bus.Send[150]);
        Assert.All(bus.Send[1000..].ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Reverb_WarmedUpOnTheLoopsEnd_MatchesTheTailOfTheLoopPlayedForever()
    {
        // Periodic input: a few clicks per 1 s loop. The renderer's scheme (run the tail length of
        // the loop's end through first) must give what a reverb that has heard the loop many times gives.
        const int Loop = AudioFormat.SampleRate;
        const float Decay = 2f;
        var input = new float[Loop];
        input[100] = 1f;
        input[30_000] = -0.7f;

        var steady = new FdnReverb(Decay, 4000f);
        var left = new float[Loop];
        var right = new float[Loop];
        for (var pass = 0; pass < 6; pass++)
        {
            Array.Clear(left);
            Array.Clear(right);
            steady.Process(input, left, right, 1f);
        }

        var warmed = new FdnReverb(Decay, 4000f);
        var scratch = new float[Loop];
        var remaining = FdnReverb.TailSamples(Decay);
        while (remaining > 0)
        {
            var chunk = Math.Min(remaining, Loop);
            warmed.Process(input.AsSpan(Loop - chunk, chunk), scratch.AsSpan(0, chunk), scratch.AsSpan(0, chunk), 0f);
            remaining -= chunk;
        }

        var warmLeft = new float[Loop];
        var warmRight = new float[Loop];
        warmed.Process(input, warmLeft, warmRight, 1f);

        var peak = left.Max(Math.Abs);
        for (var n = 0; n < Loop; n++)
        {
            Assert.True(Math.Abs(left[n] - warmLeft[n]) < 1e-3 * peak, $"sample {n}: steady {left[n]} warmed {warmLeft[n]}");
        }
    }
}
