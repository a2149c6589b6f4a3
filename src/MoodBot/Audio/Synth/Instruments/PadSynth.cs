using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// The warm bed under everything: the voiced chords on pairs of detuned PolyBLEP saws, one of each
/// pair on each side for width, through a low-pass per side that drifts slowly open and closed.
/// The filter runs on the summed pad (as on a paraphonic synth), which costs one filter instead of eight.
/// </summary>
internal static class PadSynth
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, LoopPlan plan, float level)
    {
        // The pad only follows the chords, which repeat every cycle: render one turn of the
        // progression, wrap its release onto its own start, and repeat it through the loop.
        var random = plan.Random(50);
        var cycle = plan.CycleBars * plan.BarSamples;
        var release = (float)(3.2 - (1.6 * plan.Energy));
        var left = new float[cycle + Adsr.ReleaseSamples(release)];
        var right = new float[left.Length];
        var attack = (float)(1.6 - plan.Energy);
        Span<float> phases = stackalloc float[8];
        Span<float> increments = stackalloc float[8];
        Span<float> weightsLeft = stackalloc float[8];
        Span<float> weightsRight = stackalloc float[8];
        for (var bar = 0; bar < plan.CycleBars; bar++)
        {
            var voicing = plan.BarVoicings[bar];
            var start = bar * plan.BarSamples;
            var gate = plan.BarSamples;
            var length = Math.Min(gate + Adsr.ReleaseSamples(release), left.Length - start);
            // The chord's eight oscillators (each note's two detuned saws) run as the eight lanes of
            // one vector; they share the chord's envelope. Lanes 0-3 lean left, 4-7 right.
            for (var v = 0; v < 4; v++)
            {
                var pitch = voicing[v % voicing.Length];
                var detune = random.Range(0.04f, 0.09f);
                var amplitude = level * (pitch > 70 ? 0.7f : 1f);
                increments[v] = PitchToHz(pitch - detune) / AudioFormat.SampleRate;
                increments[v + 4] = PitchToHz(pitch + detune) / AudioFormat.SampleRate;
                phases[v] = random.NextFloat();
                phases[v + 4] = random.NextFloat();
                weightsLeft[v] = 0.75f * amplitude;
                weightsLeft[v + 4] = 0.25f * amplitude;
                weightsRight[v] = 0.25f * amplitude;
                weightsRight[v + 4] = 0.75f * amplitude;
            }

            SawChord(left.AsSpan(start, length), right.AsSpan(start, length), phases, increments, weightsLeft, weightsRight, new Adsr(attack, 1f, 0.85f, release, gate));
        }

        MixBus.Fold(left, cycle);
        MixBus.Fold(right, cycle);
        left = Tile(left, cycle, bus.LoopSamples);
        right = Tile(right, cycle, bus.LoopSamples);

        // Brighter for energetic music; the sweep makes whole cycles per loop so it closes seamlessly.
        var baseCutoff = 450f + (2600f * (float)plan.Energy);
        var sweeps = Math.Max(1, (int)Math.Round(bus.LoopSamples / (9.0 * AudioFormat.SampleRate)));
        FilterCircular(left, bus.LoopSamples, baseCutoff, sweeps, 0f);
        FilterCircular(right, bus.LoopSamples, baseCutoff, sweeps, 0.25f);

        var send = 0.55f;
        for (var n = 0; n < bus.LoopSamples; n++)
        {
            bus.Left[n] += left[n];
            bus.Right[n] += right[n];
            bus.Send[n] += send * 0.5f * (left[n] + right[n]);
        }
    }

    /// <summary>PolyBLEP saws in eight lanes, branch-free: the corrections are selected by masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SawChord(Span<float> left, Span<float> right, ReadOnlySpan<float> phases, ReadOnlySpan<float> increments, ReadOnlySpan<float> weightsLeft, ReadOnlySpan<float> weightsRight, Adsr envelope)
    {
        var phase = Vector256.Create(phases);
        var dt = Vector256.Create(increments);
        var inverse = Vector256<float>.One / dt;
        var wl = Vector256.Create(weightsLeft);
        var wr = Vector256.Create(weightsRight);
        var one = Vector256<float>.One;
        var two = Vector256.Create(2f);
        for (var n = 0; n < left.Length; n++)
        {
            phase += dt;
            phase = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(phase, one), phase - one, phase);

            // Just after the wrap: t = p/dt, correction 2t - t² - 1; just before it: t = (p-1)/dt, t² + 2t + 1.
            var rising = phase * inverse;
            var falling = (phase - one) * inverse;
            var afterWrap = (two * rising) - (rising * rising) - one;
            var beforeWrap = (falling * falling) + (two * falling) + one;
            var correction = Vector256.ConditionalSelect(
                Vector256.LessThan(phase, dt),
                afterWrap,
                Vector256.ConditionalSelect(Vector256.GreaterThan(phase, one - dt), beforeWrap, Vector256<float>.Zero));
            var saw = (two * phase) - one - correction;
            var e = envelope.Next();
            left[n] += e * Vector256.Dot(saw, wl);
            right[n] += e * Vector256.Dot(saw, wr);
        }
    }

    private static float[] Tile(float[] cycle, int cycleLength, int loop)
    {
        var tiled = new float[loop];
        for (var offset = 0; offset < loop; offset += cycleLength)
        {
            Array.Copy(cycle, 0, tiled, offset, Math.Min(cycleLength, loop - offset));
        }

        return tiled;
    }

    public static float PitchToHz(float pitch) => 440f * MathF.Pow(2f, (pitch - 69f) / 12f);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FilterCircular(float[] signal, int loop, float baseCutoff, int sweeps, float lfoOffset)
    {
        // Run the last half second first so the filter state at the loop start is what it will be on every repeat.
        const int Control = 32;
        var preRoll = Math.Min(loop, AudioFormat.SampleRate / 2) / Control * Control;
        var filter = new Svf(baseCutoff, 0.8f);
        var output = new float[loop];
        for (var i = -preRoll; i < loop; i++)
        {
            var n = i < 0 ? i + loop : i;
            if ((n & (Control - 1)) == 0)
            {
                var lfo = SineTable.Sin(((float)n / loop * sweeps) + lfoOffset);
                filter.SetCutoff(baseCutoff * (1f + (0.45f * lfo)), 0.8f);
            }

            var y = filter.LowPass(signal[n]);
            if (i >= 0)
            {
                output[n] = y;
            }
        }

        output.CopyTo(signal, 0);
    }
}
