using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Everything decided before a sample is rendered: the grid (a whole number of 4/4 bars, every
/// 16th a whole number of samples so the loop closes exactly), the key, the chord of every bar and
/// which instrument plays which role. The loop holds whole turns of the chord progression
/// (<see cref="CycleBars"/> each), so the harmony repeats exactly within it.
/// </summary>
internal sealed record LoopPlan(
    int TempoBpm,
    int StepSamples,
    int Bars,
    double Energy,
    MusicalScale Scale,
    Chord[] BarChords,
    int[][] BarVoicings,
    int CycleBars,
    Orchestration Orchestration,
    int Seed)
{
    public const int StepsPerBar = 16;

    public int BarSamples => StepSamples * StepsPerBar;

    public int BeatSamples => StepSamples * 4;

    public int LoopSamples => BarSamples * Bars;

    public static LoopPlan Create(SynthRequest request, double targetSeconds)
    {
        var soundscape = request.Soundscape;
        var tempo = Math.Clamp(soundscape.TempoBpm, 40, 220);
        var energy = Math.Clamp(soundscape.Energy, 0, 1);
        var stepSamples = (int)Math.Round(AudioFormat.SampleRate * 15.0 / tempo);
        var barSeconds = stepSamples * StepsPerBar / (double)AudioFormat.SampleRate;

        // Slow music changes chord every bar; at 118 BPM and up a chord lasts two bars so harmony does not rush.
        var barsPerChord = tempo >= 118 ? 2 : 1;
        var scale = MusicalScale.Parse(soundscape.Key, soundscape.Mode);
        var random = new SynthRandom(request.Seed, 1);
        var progression = ChordProgressions.Pick(scale, energy, ref random);
        var cycleBars = progression.Length * barsPerChord;

        // Whole progressions, as close to the target length as the tempo allows.
        var cycles = Math.Max(1, (int)Math.Round(targetSeconds / (cycleBars * barSeconds)));
        var bars = cycles * cycleBars;

        // Voice the progression twice and keep the second pass: its first chord is then led from
        // the last, as it is every time the loop comes round.
        var twice = new Chord[progression.Length * 2];
        for (var i = 0; i < twice.Length; i++)
        {
            twice[i] = progression[i % progression.Length];
        }

        var voiced = VoiceLeading.Voice(twice, scale, 52, 76);
        var barChords = new Chord[bars];
        var barVoicings = new int[bars][];
        for (var b = 0; b < bars; b++)
        {
            var index = b / barsPerChord % progression.Length;
            barChords[b] = progression[index];
            barVoicings[b] = voiced[progression.Length + index];
        }

        var orchestration = Orchestration.From(soundscape.Textures, energy);
        return new LoopPlan(tempo, stepSamples, bars, energy, scale, barChords, barVoicings, cycleBars, orchestration, request.Seed);
    }

    /// <summary>A fresh generator for one part, so adding a part never changes another's notes.</summary>
    public SynthRandom Random(int stream) => new(Seed, stream);

    /// <summary>Timing humanisation in samples: a few milliseconds, looser in slow music.</summary>
    public int Humanise(ref SynthRandom random)
    {
        var spread = (0.004 + (0.008 * (1 - Energy))) * AudioFormat.SampleRate;
        return (int)((random.NextBipolar() + random.NextBipolar()) * 0.5 * spread);
    }
}
