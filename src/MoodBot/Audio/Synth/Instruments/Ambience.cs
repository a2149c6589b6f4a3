using System.Buffers;
using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// The non-musical textures: rain, vinyl crackle, tape hiss, waves, wind and a low drone. Each is
/// rendered a little past the loop end and cross-faded over the start (<see cref="MixBus.CrossfadeWrap"/>),
/// and every slow movement in them makes whole cycles per loop, so none of them has a seam.
/// </summary>
internal static class Ambience
{
    public static void Render(MixBus bus, Instrument texture, LoopPlan plan, float level)
    {
        var fade = AudioFormat.SampleRate / 2;
        var loop = bus.LoopSamples;
        var leftBuffer = MixBus.Rent(loop + fade);
        var rightBuffer = MixBus.Rent(loop + fade);
        var left = leftBuffer.AsSpan(0, loop + fade);
        var right = rightBuffer.AsSpan(0, loop + fade);
        var random = plan.Random(90 + (int)texture);
        var send = 0.2f;
        switch (texture)
        {
            case Instrument.Rain:
                Rain(left, right, ref random, level);
                send = 0.35f;
                break;
            case Instrument.Vinyl:
                Vinyl(left, right, ref random, level);
                send = 0.05f;
                break;
            case Instrument.Hiss:
                Hiss(left, ref random, level);
                Hiss(right, ref random, level);
                send = 0f;
                break;
            case Instrument.Waves:
                Waves(left, right, loop, ref random, level);
                send = 0.3f;
                break;
            case Instrument.Wind:
                Wind(left, loop, ref random, level, 0f);
                Wind(right, loop, ref random, level, 0.3f);
                send = 0.3f;
                break;
            default:
                Drone(left, right, loop, plan, level);
                send = 0.4f;
                break;
        }

        // The drone already meets itself at the seam; cross-fading two equal signals would swell.
        if (texture is not Instrument.Drone)
        {
            MixBus.CrossfadeWrap(left, loop, fade);
            MixBus.CrossfadeWrap(right, loop, fade);
        }

        bus.AddStereo(0, left[..loop], right[..loop], send);
        ArrayPool<float>.Shared.Return(leftBuffer);
        ArrayPool<float>.Shared.Return(rightBuffer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rain(Span<float> left, Span<float> right, ref SynthRandom random, float level)
    {
        // A soft band of filtered noise for the downpour, plus single drops: short falling chirps.
        var filterLeft = new Svf(2200f, 0.5f);
        var filterRight = new Svf(2400f, 0.5f);
        for (var n = 0; n < left.Length; n++)
        {
            left[n] += 0.35f * level * filterLeft.BandPass(random.NextBipolar());
            right[n] += 0.35f * level * filterRight.BandPass(random.NextBipolar());
        }

        var drops = left.Length * 40 / AudioFormat.SampleRate;
        for (var d = 0; d < drops; d++)
        {
            var at = random.Next(left.Length);
            var length = Math.Min(left.Length - at, (int)(random.Range(0.004f, 0.012f) * AudioFormat.SampleRate));
            var frequency = random.Range(1800f, 4500f);
            var amp = level * random.Range(0.05f, 0.35f);
            var pan = random.NextFloat();
            var phase = 0f;
            for (var n = 0; n < length; n++)
            {
                var t = (float)n / length;
                phase += frequency * (1f - (0.4f * t)) / AudioFormat.SampleRate;
                var y = amp * SineTable.Sin(phase) * (1f - t) * (1f - t);
                left[at + n] += y * (1f - pan);
                right[at + n] += y * pan;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vinyl(Span<float> left, Span<float> right, ref SynthRandom random, float level)
    {
        // Surface noise is a faint, dark rumble; the crackle is sparse clicks of random size.
        var rumble = new Svf(900f, 0.6f);
        for (var n = 0; n < left.Length; n++)
        {
            var y = 0.12f * level * rumble.LowPass(random.NextBipolar());
            left[n] += y;
            right[n] += y;
        }

        var clicks = left.Length * 14 / AudioFormat.SampleRate;
        for (var c = 0; c < clicks; c++)
        {
            var at = random.Next(left.Length - 64);
            var amp = level * MathF.Pow(random.NextFloat(), 3f) * 0.9f;
            var sign = random.Chance(0.5) ? 1f : -1f;
            var pan = random.Range(0.3f, 0.7f);
            for (var n = 0; n < 24; n++)
            {
                var y = sign * amp * MathF.Exp(-n / 4f) * (n % 2 == 0 ? 1f : -0.6f);
                left[at + n] += y * (1f - pan);
                right[at + n] += y * pan;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Hiss(Span<float> channel, ref SynthRandom random, float level)
    {
        // Tape hiss is nearly white but rolled off at the top by the tape head.
        var filter = new Svf(9000f, 0.6f);
        for (var n = 0; n < channel.Length; n++)
        {
            channel[n] += 0.18f * level * filter.LowPass(random.NextBipolar());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Waves(Span<float> left, Span<float> right, int loop, ref SynthRandom random, float level)
    {
        // Each wave swells and recedes over ~7 s: loudness and brightness rise together, as surf does.
        const int Control = 32;
        var waves = Math.Max(1, (int)Math.Round(loop / (7.0 * AudioFormat.SampleRate)));
        var filterLeft = new Svf(400f, 0.6f);
        var filterRight = new Svf(400f, 0.6f);
        var swell = 0f;
        for (var n = 0; n < left.Length; n++)
        {
            if (n % Control == 0)
            {
                var cycle = (float)(n % loop) / loop * waves;
                var shape = 0.5f - (0.5f * SineTable.Sin(cycle + 0.25f));
                swell = shape * shape;
                filterLeft.SetCutoff(180f + (800f * swell), 0.6f);
                filterRight.SetCutoff(170f + (850f * swell), 0.6f);
            }

            var gain = level * (0.15f + (0.85f * swell));
            left[n] += gain * filterLeft.LowPass(random.NextBipolar());
            right[n] += gain * filterRight.LowPass(random.NextBipolar());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Wind(Span<float> channel, int loop, ref SynthRandom random, float level, float offset)
    {
        const int Control = 32;
        var gusts = Math.Max(1, (int)Math.Round(loop / (5.0 * AudioFormat.SampleRate)));
        var filter = new Svf(600f, 3f);
        var gust = 0f;
        for (var n = 0; n < channel.Length; n++)
        {
            if (n % Control == 0)
            {
                var cycle = ((float)(n % loop) / loop * gusts) + offset;
                gust = 0.5f + (0.5f * SineTable.Sin(cycle));
                filter.SetCutoff(350f + (900f * gust), 3f);
            }

            channel[n] += level * (0.3f + (0.7f * gust)) * filter.BandPass(random.NextBipolar());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Drone(Span<float> left, Span<float> right, int loop, LoopPlan plan, float level)
    {
        // Tonic and fifth low down, tuned to whole cycles per loop so the phase meets itself at the seam.
        var tonic = plan.Scale.Pitch(0, 36);
        float[] pitches = [tonic, tonic + 7, tonic + 12];
        float[] gains = [1f, 0.5f, 0.35f];
        var breaths = Math.Max(1, (int)Math.Round(loop / (6.0 * AudioFormat.SampleRate)));
        for (var v = 0; v < pitches.Length; v++)
        {
            var hz = 440.0 * Math.Pow(2, (pitches[v] - 69) / 12.0);
            var cycles = Math.Round(hz * loop / AudioFormat.SampleRate);
            var omega = 2.0 * Math.PI * cycles / loop;
            double c = Math.Cos(omega), s = Math.Sin(omega);
            double x = 0, y = 1;
            var swell = 0f;
            for (var n = 0; n < loop; n++)
            {
                var nx = (c * x) - (s * y);
                y = (s * x) + (c * y);
                x = nx;
                if (n % 64 == 0)
                {
                    swell = 0.75f + (0.25f * SineTable.Sin(((float)n / loop * breaths) + (0.3f * v)));
                }

                var value = (float)x * gains[v] * level * swell;
                left[n] += value * (v == 1 ? 0.8f : 1f);
                right[n] += value * (v == 2 ? 0.8f : 1f);
            }
        }
    }
}
