using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>
/// Tempo from audio: the spectral-flux onset envelope, centred (a local mean removed, then half-wave
/// rectified), and its circular autocorrelation searched over 60-200 BPM. A beat is periodic at one
/// beat and at two, and eighth-note parts add a peak at half a beat, so several peaks come close to
/// the best; among the peaks within 75 % of the best, the one nearest 120 BPM is reported, the
/// preferred tapping tempo of listeners (Moelants 2002, "Preferred tempo reconsidered") and the
/// centre of the usual tempo prior (Ellis 2007; librosa's default). It knows nothing of the requested tempo.
/// </summary>
internal static class TempoEstimator
{
    public const double MinBpm = 60;
    public const double MaxBpm = 200;

    public static double EstimateBpm(ReadOnlySpan<float> interleaved)
    {
        var onset = AudioFeatures.OnsetStrength(AudioFeatures.Mono(interleaved));
        var n = onset.Length;

        // Remove the slowly varying level (a 0.4 s moving average) so only the pulses remain.
        var half = (int)(0.2 * AudioFormat.SampleRate / AudioFeatures.Hop);
        var pulses = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = -half; k <= half; k++)
            {
                sum += onset[((i + k) % n + n) % n];
            }

            pulses[i] = Math.Max(0, onset[i] - (sum / ((2 * half) + 1)));
        }

        var framesPerSecond = (double)AudioFormat.SampleRate / AudioFeatures.Hop;
        var minLag = (int)Math.Floor(60 * framesPerSecond / MaxBpm);
        var maxLag = (int)Math.Ceiling(60 * framesPerSecond / MinBpm);
        var correlation = new double[maxLag + 2];
        for (var lag = minLag - 1; lag <= maxLag + 1; lag++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += pulses[i] * pulses[(i + lag) % n];
            }

            correlation[lag] = sum;
        }

        var best = 0.0;
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            best = Math.Max(best, correlation[lag]);
        }

        var chosen = double.NaN;
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            var isPeak = correlation[lag] >= correlation[lag - 1] && correlation[lag] >= correlation[lag + 1];
            if (!isPeak || correlation[lag] < 0.75 * best)
            {
                continue;
            }

            // Parabolic interpolation through the peak and its neighbours for a sub-frame lag.
            var (a, b, c) = (correlation[lag - 1], correlation[lag], correlation[lag + 1]);
            var denominator = a - (2 * b) + c;
            var offset = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
            var bpm = 60 * framesPerSecond / (lag + offset);
            if (double.IsNaN(chosen) || Math.Abs(Math.Log2(bpm / 120)) < Math.Abs(Math.Log2(chosen / 120)))
            {
                chosen = bpm;
            }
        }

        return chosen;
    }
}
