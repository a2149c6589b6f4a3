using System.Runtime.CompilerServices;
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
        for (var bar = 0; bar < plan.CycleBars; bar++)
        {
            var voicing = plan.BarVoicings[bar];
            var start = bar * plan.BarSamples;
            var gate = plan.BarSamples;
            var length = Math.Min(gate + Adsr.ReleaseSamples(release), left.Length - start);
            foreach (var pitch in voicing)
            {
                var detune = random.Range(0.04f, 0.09f);
                var frequencyA = PitchToHz(pitch - detune);
                var frequencyB = PitchToHz(pitch + detune);
                var dtA = frequencyA / AudioFormat.SampleRate;
                var dtB = frequencyB / AudioFormat.SampleRate;
                var phaseA = random.NextFloat();
                var phaseB = random.NextFloat();
                var envelope = new Adsr(attack, 1f, 0.85f, release, gate);
                var amplitude = level * (pitch > 70 ? 0.7f : 1f);
                var outLeft = left.AsSpan(start, length);
                var outRight = right.AsSpan(start, length);
                for (var n = 0; n < outLeft.Length; n++)
                {
                    var e = envelope.Next() * amplitude;
                    phaseA += dtA;
                    if (phaseA >= 1f)
                    {
                        phaseA -= 1f;
                    }

                    phaseB += dtB;
                    if (phaseB >= 1f)
                    {
                        phaseB -= 1f;
                    }

                    var a = PolyBlep.Saw(phaseA, dtA);
                    var b = PolyBlep.Saw(phaseB, dtB);
                    outLeft[n] += e * ((0.75f * a) + (0.25f * b));
                    outRight[n] += e * ((0.25f * a) + (0.75f * b));
                }
            }
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
