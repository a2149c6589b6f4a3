using MoodBot.Audio;
using MoodBot.Audio.Codecs.Resampling;
using Xunit.Abstractions;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class ResamplerTests(ITestOutputHelper output)
{
    private const int Rate = AudioFormat.SampleRate;

    [Theory]
    [InlineData(44100)]
    [InlineData(22050)]
    [InlineData(32000)]
    [InlineData(16000)]
    [InlineData(96000)]
    [InlineData(11025)]
    [InlineData(8000)]
    public void Read_OneKilohertzSine_KeepsFrequencyAndLevelWithinATenthOfADecibel(int inputRate)
    {
        var input = Signal.StereoTone(inputRate, inputRate, 1000, 1000, 0.5f);
        using var resampler = new Resampler(new ArrayPcmReader(input, inputRate, 2));

        var pcm = Signal.ReadAll(resampler);
        var left = Signal.Channel(pcm, 0);
        var middle = left.AsSpan(Rate / 10, Rate * 8 / 10);

        Assert.Equal(Rate * 2, pcm.Length);
        output.WriteLine($"{inputRate} Hz: 1 kHz level {Signal.Db(Signal.Amplitude(middle, 1000, Rate) / 0.5):F4} dB, {resampler.TapsPerPhase} taps per phase");
        Assert.InRange(Signal.Db(Signal.Amplitude(middle, 1000, Rate) / 0.5), -0.1, 0.1);
        Assert.InRange(Signal.Db(Signal.Rms(middle) / (0.5 / Math.Sqrt(2))), -0.1, 0.1);
        Assert.True(Signal.Amplitude(middle, 1100, Rate) < 0.5 * 1e-3, "no spurious tones near the signal");
    }

    [Fact]
    public void Read_ToneAboveOutputNyquist_IsAttenuatedByAtLeast60Decibels()
    {
        var input = Signal.StereoTone(96000, 96000, 30000, 30000, 0.5f);
        using var resampler = new Resampler(new ArrayPcmReader(input, 96000, 2));

        var left = Signal.Channel(Signal.ReadAll(resampler), 0);

        // 30 kHz would alias to 18 kHz; whatever leaks through, at any frequency, must be 60 dB down.
        var leak = Signal.Rms(left.AsSpan(Rate / 10, Rate * 8 / 10)) / (0.5 / Math.Sqrt(2));
        output.WriteLine($"30 kHz at 96 kHz in: {Signal.Db(leak):F1} dB out");
        Assert.True(Signal.Db(leak) < -60, $"alias only {Signal.Db(leak):F1} dB down");
    }

    [Fact]
    public void Read_OddSizedBlocks_GivesTheSameOutputAsOneBlock()
    {
        var input = Signal.StereoTone(44100 / 2, 44100, 440, 3000, 0.4f);
        using var whole = new Resampler(new ArrayPcmReader(input, 44100, 2));
        using var pieces = new Resampler(new ArrayPcmReader(input, 44100, 2, maxFramesPerRead: 113));

        var expected = Signal.ReadAll(whole, blockFloats: Rate * 2);
        var actual = Signal.ReadAll(pieces, blockFloats: 2 * 37);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_SteadyState_AllocatesNothing()
    {
        var input = Signal.StereoTone(44100 * 2, 44100, 1000, 1000, 0.5f);
        using var resampler = new Resampler(new ArrayPcmReader(input, 44100, 2, maxFramesPerRead: 441));
        var block = new float[AudioFormat.FrameFloats];
        resampler.Read(block);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            resampler.Read(block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Read_EmptyInput_ReturnsNothing()
    {
        using var resampler = new Resampler(new ArrayPcmReader([], 44100, 2));

        Assert.Empty(Signal.ReadAll(resampler));
    }

    [Fact]
    public void Read_Impulse_IsCentredNotDelayed()
    {
        // An impulse at input sample 441 (10 ms) must peak at output sample 480 (10 ms).
        var input = new float[44100 / 10 * 2];
        input[441 * 2] = 1;
        using var resampler = new Resampler(new ArrayPcmReader(input, 44100, 2));

        var left = Signal.Channel(Signal.ReadAll(resampler), 0);
        var peak = Array.IndexOf(left, left.Max());

        Assert.Equal(480, peak);
    }
}
