namespace MoodBot.Audio.Synth.Composition;

/// <summary>A key and mode ("E♭" major, "A" minor) as MIDI pitches by scale degree.</summary>
internal sealed record MusicalScale(int Tonic, bool Minor)
{
    private static readonly int[] MajorSteps = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] MinorSteps = [0, 2, 3, 5, 7, 8, 10];

    /// <summary>Reads a key such as "G", "E♭", "Bb", "F#"; an unreadable key falls back to C so a typo in data still plays.</summary>
    public static MusicalScale Parse(string key, string mode)
    {
        var tonic = 0;
        if (key.Length > 0)
        {
            tonic = char.ToUpperInvariant(key[0]) switch
            {
                'C' => 0,
                'D' => 2,
                'E' => 4,
                'F' => 5,
                'G' => 7,
                'A' => 9,
                'B' => 11,
                _ => 0,
            };
            foreach (var accidental in key.AsSpan(1))
            {
                tonic += accidental switch
                {
                    '♭' or 'b' => -1,
                    '♯' or '#' => 1,
                    _ => 0,
                };
            }
        }

        return new MusicalScale(((tonic % 12) + 12) % 12, mode.Equals("minor", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Semitones above the tonic of a scale degree (any integer; 7 is the octave).</summary>
    public int Offset(int degree)
    {
        var octave = (int)Math.Floor(degree / 7.0);
        var steps = Minor ? MinorSteps : MajorSteps;
        return (octave * 12) + steps[degree - (octave * 7)];
    }

    /// <summary>The MIDI pitch of <paramref name="degree"/> in the octave whose tonic is at or above <paramref name="floor"/>.</summary>
    public int Pitch(int degree, int floor)
    {
        var tonicPitch = floor + (((Tonic - floor) % 12) + 12) % 12;
        return tonicPitch + Offset(degree);
    }

    /// <summary>The scale degree nearest below or at a MIDI pitch, counted from the tonic in <paramref name="floor"/>'s octave.</summary>
    public int DegreeAtOrBelow(int pitch, int floor)
    {
        var degree = 0;
        while (Pitch(degree + 1, floor) <= pitch)
        {
            degree++;
        }

        while (Pitch(degree, floor) > pitch)
        {
            degree--;
        }

        return degree;
    }
}
