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

            // Triads double the root so every chord has four voices.
            int[] tones = classes.Length == 4 ? classes : [classes[0], classes[1], classes[2], classes[0]];
            int[]? best = null;
            var bestCost = double.MaxValue;
            foreach (var candidate in Candidates(tones, low, high))
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

    private static IEnumerable<int[]> Candidates(int[] tones, int low, int high)
    {
        // Every rotation in close position, and its drop-2 spread, starting in every octave.
        for (var rotation = 0; rotation < tones.Length; rotation++)
        {
            for (var bottom = low; bottom < low + 12; bottom++)
            {
                if (bottom % 12 != tones[rotation])
                {
                    continue;
                }

                var close = new int[tones.Length];
                close[0] = bottom;
                for (var v = 1; v < tones.Length; v++)
                {
                    var pc = tones[(rotation + v) % tones.Length];
                    var pitch = close[v - 1] + 1;
                    while (pitch % 12 != pc)
                    {
                        pitch++;
                    }

                    close[v] = pitch;
                }

                for (var shift = 0; close[^1] + shift <= high; shift += 12)
                {
                    var shifted = Array.ConvertAll(close, p => p + shift);
                    yield return shifted;
                    var drop2 = (int[])shifted.Clone();
                    drop2[^2] -= 12;
                    if (drop2[^2] >= low)
                    {
                        Array.Sort(drop2);
                        yield return drop2;
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
