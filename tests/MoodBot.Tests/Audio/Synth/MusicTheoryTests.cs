using MoodBot.Audio.Synth;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Tests.Audio.Synth;

public sealed class MusicTheoryTests
{
    [Theory]
    [InlineData("C", 0)]
    [InlineData("G", 7)]
    [InlineData("E♭", 3)]
    [InlineData("Bb", 10)]
    [InlineData("B♭", 10)]
    [InlineData("F#", 6)]
    [InlineData("??", 0)]
    public void Parse_Keys_GiveTheirTonic(string key, int tonic)
    {
        Assert.Equal(tonic, MusicalScale.Parse(key, "major").Tonic);
    }

    [Fact]
    public void Chord_DegreesOfAMinorKey_AreDiatonicWithAMajorDominant()
    {
        var a = MusicalScale.Parse("A", "minor");

        Assert.Equal([9, 0, 4], new Chord(0, false, false).PitchClasses(a).Select(p => (p + 9) % 12));
        Assert.Equal([4, 8, 11], new Chord(4, false, true).PitchClasses(a).Select(p => (p + 9) % 12));
    }

    [Fact]
    public void VoiceLeading_CommonProgression_MovesEachVoiceLittle()
    {
        var c = MusicalScale.Parse("C", "major");
        Chord[] chords = [new(0, false, false), new(4, false, false), new(5, false, false), new(3, false, false)];

        var voicings = VoiceLeading.Voice(chords, c, 52, 76);

        for (var i = 1; i < voicings.Length; i++)
        {
            var moved = voicings[i].Zip(voicings[i - 1], (a, b) => Math.Abs(a - b)).Sum();
            Assert.True(moved <= 8, $"chord {i} moves the voices {moved} semitones in all");
            Assert.All(voicings[i], p => Assert.InRange(p, 52, 76));
        }
    }

    [Fact]
    public void ForMood_Seed_PicksTempoInsideTheMoodsRangeAndEnergyFromArousal()
    {
        var catalog = MoodBot.Mood.MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        foreach (var mood in catalog.All)
        {
            var tempos = Enumerable.Range(0, 20).Select(seed => SynthRequest.ForMood(mood, seed).Soundscape.TempoBpm).ToArray();

            Assert.All(tempos, t => Assert.InRange(t, mood.Soundscape.TempoBpm[0], mood.Soundscape.TempoBpm[1]));
            Assert.True(tempos.Distinct().Count() > 3, $"{mood.Id}: seeds barely change the tempo");
            Assert.Equal((mood.Arousal + 1) / 2, SynthRequest.ForMood(mood, 1).Soundscape.Energy, 2);
        }
    }

    [Fact]
    public void SynthRandom_SameSeedAndStream_RepeatsAndStreamsDiffer()
    {
        var a = new SynthRandom(5, 1);
        var b = new SynthRandom(5, 1);
        var c = new SynthRandom(5, 2);

        var first = Enumerable.Range(0, 8).Select(_ => a.NextUInt()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => c.NextUInt()).ToArray());
    }
}
