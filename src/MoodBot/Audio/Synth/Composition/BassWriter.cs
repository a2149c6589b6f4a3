namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// The bass line: chord roots, moving more as energy rises (whole notes, then root and fifth,
/// then driving eighths with octave jumps).
/// </summary>
internal static class BassWriter
{
    public static List<Note> Write(LoopPlan plan)
    {
        var random = plan.Random(30);
        var notes = new List<Note>();
        var step = plan.StepSamples;
        for (var bar = 0; bar < plan.Bars; bar++)
        {
            var root = plan.BarChords[bar].Root(plan.Scale, 28);
            var fifth = root + 7;
            var barStart = bar * plan.BarSamples;
            if (plan.Energy < 0.55)
            {
                notes.Add(new Note(barStart + plan.Humanise(ref random), step * 15, root, 0.75f, 0));
            }
            else if (plan.Energy < 0.8)
            {
                // Root on 1, a pickup on the "and" of 2, root on 3, the fifth leading on.
                (int Step, int Pitch, int Length)[] pattern = [(0, root, 5), (6, root, 2), (8, root, 4), (12, fifth, 2), (14, root + 12, 2)];
                foreach (var (s, pitch, length) in pattern)
                {
                    notes.Add(new Note(barStart + (s * step) + plan.Humanise(ref random), (length * step) - (step / 4), pitch, s % 8 == 0 ? 0.85f : 0.65f, 0));
                }
            }
            else
            {
                for (var e = 0; e < 8; e++)
                {
                    var pitch = e == 7 && random.Chance(0.5) ? root + 12 : root;
                    notes.Add(new Note(barStart + (e * 2 * step) + plan.Humanise(ref random), (int)(step * 1.6), pitch, e % 2 == 0 ? 0.9f : 0.7f, 0));
                }
            }
        }

        return notes;
    }
}
