using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Writes the melodic voice as two-bar phrases in an A A' B A shape: a motif heard twice (the
/// second time with a changed ending), a contrasting phrase, then the motif again, so the ear
/// has something to recognise. Steps are mostly small, strong beats land on chord tones, and each
/// phrase ends with a breath.
/// </summary>
internal static class MelodyWriter
{
    private const int SlotsPerBar = 8;

    public static List<Note> Write(LoopPlan plan, Instrument instrument)
    {
        var random = plan.Random(10);
        var (low, high) = Register(instrument);
        var sustained = instrument is Instrument.Cello or Instrument.Strings or Instrument.Brass;
        var density = (sustained ? 0.18 : 0.28) + (0.4 * plan.Energy);

        var motif = Phrase(plan, ref random, density);
        var variation = Vary(motif, ref random);
        var contrast = Phrase(plan, ref random, density);
        bool[][] shapes = [motif, variation, contrast, motif];

        var notes = new List<Note>();
        var slotSamples = plan.BarSamples / SlotsPerBar;
        var degree = plan.Scale.DegreeAtOrBelow((low + high) / 2, low);
        for (var phrase = 0; phrase * 2 < plan.Bars; phrase++)
        {
            var shape = shapes[phrase % shapes.Length];
            var onsets = new List<int>();
            for (var slot = 0; slot < shape.Length; slot++)
            {
                if (shape[slot])
                {
                    onsets.Add(slot);
                }
            }

            for (var k = 0; k < onsets.Count; k++)
            {
                var slot = onsets[k];
                var bar = (phrase * 2) + (slot / SlotsPerBar);
                var chord = plan.BarChords[bar];
                degree = NextDegree(degree, ref random);
                if (slot % 4 == 0)
                {
                    degree = NearestChordTone(degree, chord);
                }

                degree = Fold(plan.Scale, degree, low, high);

                var nextSlot = k + 1 < onsets.Count ? onsets[k + 1] : shape.Length;
                var gateSlots = Math.Min(nextSlot - slot, sustained ? 8 : 4);
                var start = (((phrase * 2 * SlotsPerBar) + slot) * slotSamples) + plan.Humanise(ref random);
                var accent = slot % 4 == 0 ? 0.12f : 0f;
                notes.Add(new Note(
                    start,
                    (int)(gateSlots * slotSamples * (sustained ? 0.98 : 0.9)),
                    plan.Scale.Pitch(degree, low),
                    Math.Clamp(0.62f + accent + (0.08f * random.NextBipolar()), 0.3f, 1f),
                    0.12f * random.NextBipolar()));
            }
        }

        return notes;
    }

    /// <summary>Pitch range per instrument, in MIDI notes.</summary>
    public static (int Low, int High) Register(Instrument instrument) => instrument switch
    {
        Instrument.Cello => (48, 67),
        Instrument.Strings => (62, 81),
        Instrument.Brass => (58, 77),
        Instrument.Bells => (74, 93),
        Instrument.Guitar => (57, 76),
        Instrument.DistortedGuitar => (55, 74),
        Instrument.ElectricPiano => (62, 81),
        Instrument.Synth => (64, 84),
        _ => (64, 84),
    };

    private static bool[] Phrase(LoopPlan plan, ref SynthRandom random, double density)
    {
        // Two bars of eighths; the downbeat and beat 3 are likelier, the last beat rests so the phrase breathes.
        var slots = new bool[SlotsPerBar * 2];
        for (var s = 0; s < slots.Length - 2; s++)
        {
            var weight = s % 8 == 0 ? 2.2 : s % 4 == 0 ? 1.5 : s % 2 == 0 ? 1.0 : 0.4 + (0.6 * plan.Energy);
            slots[s] = random.Chance(Math.Min(0.95, density * weight));
        }

        slots[0] = true;
        return slots;
    }

    private static bool[] Vary(bool[] motif, ref SynthRandom random)
    {
        var copy = (bool[])motif.Clone();
        for (var s = SlotsPerBar + 2; s < copy.Length - 2; s++)
        {
            if (random.Chance(0.35))
            {
                copy[s] = !copy[s];
            }
        }

        return copy;
    }

    private static int NextDegree(int degree, ref SynthRandom random)
    {
        // Mostly steps, sometimes a third, rarely a leap: the shape of singable lines.
        var roll = random.NextFloat();
        var step = roll < 0.18f ? 0 : roll < 0.68f ? 1 : roll < 0.88f ? 2 : 4;
        return degree + (random.Chance(0.5) ? step : -step);
    }

    private static int NearestChordTone(int degree, Chord chord)
    {
        var best = degree;
        var bestDistance = int.MaxValue;
        for (var d = degree - 3; d <= degree + 3; d++)
        {
            var relative = (((d - chord.Degree) % 7) + 7) % 7;
            if (relative is 0 or 2 or 4 && Math.Abs(d - degree) < bestDistance)
            {
                best = d;
                bestDistance = Math.Abs(d - degree);
            }
        }

        return best;
    }

    private static int Fold(MusicalScale scale, int degree, int low, int high)
    {
        while (scale.Pitch(degree, low) > high)
        {
            degree -= 2;
        }

        while (scale.Pitch(degree, low) < low)
        {
            degree += 2;
        }

        return degree;
    }
}
