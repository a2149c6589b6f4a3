using System.Runtime.CompilerServices;

namespace MoodBot.Audio.Analysis;

/// <summary>Direct-form coefficients of a second-order section, a0 normalised to 1.</summary>
internal readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Filters <paramref name="input"/> (one channel of an interleaved buffer) into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<float> input, int channel, int channels, Span<double> output)
    {
        // Transposed direct form II in double: the meter's answer must not depend on float rounding.
        double z1 = 0, z2 = 0;
        for (int i = channel, n = 0; i < input.Length; i += channels, n++)
        {
            double x = input[i];
            var y = (B0 * x) + z1;
            z1 = (B1 * x) - (A1 * y) + z2;
            z2 = (B2 * x) - (A2 * y);
            output[n] = y;
        }
    }

    /// <summary>Filters <paramref name="signal"/> in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ProcessInPlace(Span<double> signal)
    {
        double z1 = 0, z2 = 0;
        for (var n = 0; n < signal.Length; n++)
        {
            var x = signal[n];
            var y = (B0 * x) + z1;
            z1 = (B1 * x) - (A1 * y) + z2;
            z2 = (B2 * x) - (A2 * y);
            signal[n] = y;
        }
    }
}
