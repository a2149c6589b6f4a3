using MoodBot.Audio;
using MoodBot.Audio.Synth;

namespace MoodBot.Tests.Audio.Synth;

[Collection(RenderedMoodsGroup.Name)]
public sealed class RenderedLoopTests(RenderedMoods rendered)
{
    [Fact]
    public void Play_LongerThanTheLoop_RepeatsItSampleForSampleUntilTheFade()
    {
        var loop = rendered.Loops["calm"];
        var length = loop.Duration * 2.5;
        using var source = loop.Play(length);
        var played = ReadAll(source);

        Assert.Equal(length, source.Duration);
        Assert.Equal((long)Math.Round(length.TotalSeconds * AudioFormat.SampleRate) * 2, played.Length);

        // The second pass is the loop again, exactly: the seam is the loop's own.
        var samples = loop.Samples.Span;
        Assert.True(played.AsSpan(samples.Length, samples.Length).SequenceEqual(samples));
    }

    [Fact]
    public void Play_EndsWithAFadeToSilence()
    {
        using var source = rendered.Loops["energetic"].Play(TimeSpan.FromSeconds(10));
        var played = ReadAll(source);

        var tail = AudioFeatures.Rms(played, 0, (played.Length / 2) - 480, 480);
        var body = AudioFeatures.Rms(played, 0, AudioFormat.SampleRate, AudioFormat.SampleRate);
        Assert.True(tail < body * 0.05, $"last 10 ms at {tail:0.0000} RMS against {body:0.0000} in the body");
        Assert.Equal(0, source.Read(new float[AudioFormat.FrameFloats]));
    }

    [Fact]
    public void Play_ReadsInWholeStereoFrames()
    {
        using var source = rendered.Loops["sad"].Play(TimeSpan.FromSeconds(1));
        var buffer = new float[AudioFormat.FrameFloats + 3];

        Assert.Equal(AudioFormat.FrameFloats + 2, source.Read(buffer));
    }

    private static float[] ReadAll(IAudioSource source)
    {
        var output = new List<float>();
        var buffer = new float[AudioFormat.FrameFloats];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            output.AddRange(buffer.AsSpan(0, read));
        }

        return [.. output];
    }
}
