using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Composition;

/// <summary>Four-chord progressions that pop, folk and film music lean on, by mode; the seed picks one.</summary>
internal static class ChordProgressions
{
    // Degrees from 0 (I / i).
    private static readonly int[][] Major =
    [
        [0, 4, 5, 3], // I V vi IV
        [0, 5, 3, 4], // I vi IV V
        [5, 3, 0, 4], // vi IV I V
        [0, 3, 5, 4], // I IV vi V
        [3, 0, 4, 5], // IV I V vi
        [0, 2, 3, 4], // I iii IV V
    ];

    private static readonly int[][] Minor =
    [
        [0, 5, 2, 6], // i VI III VII
        [0, 3, 5, 4], // i iv VI V
        [0, 6, 5, 6], // i VII VI VII
        [0, 3, 6, 2], // i iv VII III
        [0, 5, 3, 4], // i VI iv V
    ];

    /// <summary>A progression for the mode; calmer music gets sevenths (softer, jazzier colour).</summary>
    public static Chord[] Pick(MusicalScale scale, double energy, ref SynthRandom random)
    {
        var table = scale.Minor ? Minor : Major;
        var degrees = table[random.Next(table.Length)];
        var chords = new Chord[degrees.Length];
        for (var i = 0; i < degrees.Length; i++)
        {
            var degree = degrees[i];

            // The dominant of a minor key is major when it resolves home (harmonic minor); mostly it does.
            var raised = scale.Minor && degree == 4 && random.Chance(0.7);
            var seventh = energy < 0.55 ? random.Chance(0.7) : random.Chance(0.2);
            chords[i] = new Chord(degree, seventh && !raised, raised);
        }

        return chords;
    }
}
