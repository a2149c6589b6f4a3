namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Chooses each chord's voicing (which octave each tone sits in) to move the voices as little as
/// possible from the previous chord, the way a keyboard player keeps their hand in place.
/// </summary>
internal static class VoiceLeading
{
    /// <summary>Four-note voicings for the chords, kept between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static int[][] Voice(IReadOnlyList<Chord> chords, MusicalScale scale, int low, int high)
    {
        var result = new int[chords.Count][];
        int[]? previous = null;
        var centre = (low + high) / 2;
        for (var c = 0; c < chords.Count; c++)
        {
            var classes = chords[c].PitchClasses(scale);
            int[]? best = null;
            var bestCost = double.MaxValue;
            foreach (var candidate in Candidates(classes, low, high))
            {
                var cost = previous is null ? Math.Abs(Mean(candidate) - centre) : Movement(previous, candidate) + (0.15 * Math.Abs(Mean(candidate) - centre));
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = candidate;
                }
            }

            result[c] = best ?? [low, low + 4, low + 7, low + 12];
            previous = result[c];
        }

        return result;
    }

    private static IEnumerable<int[]> Candidates(int[] classes, int low, int high)
    {
        // Every set of four different chord-tone pitches in range that sounds every tone of the chord
        // (a triad doubles one of its tones) and spans no more than an octave and a sixth.
        var pitches = new List<int>();
        for (var p = low; p <= high; p++)
        {
            if (Array.IndexOf(classes, p % 12) >= 0)
            {
                pitches.Add(p);
            }
        }

        for (var a = 0; a < pitches.Count; a++)
        {
            for (var b = a + 1; b < pitches.Count; b++)
            {
                for (var c = b + 1; c < pitches.Count; c++)
                {
                    for (var d = c + 1; d < pitches.Count && pitches[d] - pitches[a] <= 21; d++)
                    {
                        int[] voicing = [pitches[a], pitches[b], pitches[c], pitches[d]];
                        if (Array.TrueForAll(classes, pc => Array.Exists(voicing, p => p % 12 == pc)))
                        {
                            yield return voicing;
                        }
                    }
                }
            }
        }
    }

    private static double Movement(int[] from, int[] to)
    {
        var total = 0.0;
        for (var v = 0; v < from.Length; v++)
        {
            total += Math.Abs(from[v] - to[v]);
        }

        return total;
    }

    private static double Mean(int[] pitches)
    {
        var sum = 0.0;
        foreach (var p in pitches)
        {
            sum += p;
        }

        return sum / pitches.Length;
    }
}
