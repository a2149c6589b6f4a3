using MoodBot.Audio;
using MoodBot.Audio.Analysis;
using MoodBot.Audio.Synth;

namespace MoodBot.Tests.Audio.Synth;

[Collection(RenderedMoodsGroup.Name)]
public sealed class SoundscapeRendererTests(RenderedMoods rendered)
{
    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void RenderLoop_EveryMood_IsNormalisedToMinus16Lufs(string mood)
    {
        var lufs = LoudnessMeter.IntegratedLoudness(rendered.Loops[mood].Samples.Span, AudioFormat.SampleRate, 2);

        Assert.InRange(lufs, -16.5, -15.5);
    }

    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void RenderLoop_EveryMood_TruePeakStaysBelowMinus1Dbtp(string mood)
    {
        Assert.True(TruePeak.Dbtp(rendered.Loops[mood].Samples.Span, 2) < -1.0);
    }

    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void RenderLoop_EveryMood_HasNoDcOffset(string mood)
    {
        var samples = rendered.Loops[mood].Samples.Span;
        for (var channel = 0; channel < 2; channel++)
        {
            var sum = 0.0;
            for (var i = channel; i < samples.Length; i += 2)
            {
                sum += samples[i];
            }

            Assert.InRange(sum / (samples.Length / 2), -1e-3, 1e-3);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void RenderLoop_EveryMood_IsWholeBarsOfTheRequestedTempoAndTwentyToFortySeconds(string mood)
    {
        var loop = rendered.Loops[mood];
        var tempo = rendered.Requests[mood].Soundscape.TempoBpm;
        var sixteenth = (int)Math.Round(AudioFormat.SampleRate * 15.0 / tempo);

        Assert.Equal(tempo, loop.TempoBpm);
        Assert.Equal(loop.Bars * 16 * sixteenth, loop.Frames);
        Assert.InRange(loop.Duration.TotalSeconds, 20, 40);
    }

    [Theory]
    [MemberData(nameof(RenderedMoods.AllMoods), MemberType = typeof(RenderedMoods))]
    public void RenderLoop_EveryMood_IsStereoWithWidth(string mood)
    {
        // Not two copies of one channel: the side signal carries real energy (pans, detuned pairs, reverb).
        var samples = rendered.Loops[mood].Samples.Span;
        double mid = 0, side = 0;
        for (var i = 0; i < samples.Length; i += 2)
        {
            mid += Math.Pow(samples[i] + samples[i + 1], 2);
            side += Math.Pow(samples[i] - samples[i + 1], 2);
        }

        Assert.InRange(10 * Math.Log10(side / mid), -25, 0);
    }

    [Fact]
    public void RenderLoop_SameRequestTwice_GivesIdenticalBytes()
    {
        var request = SynthRequest.ForMood(rendered.Catalog["energetic"], 42);
        var renderer = new SoundscapeRenderer(TimeSpan.FromSeconds(8));

        var first = renderer.RenderLoop(request, CancellationToken.None).Samples.ToArray();
        var second = new SoundscapeRenderer(TimeSpan.FromSeconds(8)).RenderLoop(request, CancellationToken.None).Samples.ToArray();

        Assert.Equal(first.Length, second.Length);
        Assert.True(first.AsSpan().SequenceEqual(second), "same request and seed must give the same samples");
    }

    [Fact]
    public void RenderLoop_DifferentSeed_GivesDifferentMusic()
    {
        // Fixed tempo so only the seed differs; the notes, not just the noise, must change.
        var renderer = new SoundscapeRenderer(TimeSpan.FromSeconds(8));
        var soundscape = rendered.Requests["calm"].Soundscape;
        var a = renderer.RenderLoop(new SynthRequest(soundscape, 1), CancellationToken.None).Samples.Span;
        var b = renderer.RenderLoop(new SynthRequest(soundscape, 2), CancellationToken.None).Samples.Span;

        var length = Math.Min(a.Length, b.Length);
        double difference = 0, energy = 0;
        for (var i = 0; i < length; i++)
        {
            difference += Math.Pow(a[i] - b[i], 2);
            energy += Math.Pow(a[i], 2);
        }

        Assert.True(difference > 0.5 * energy, $"seeds 1 and 2 differ by only {10 * Math.Log10(difference / energy):0.0} dB");
    }

    [Fact]
    public void RenderLoop_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new SoundscapeRenderer().RenderLoop(rendered.Requests["calm"], cts.Token));
    }

    [Fact]
    public void RenderLoop_UnknownTexturesAndOddKey_StillMakesMusic()
    {
        var soundscape = new MoodBot.Mood.Reading.Soundscape(100, "F#", "minor", 0.5, ["purple fog", "clockwork"], []);

        var loop = new SoundscapeRenderer(TimeSpan.FromSeconds(8)).RenderLoop(new SynthRequest(soundscape, 7), CancellationToken.None);

        Assert.InRange(LoudnessMeter.IntegratedLoudness(loop.Samples.Span, AudioFormat.SampleRate, 2), -16.5, -15.5);
    }
}
