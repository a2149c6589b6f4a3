using System.Runtime.CompilerServices;
namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// The trapezoidal state-variable filter (Simper, Cytomic 2013): stable under fast cutoff
/// modulation, which is what the pad and filter-envelope voices do. Mutable struct; call
/// <see cref="SetCutoff"/> at control rate, not every sample (it costs a tan).
/// </summary>
internal struct Svf
{
    private float _a1, _a2, _a3, _k;
    private float _ic1, _ic2;

    public Svf(float cutoffHz, float q)
    {
        _ic1 = 0;
        _ic2 = 0;
        _a1 = _a2 = _a3 = _k = 0;
        SetCutoff(cutoffHz, q);
    }

    public void SetCutoff(float cutoffHz, float q)
    {
        var clamped = Math.Clamp(cutoffHz, 10f, AudioFormat.SampleRate * 0.45f);
        var g = MathF.Tan(MathF.PI * clamped / AudioFormat.SampleRate);
        _k = 1f / q;
        _a1 = 1f / (1f + (g * (g + _k)));
        _a2 = g * _a1;
        _a3 = g * _a2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float LowPass(float input)
    {
        Step(input, out _, out var low);
        return low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float BandPass(float input)
    {
        Step(input, out var band, out _);
        return band;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float HighPass(float input)
    {
        Step(input, out var band, out var low);
        return input - (_k * band) - low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(float input, out float band, out float low)
    {
        var v3 = input - _ic2;
        band = (_a1 * _ic1) + (_a2 * v3);
        low = _ic2 + (_a2 * _ic1) + (_a3 * v3);
        _ic1 = (2f * band) - _ic1;
        _ic2 = (2f * low) - _ic2;
    }
}
