using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Chord accompaniment in the idiom of the instrument: broken chords on a piano, strums or
/// finger-picking on a guitar, sustained chords on an electric piano, off-beat stabs on a synth,
/// eighth-note power chords on a distorted guitar. Voicings come from <see cref="VoiceLeading"/>.
/// </summary>
internal static class CompWriter
{
    public static List<Note> Write(LoopPlan plan, Instrument instrument)
    {
        var random = plan.Random(20);
        var notes = new List<Note>();
        var step = plan.StepSamples;
        for (var bar = 0; bar < plan.Bars; bar++)
        {
            var voicing = plan.BarVoicings[bar];
            var barStart = bar * plan.BarSamples;
            var root = plan.BarChords[bar].Root(plan.Scale, 40);
            switch (instrument)
            {
                case Instrument.Guitar when plan.Energy >= 0.5:
                    // D . D U . U D U, a strum being the chord's notes a few ms apart.
                    int[] strumSteps = [0, 4, 6, 10, 12, 14];
                    foreach (var s in strumSteps)
                    {
                        var down = s % 4 == 0;
                        var velocity = (down ? 0.75f : 0.5f) + (0.08f * random.NextBipolar());
                        var at = barStart + (s * step) + plan.Humanise(ref random);
                        for (var v = 0; v < voicing.Length; v++)
                        {
                            var index = down ? v : voicing.Length - 1 - v;
                            notes.Add(new Note(at + (v * 480), step * 3, voicing[index], velocity, -0.3f + (0.2f * index)));
                        }
                    }

                    break;
                case Instrument.Guitar:
                case Instrument.Piano:
                    // Broken chord in eighths: bass note then the voicing up and back, letting notes ring.
                    int[] order = [0, 1, 2, 3, 2, 1, 2, 3];
                    var eighths = plan.Energy < 0.3 ? 4 : 8;
                    for (var e = 0; e < eighths; e++)
                    {
                        var pitch = e == 0 ? root + 12 : voicing[order[e] % voicing.Length];
                        var at = barStart + (e * (8 / eighths) * 2 * step) + plan.Humanise(ref random);
                        var velocity = (e == 0 ? 0.7f : 0.5f) + (0.08f * random.NextBipolar());
                        notes.Add(new Note(at, step * 6, pitch, velocity, (pitch - 64) / 40f));
                    }

                    break;
                case Instrument.ElectricPiano:
                    int[] hits = plan.Energy >= 0.5 ? [0, 6, 10] : [0, 10];
                    foreach (var s in hits)
                    {
                        var at = barStart + (s * step) + plan.Humanise(ref random);
                        var length = (s == 0 ? 6 : 5) * step;
                        foreach (var pitch in voicing)
                        {
                            notes.Add(new Note(at + random.Next(240), length, pitch, 0.55f + (0.1f * random.NextBipolar()), (pitch - 64) / 30f));
                        }
                    }

                    break;
                case Instrument.DistortedGuitar:
                    for (var e = 0; e < 8; e++)
                    {
                        var accent = e is 0 or 3 or 6;
                        var at = barStart + (e * 2 * step) + plan.Humanise(ref random);
                        notes.Add(new Note(at, accent ? step * 2 : (int)(step * 1.1), root + 12, accent ? 0.9f : 0.6f, 0));
                    }

                    break;
                default:
                    // Synth stabs on the off-beats, the pattern of house and EDM.
                    int[] stabs = [2, 6, 10, 13];
                    foreach (var s in stabs)
                    {
                        var at = barStart + (s * step) + plan.Humanise(ref random);
                        foreach (var pitch in voicing)
                        {
                            notes.Add(new Note(at, (int)(step * 1.4), pitch, 0.7f + (0.1f * random.NextBipolar()), (pitch - 64) / 25f));
                        }
                    }

                    break;
            }
        }

        return notes;
    }
}
