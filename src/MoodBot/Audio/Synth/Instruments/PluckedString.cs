using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// An acoustic guitar string by Karplus-Strong (1983, with Jaffe and Smith's 1983 extensions): a
/// burst of filtered noise circulating in a delay line one period long, averaged each trip so highs
/// fade first, exactly as on a real string. Harder plucks start brighter; the note's end mutes the string.
/// </summary>
internal static class PluckedString
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level, float brightness, int seed)
    {
        var maxRing = 3 * AudioFormat.SampleRate;
        var scratch = new float[maxRing];
        var line = new float[4096];
        var random = new SynthRandom(seed, 60);
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, Math.Min(maxRing, note.Length + (AudioFormat.SampleRate / 5)));
            var period = AudioFormat.SampleRate / note.Frequency;

            // The two-point average delays by half a sample; the line is shortened to stay in tune.
            var delay = Math.Clamp(period - 0.5f, 2f, line.Length - 2);
            var size = (int)delay + 2;
            var frac = delay - (int)delay;
            var ring = Math.Clamp(2.6f * MathF.Pow(2f, -(note.Pitch - 52f) / 24f), 0.6f, 4f);
            var loss = MathF.Pow(10f, -3f * period / (ring * AudioFormat.SampleRate));
            var muted = MathF.Pow(10f, -3f * period / (0.08f * AudioFormat.SampleRate));
            // A harder pluck (and livelier music) starts brighter: less smoothing of the noise burst.
            var pluck = Math.Clamp((0.2f + (0.5f * note.Velocity)) * brightness, 0.08f, 0.95f);
            var smooth = 0f;
            for (var i = 0; i < size; i++)
            {
                smooth += pluck * (random.NextBipolar() - smooth);
                line[i] = smooth;
            }

            var write = 0;
            var previous = 0f;
            var signal = scratch.AsSpan(0, length);
            for (var n = 0; n < length; n++)
            {
                // Read the sample `delay` behind the write position, interpolating the fraction.
                var readPosition = write - (int)delay;
                var a = line[readPosition < 0 ? readPosition + size : readPosition];
                var bIndex = readPosition - 1;
                var b = line[bIndex < 0 ? bIndex + size : bIndex];
                var y = a + ((b - a) * frac);
                var fed = (n < note.Length ? loss : muted) * 0.5f * (y + previous);
                previous = y;
                line[write] = fed;
                write = write + 1 == size ? 0 : write + 1;
                signal[n] = y * level * note.Velocity;
            }

            bus.AddMono(start, signal, note.Pan, 0.4f);
        }
    }
}
