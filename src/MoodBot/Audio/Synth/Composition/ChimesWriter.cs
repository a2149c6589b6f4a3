namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Wind chimes and glockenspiel sparkles: notes of the key's pentatonic scale (no semitone clashes
/// with any chord) at random moments, about one every two seconds, anywhere in the stereo field.
/// </summary>
internal static class ChimesWriter
{
    private static readonly int[] PentatonicDegrees = [0, 1, 2, 4, 5];

    public static List<Note> Write(LoopPlan plan)
    {
        var random = plan.Random(100);
        var notes = new List<Note>();
        var count = Math.Max(2, plan.LoopSamples / AudioFormat.SampleRate / 2);
        var degrees = plan.Scale.Minor ? (int[])[0, 2, 3, 4, 6] : PentatonicDegrees;
        for (var i = 0; i < count; i++)
        {
            var degree = degrees[random.Next(degrees.Length)] + (7 * random.Next(2));
            notes.Add(new Note(random.Next(plan.LoopSamples), AudioFormat.SampleRate, plan.Scale.Pitch(degree, 74), random.Range(0.3f, 0.8f), random.NextBipolar() * 0.8f));
        }

        return notes;
    }
}
