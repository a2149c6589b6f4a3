using MoodBot.Mood;
using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Data;

/// <summary>Everything <c>train</c> reads from data/: the labelled sentences, the moodless ones, the lexicon.</summary>
internal sealed record TrainingData(
    IReadOnlyList<LabelledText> Moods,
    IReadOnlyList<string> NoMood,
    CueLexicon Lexicon,
    MoodCatalog Catalog,
    string Fingerprint)
{
    public static TrainingData Load(string dataDirectory)
    {
        var catalog = MoodCatalog.Load(Path.Combine(dataDirectory, SampleFiles.Moods));
        var samplesPath = Path.Combine(dataDirectory, SampleFiles.MoodSamples);
        var (moods, unknown) = SampleFiles.ReadLabelled(CsvReader.ReadFile(samplesPath));
        if (unknown > 0)
        {
            throw new CsvFormatException(samplesPath, 0, $"{unknown} rows have a mood id that is not in moods.json");
        }

        var noMoodPath = Path.Combine(dataDirectory, SampleFiles.NoMoodSamples);
        var noMood = File.Exists(noMoodPath) ? SampleFiles.ReadTexts(CsvReader.ReadFile(noMoodPath)) : [];
        var lexiconPath = Path.Combine(dataDirectory, SampleFiles.Lexicon);
        var lexicon = File.Exists(lexiconPath) ? CueLexicon.Load(lexiconPath) : CueLexicon.Empty;
        return new TrainingData(moods, noMood, lexicon, catalog, DataFingerprint.Of(dataDirectory));
    }

    /// <summary>Every training example as (text, class): the 12 moods, then the "no mood" class.</summary>
    public IReadOnlyList<(string Text, int Label)> Examples() =>
        [.. Moods.Select(m => (m.Text, MoodIds.IndexOf(m.MoodId))), .. NoMood.Select(t => (t, LinearMoodModel.NoMoodClass))];
}
