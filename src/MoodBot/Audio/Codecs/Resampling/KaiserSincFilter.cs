namespace MoodBot.Audio.Codecs.Resampling;

/// <summary>
/// Designs the polyphase bank for a rational rate change L/M: a windowed-sinc low-pass at the
/// upsampled rate, cutoff just under the lower of the two Nyquist frequencies, Kaiser window for
/// the stopband below. Phase p holds taps h[p + kL], stored reversed so filtering is a plain dot
/// product with the newest input last.
/// </summary>
internal static class KaiserSincFilter
{
    /// <summary>Designed stopband attenuation, dB; measured aliasing stays under -80 dB.</summary>
    public const double StopbandDb = 90;

    /// <summary>Passband edge as a fraction of the lower Nyquist: 0.9 keeps 19.8 kHz flat at 44.1 kHz.</summary>
    public const double PassbandFraction = 0.9;

    public static float[] Design(int inputRate, int upFactor, int downFactor, out int tapsPerPhase)
    {
        var lowerNyquist = Math.Min(inputRate, (double)inputRate * upFactor / downFactor) / 2;
        var transition = (1 - PassbandFraction) * lowerNyquist / inputRate;
        var taps = (int)Math.Ceiling((StopbandDb - 7.95) / (2.285 * 2 * Math.PI * transition));
        tapsPerPhase = Math.Max(8, taps + (taps & 1));

        var length = tapsPerPhase * upFactor;
        var centre = (double)length / 2;
        var cutoff = (1 + PassbandFraction) / 2 * lowerNyquist / ((double)inputRate * upFactor);
        var beta = 0.1102 * (StopbandDb - 8.7);
        var i0Beta = BesselI0(beta);
        var bank = new float[length];
        var phase = new double[tapsPerPhase];
        for (var p = 0; p < upFactor; p++)
        {
            var sum = 0.0;
            for (var k = 0; k < tapsPerPhase; k++)
            {
                var x = p + (k * upFactor) - centre;
                var ratio = x / centre;
                var window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / i0Beta;
                var arg = 2 * cutoff * x;
                var sinc = arg == 0 ? 1 : Math.Sin(Math.PI * arg) / (Math.PI * arg);
                phase[k] = sinc * window;
                sum += phase[k];
            }

            // Unit DC gain per phase: no phase is louder than another, so no ripple at the output rate.
            for (var k = 0; k < tapsPerPhase; k++)
            {
                bank[(p * tapsPerPhase) + (tapsPerPhase - 1 - k)] = (float)(phase[k] / sum);
            }
        }

        return bank;
    }

    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var half = x / 2;
        for (var k = 1; k < 64 && term > 1e-12 * sum; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }

        return sum;
    }
}
