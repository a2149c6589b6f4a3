using System.Buffers;
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
        var rendered = cycle + Adsr.ReleaseSamples(release);
        var leftBuffer = MixBus.Rent(rendered);
        var rightBuffer = MixBus.Rent(rendered);
        var left = leftBuffer.AsSpan(0, rendered);
        var right = rightBuffer.AsSpan(0, rendered);
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

            SawChord(left.Slice(start, length), right.Slice(start, length), phases, increments, weightsLeft, weightsRight, new Adsr(attack, 1f, 0.85f, release, gate));
        }

        MixBus.Fold(left, cycle);
        MixBus.Fold(right, cycle);

        // Brighter for energetic music; the sweep makes whole cycles per loop so it closes seamlessly.
        var baseCutoff = 450f + (2600f * (float)plan.Energy);
        var sweeps = Math.Max(1, (int)Math.Round(bus.LoopSamples / (9.0 * AudioFormat.SampleRate)));
        FilterInto(bus, left[..cycle], right[..cycle], baseCutoff, sweeps, 0.55f);
        ArrayPool<float>.Shared.Return(leftBuffer);
        ArrayPool<float>.Shared.Return(rightBuffer);
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

    public static float PitchToHz(float pitch) => 440f * MathF.Pow(2f, (pitch - 69f) / 12f);

    /// <summary>
    /// Filters the cycle repeated through the loop, both sides in one pass (two independent
    /// recursions keep the core busy), and adds it to the bus. The last half second runs first so
    /// the filter state at the loop start is what it will be on every repeat.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FilterInto(MixBus bus, ReadOnlySpan<float> left, ReadOnlySpan<float> right, float baseCutoff, int sweeps, float send)
    {
        const int Control = 32;
        var loop = bus.LoopSamples;
        var cycle = left.Length;
        right = right[..cycle];
        var busLeft = bus.Left[..loop];
        var busRight = bus.Right[..loop];
        var busSend = bus.Send[..loop];
        var preRoll = Math.Min(loop, AudioFormat.SampleRate / 2) / Control * Control;
        var filterLeft = new Svf(baseCutoff, 0.8f);
        var filterRight = new Svf(baseCutoff, 0.8f);
        for (var pass = 0; pass < 2; pass++)
        {
            var from = pass == 0 ? loop - preRoll : 0;
            var m = from % cycle;
            for (var n = from; n < loop; n++)
            {
                if ((n & (Control - 1)) == 0)
                {
                    var phase = (float)n / loop * sweeps;
                    filterLeft.SetCutoff(baseCutoff * (1f + (0.45f * SineTable.Sin(phase))), 0.8f);
                    filterRight.SetCutoff(baseCutoff * (1f + (0.45f * SineTable.Sin(phase + 0.25f))), 0.8f);
                }

                var l = filterLeft.LowPass(left[m]);
                var r = filterRight.LowPass(right[m]);
                m = m + 1 == cycle ? 0 : m + 1;
                if (pass == 1)
                {
                    busLeft[n] += l;
                    busRight[n] += r;
                    busSend[n] += send * 0.5f * (l + r);
                }
            }
        }
    }
}
