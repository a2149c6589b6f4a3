using System.Runtime.CompilerServices;

namespace MoodBot.Audio.Analysis;

/// <summary>
/// Programme loudness and true peak after ITU-R BS.1770-4 (the measure EBU R128 and the streaming
/// services normalise to). Channels are weighted 1.0, which is what the Recommendation gives
/// left, right and centre; surround channels are not used in MoodBot.
/// </summary>
internal static class LoudnessMeter
{
    public const double AbsoluteGateLufs = -70.0;

    public const double RelativeGateLu = -10.0;

    /// <summary>Measures integrated loudness, true peak and sample peak of interleaved PCM.</summary>
    public static LoudnessMeasurement Measure(ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        var samplePeak = 0f;
        foreach (var x in interleaved)
        {
            samplePeak = Math.Max(samplePeak, Math.Abs(x));
        }

        return new LoudnessMeasurement(
            IntegratedLoudness(interleaved, sampleRate, channels),
            TruePeak.Dbtp(interleaved, channels),
            20.0 * Math.Log10(Math.Max(samplePeak, 1e-10f)));
    }

    /// <summary>
    /// Integrated loudness in LUFS (§2.1-2.8): K-weighted mean square in 400 ms blocks overlapping by
    /// 75 %, blocks below -70 LUFS dropped, then blocks more than 10 LU below the loudness of those
    /// left dropped too. Returns negative infinity when no block passes (silence, or under 400 ms).
    /// </summary>
    public static double IntegratedLoudness(ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        var power = KWeightedPower(interleaved, sampleRate, channels);
        var step = sampleRate / 10;
        var stepEnergy = new double[power.Length / step];
        for (var s = 0; s < stepEnergy.Length; s++)
        {
            var sum = 0.0;
            foreach (var p in power.AsSpan(s * step, step))
            {
                sum += p;
            }

            stepEnergy[s] = sum;
        }

        return GatedLoudness(stepEnergy, step);
    }

    /// <summary>
    /// The K-weighted square of every frame, summed over channels (all weights 1). Loudness after a
    /// gain that changes slowly compared with the filters' memory (a limiter's) is then
    /// <see cref="GatedLoudness"/> of the gain-weighted sums, without filtering again.
    /// </summary>
    public static double[] KWeightedPower(ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        var frames = interleaved.Length / channels;
        var power = new double[frames];
        var weighting = KWeighting.ForSampleRate(sampleRate);
        if (channels == 2)
        {
            StereoPower(interleaved, weighting, power);
            return power;
        }

        var filtered = new double[frames];
        for (var c = 0; c < channels; c++)
        {
            weighting.Shelf.Process(interleaved, c, channels, filtered);
            weighting.HighPass.ProcessInPlace(filtered);
            for (var n = 0; n < frames; n++)
            {
                power[n] += filtered[n] * filtered[n];
            }
        }

        return power;
    }

    /// <summary>The stereo case of <see cref="KWeightedPower(ReadOnlySpan{float}, int, int)"/> into a caller's buffer (one per frame).</summary>
    public static void StereoKWeightedPower(ReadOnlySpan<float> interleaved, int sampleRate, Span<double> power) =>
        StereoPower(interleaved, KWeighting.ForSampleRate(sampleRate), power[..(interleaved.Length / 2)]);

    /// <summary>Both channels and both stages in one pass: four independent recursions keep the core busy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StereoPower(ReadOnlySpan<float> interleaved, KWeighting weighting, Span<double> power)
    {
        var (s, h) = (weighting.Shelf, weighting.HighPass);
        double s1L = 0, s2L = 0, h1L = 0, h2L = 0, s1R = 0, s2R = 0, h1R = 0, h2R = 0;
        for (var n = 0; n < power.Length; n++)
        {
            double xL = interleaved[2 * n];
            double xR = interleaved[(2 * n) + 1];
            var yL = (s.B0 * xL) + s1L;
            s1L = (s.B1 * xL) - (s.A1 * yL) + s2L;
            s2L = (s.B2 * xL) - (s.A2 * yL);
            var yR = (s.B0 * xR) + s1R;
            s1R = (s.B1 * xR) - (s.A1 * yR) + s2R;
            s2R = (s.B2 * xR) - (s.A2 * yR);
            var zL = (h.B0 * yL) + h1L;
            h1L = (h.B1 * yL) - (h.A1 * zL) + h2L;
            h2L = (h.B2 * yL) - (h.A2 * zL);
            var zR = (h.B0 * yR) + h1R;
            h1R = (h.B1 * yR) - (h.A1 * zR) + h2R;
            h2R = (h.B2 * yR) - (h.A2 * zR);
            power[n] = (zL * zL) + (zR * zR);
        }
    }

    /// <summary>
    /// Gated loudness from the K-weighted energy of consecutive 100 ms steps (<paramref name="step"/>
    /// frames each): a 400 ms block is four steps, so blocks overlap by 75 %.
    /// </summary>
    public static double GatedLoudness(ReadOnlySpan<double> stepEnergy, int step)
    {
        var blocks = stepEnergy.Length - 3;
        if (blocks < 1)
        {
            return double.NegativeInfinity;
        }

        var blockPower = new double[blocks];
        for (var b = 0; b < blocks; b++)
        {
            blockPower[b] = (stepEnergy[b] + stepEnergy[b + 1] + stepEnergy[b + 2] + stepEnergy[b + 3]) / (4.0 * step);
        }

        var absoluteGated = GatedMean(blockPower, PowerOf(AbsoluteGateLufs));
        if (absoluteGated <= 0)
        {
            return double.NegativeInfinity;
        }

        var relativeGate = PowerOf(LufsOf(absoluteGated) + RelativeGateLu);
        return LufsOf(GatedMean(blockPower, Math.Max(relativeGate, PowerOf(AbsoluteGateLufs))));
    }

    /// <summary>Loudness of a block's summed mean square (§2.4): -0.691 + 10 log10(Σ G·z).</summary>
    public static double LufsOf(double power) => -0.691 + (10.0 * Math.Log10(power));

    private static double PowerOf(double lufs) => Math.Pow(10.0, (lufs + 0.691) / 10.0);

    private static double GatedMean(double[] blockPower, double threshold)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var p in blockPower)
        {
            // The Recommendation keeps blocks strictly above the gate.
            if (p > threshold)
            {
                sum += p;
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }
}
