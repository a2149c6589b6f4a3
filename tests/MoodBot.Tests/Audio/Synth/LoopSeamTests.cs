using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>
/// The loop point must be inaudible: across it the signal behaves as it does inside the loop,
/// where continuity holds by construction.
/// </summary>
[Collection(RenderedMoodsGroup.Name)]
public sealed class LoopSeamTests(RenderedMoods rendered)
{
    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void Seam_SampleJump_IsNoLargerThanTypicalJumpsInsideTheLoop(string mood)
    {
        var samples = rendered.Loops[mood].Samples.Span;
        var frames = samples.Length / 2;
        for (var channel = 0; channel < 2; channel++)
        {
            var jumps = new double[frames - 1];
            for (var n = 1; n < frames; n++)
            {
                jumps[n - 1] = Math.Abs(samples[(2 * n) + channel] - samples[(2 * (n - 1)) + channel]);
            }

            Array.Sort(jumps);
            var typical = jumps[(int)(0.999 * jumps.Length)];
            var seam = Math.Abs(samples[channel] - samples[(2 * (frames - 1)) + channel]);

            Assert.True(seam <= typical, $"{mood} channel {channel}: seam jump {seam:0.0000} > 99.9th percentile {typical:0.0000}");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void Seam_HasNoClick(string mood)
    {
        // High-band energy (first difference) in a 2 ms window straddling the seam, against the same
        // window at every bar line inside the loop: a downbeat may bring a drum attack, but a
        // discontinuity would add a click on top of whatever the bar lines hold (more than 3 dB).
        var loop = rendered.Loops[mood];
        var samples = loop.Samples.Span;
        var barFrames = loop.Frames / loop.Bars;
        const int Short = AudioFormat.SampleRate / 500;
        var loudest = 0.0;
        for (var bar = 1; bar < loop.Bars; bar++)
        {
            loudest = Math.Max(loudest, HighEnergy(samples, (bar * barFrames) - (Short / 2), Short));
        }

        var seam = HighEnergy(samples, -(Short / 2), Short);

        Assert.True(seam <= 2 * loudest, $"{mood}: seam high-band energy {seam:0.000000} against at most {loudest:0.000000} at the bar lines");
    }

    private static double HighEnergy(ReadOnlySpan<float> samples, int start, int length)
    {
        var frames = samples.Length / 2;
        var sum = 0.0;
        for (var f = 0; f < length; f++)
        {
            var n = (((start + f) % frames) + frames) % frames;
            var m = (n + frames - 1) % frames;
            var left = samples[2 * n] - samples[2 * m];
            var right = samples[(2 * n) + 1] - samples[(2 * m) + 1];
            sum += (left * left) + (right * right);
        }

        return sum;
    }
}
