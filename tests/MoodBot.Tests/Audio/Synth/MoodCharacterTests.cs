using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>The music follows the mood: tempo recoverable from the beat, brightness and activity rising with arousal.</summary>
[Collection(RenderedMoodsGroup.Name)]
public sealed class MoodCharacterTests(RenderedMoods rendered)
{
    [Theory]
    [InlineData("energetic")]
    [InlineData("angry")]
    [InlineData("confident")]
    [InlineData("joyful")]
    public void BeatMoods_TempoEstimatedFromTheAudio_IsWithin4PercentOfTheRequest(string mood)
    {
        var requested = rendered.Requests[mood].Soundscape.TempoBpm;

        var estimated = TempoEstimator.EstimateBpm(rendered.Loops[mood].Samples.Span);

        Assert.InRange(estimated, requested * 0.96, requested * 1.04);
    }

    [Fact]
    public void TempoEstimator_ClickTrack_FindsItsTempo()
    {
        // Checks the estimator itself: clicks every beat at 97 BPM with softer off-beat ticks.
        var frames = 20 * AudioFormat.SampleRate;
        var signal = new float[frames * 2];
        var beat = AudioFormat.SampleRate * 60.0 / 97;
        for (var k = 0; k * beat / 2 < frames - 500; k++)
        {
            var start = (int)(k * beat / 2);
            var amplitude = k % 2 == 0 ? 0.8f : 0.25f;
            for (var n = 0; n < 400; n++)
            {
                var x = amplitude * MathF.Sin(n * 0.3f) * MathF.Exp(-n / 60f);
                signal[2 * (start + n)] = x;
                signal[(2 * (start + n)) + 1] = x;
            }
        }

        Assert.InRange(TempoEstimator.EstimateBpm(signal), 97 * 0.99, 97 * 1.01);
    }

    /// <summary>
    /// Brightness: the spectral centroid of the normalised loop. Activity: the mean spectral-flux
    /// onset strength, i.e. how much new sound arrives per frame. Plain RMS would say nothing here,
    /// since normalisation makes every loop -16 LUFS; onset energy measures what arousal should change
    /// (more notes, more drums, sharper attacks) on the audio the listener actually hears.
    /// </summary>
    [Fact]
    public void Moods_BrightnessAndActivity_RiseWithArousal()
    {
        string[] byArousal = ["tired", "calm", "focused", "energetic"];
        var centroids = byArousal.Select(m => AudioFeatures.SpectralCentroid(AudioFeatures.Mono(rendered.Loops[m].Samples.Span))).ToArray();
        var activity = byArousal.Select(m => AudioFeatures.OnsetStrength(AudioFeatures.Mono(rendered.Loops[m].Samples.Span)).Average()).ToArray();

        for (var i = 1; i < byArousal.Length; i++)
        {
            Assert.True(centroids[i] > centroids[i - 1], $"centroid {byArousal[i - 1]} {centroids[i - 1]:0} Hz is not below {byArousal[i]} {centroids[i]:0} Hz");
            Assert.True(activity[i] > activity[i - 1], $"activity {byArousal[i - 1]} {activity[i - 1]:0.0} is not below {byArousal[i]} {activity[i]:0.0}");
        }
    }
}
