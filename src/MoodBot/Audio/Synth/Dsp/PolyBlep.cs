using System.Runtime.CompilerServices;
namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// Band-limited sawtooth and square by PolyBLEP (Välimäki and Huovilainen 2007): a two-sample
/// polynomial correction at each discontinuity removes most of the aliasing a naive ramp has.
/// </summary>
internal static class PolyBlep
{
    /// <summary>A sawtooth in [-1, 1] at <paramref name="phase"/> in [0, 1) with phase increment <paramref name="dt"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Saw(float phase, float dt) => (2f * phase) - 1f - Correction(phase, dt);

    /// <summary>A square in [-1, 1]: the difference of two saws half a cycle apart.</summary>
    public static float Square(float phase, float dt)
    {
        var shifted = phase + 0.5f;
        if (shifted >= 1f)
        {
            shifted -= 1f;
        }

        return Saw(phase, dt) - Saw(shifted, dt);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Correction(float t, float dt)
    {
        if (t < dt)
        {
            t /= dt;
            return t + t - (t * t) - 1f;
        }

        if (t > 1f - dt)
        {
            t = (t - 1f) / dt;
            return (t * t) + t + t + 1f;
        }

        return 0f;
    }
}
