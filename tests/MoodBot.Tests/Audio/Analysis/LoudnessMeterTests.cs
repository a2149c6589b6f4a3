using MoodBot.Audio;
using MoodBot.Audio.Analysis;

namespace MoodBot.Tests.Audio.Analysis;

/// <summary>
/// Known answers from ITU-R BS.1770-4 and the EBU Tech 3341 (v4) minimum-requirements test set,
/// with the test signals synthesised here rather than read from the EBU's files.
/// </summary>
public sealed class LoudnessMeterTests
{
    private const int Rate = AudioFormat.SampleRate;

    [Fact]
    public void KWeighting_At48kHz_MatchesTheRecommendationsTable()
    {
        // BS.1770-4 Annex 1, Tables 1 and 2 (the coefficients printed for 48 kHz).
        var k = KWeighting.ForSampleRate(48_000);

        Assert.Equal(1.53512485958697, k.Shelf.B0, 1e-7);
        Assert.Equal(-2.69169618940638, k.Shelf.B1, 1e-7);
        Assert.Equal(1.19839281085285, k.Shelf.B2, 1e-7);
        Assert.Equal(-1.69065929318241, k.Shelf.A1, 1e-7);
        Assert.Equal(0.73248077421585, k.Shelf.A2, 1e-7);
        Assert.Equal(-1.99004745483398, k.HighPass.A1, 1e-7);
        Assert.Equal(0.99007225036621, k.HighPass.A2, 1e-7);
    }

    /// <summary>
    /// EBU Tech 3341 cases 1 and 2: a 1 kHz sine of peak level L dBFS in both channels reads L LUFS.
    /// Derivation (BS.1770-4 §2.4): each channel's mean square is A²/2, so the channel sum is A²;
    /// the K-weighting gain at 1 kHz is +0.691 dB, which the -0.691 constant cancels by design, so
    /// the loudness is 10·log10(A²) = 20·log10(A). (Not 20·log10(A) + 3.01: the +3.01 dB of
    /// summing two channels exactly undoes the -3.01 dB of a sine's mean square.)
    /// </summary>
    [Theory]
    [InlineData(-23.0)]
    [InlineData(-33.0)]
    [InlineData(-20.0)]
    public void IntegratedLoudness_StereoSineAt1kHz_ReadsItsPeakLevel(double level)
    {
        var signal = Sine(1000, Amplitude(level), seconds: 20);

        var lufs = LoudnessMeter.IntegratedLoudness(signal, Rate, 2);

        Assert.InRange(lufs, level - 0.1, level + 0.1);
    }

    [Fact]
    public void IntegratedLoudness_QuieterPassagesAround_AreGatedOutRelatively()
    {
        // Tech 3341 case 3: -36 / -23 / -36 dBFS for 10 / 60 / 10 s reads -23.0 ± 0.1 LUFS.
        var signal = Concat(Sine(1000, Amplitude(-36), 10), Sine(1000, Amplitude(-23), 60), Sine(1000, Amplitude(-36), 10));

        Assert.InRange(LoudnessMeter.IntegratedLoudness(signal, Rate, 2), -23.1, -22.9);
    }

    [Fact]
    public void IntegratedLoudness_SilenceAndNearSilence_DoNotPullTheValueDown()
    {
        // Tech 3341 case 4: -72 / -36 / -23 / -36 / -72 dBFS, 10 / 10 / 60 / 10 / 10 s, reads -23.0 ± 0.1;
        // plus digital silence, which the absolute gate at -70 LUFS must drop as well.
        var signal = Concat(
            new float[10 * Rate * 2],
            Sine(1000, Amplitude(-72), 10), Sine(1000, Amplitude(-36), 10), Sine(1000, Amplitude(-23), 60),
            Sine(1000, Amplitude(-36), 10), Sine(1000, Amplitude(-72), 10),
            new float[10 * Rate * 2]);

        Assert.InRange(LoudnessMeter.IntegratedLoudness(signal, Rate, 2), -23.1, -22.9);
    }

    [Fact]
    public void IntegratedLoudness_Silence_IsNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, LoudnessMeter.IntegratedLoudness(new float[5 * Rate * 2], Rate, 2));
    }

    [Fact]
    public void TruePeak_SineAtQuarterRateWith45DegreePhase_ReadsAboveTheSamplePeak()
    {
        // Tech 3341 case 16 in spirit: at fs/4 with a 45° phase every sample falls at ±0.707 of the
        // crest, so the sample peak under-reads by 3.01 dB; a true-peak meter must see the crest.
        // Tolerance from Tech 3341: +0.2 / -0.4 dB.
        const double Level = -6.0;
        var signal = new float[Rate * 2 * 2];
        var amplitude = Amplitude(Level);
        for (var n = 0; n < signal.Length / 2; n++)
        {
            var x = (float)(amplitude * Math.Sin((Math.PI / 2 * n) + (Math.PI / 4)));
            signal[2 * n] = x;
            signal[(2 * n) + 1] = x;
        }

        var measured = LoudnessMeter.Measure(signal, Rate, 2);

        Assert.InRange(measured.SamplePeakDbfs, Level - 3.1, Level - 2.9);
        Assert.InRange(measured.TruePeakDbtp, Level - 0.4, Level + 0.2);
    }

    [Fact]
    public void TruePeak_LowFrequencySine_MatchesItsAmplitude()
    {
        var signal = Sine(997, Amplitude(-3), seconds: 1);

        Assert.InRange(TruePeak.Dbtp(signal, 2), -3.1, -2.9);
    }

    private static float Amplitude(double dbfs) => (float)Math.Pow(10, dbfs / 20);

    private static float[] Sine(double frequency, float amplitude, double seconds)
    {
        var frames = (int)(seconds * Rate);
        var signal = new float[frames * 2];
        for (var n = 0; n < frames; n++)
        {
            var x = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / Rate));
            signal[2 * n] = x;
            signal[(2 * n) + 1] = x;
        }

        return signal;
    }

    private static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();
}
