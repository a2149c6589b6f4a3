namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// A diatonic chord on a scale degree: its tones are stacked thirds of the scale, so the chord always
/// fits the mode. <see cref="RaisedThird"/> gives minor keys their major V (the harmonic-minor pull home).
/// </summary>
internal sealed record Chord(int Degree, bool Seventh, bool RaisedThird)
{
    /// <summary>Scale degrees of the chord tones above the root: root, third, fifth (and seventh).</summary>
    public int[] Degrees => Seventh ? [Degree, Degree + 2, Degree + 4, Degree + 6] : [Degree, Degree + 2, Degree + 4];

    /// <summary>The chord's tones as semitones above the tonic, in 0..11.</summary>
    public int[] PitchClasses(MusicalScale scale)
    {
        var degrees = Degrees;
        var classes = new int[degrees.Length];
        for (var i = 0; i < degrees.Length; i++)
        {
            var semis = scale.Offset(degrees[i]);
            if (i == 1 && RaisedThird)
            {
                semis++;
            }

            classes[i] = ((semis % 12) + 12) % 12;
        }

        return classes;
    }

    /// <summary>MIDI pitch of the root in the octave at or above <paramref name="floor"/>.</summary>
    public int Root(MusicalScale scale, int floor) => scale.Pitch(Degree, floor) - (Degree >= 7 ? 12 : 0);
}
