using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Audio.Synth;

/// <summary>What to render: a reading's soundscape and the seed that picks among the many loops it allows (<c>synth://mood?seed=N</c>).</summary>
internal sealed record SynthRequest(Soundscape Soundscape, int Seed)
{
    /// <summary>
    /// A request from a mood's defaults alone: the seed picks the tempo within the mood's range,
    /// energy is arousal mapped from [-1, 1] to [0, 1], and the first three textures play.
    /// </summary>
    public static SynthRequest ForMood(MoodDefinition mood, int seed)
    {
        var defaults = mood.Soundscape;
        var span = defaults.TempoBpm[1] - defaults.TempoBpm[0];

        // Unsigned so a negative seed still lands in the range.
        var tempo = defaults.TempoBpm[0] + (int)((uint)Mix(seed) % (uint)(span + 1));
        var energy = Math.Round(Math.Clamp((mood.Arousal + 1) / 2, 0, 1), 2);
        var soundscape = new Soundscape(tempo, defaults.Key, defaults.Mode, energy, defaults.Textures[..Math.Min(3, defaults.Textures.Length)], defaults.Genres);
        return new SynthRequest(soundscape, seed);
    }

    // A seed of 1 and 2 should not give neighbouring tempos; a hash spreads them.
    private static int Mix(int seed)
    {
        var x = (uint)seed * 0x9E3779B1u;
        x ^= x >> 15;
        x *= 0x85EBCA77u;
        x ^= x >> 13;
        return (int)x;
    }
}
