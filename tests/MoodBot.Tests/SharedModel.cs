using MoodBot.Mood;
using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Tests;

/// <summary>The committed model, loaded once for all tests that read moods with it.</summary>
internal static class SharedModel
{
    private static readonly Lazy<EmbeddedMoodInterpreter> Lazy = new(() =>
    {
        var catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        var lexicon = CueLexicon.Load(RepoPaths.File("data", "lexicon.csv"));
        return new EmbeddedMoodInterpreter(ModelFile.Load(Path.Combine(RepoPaths.Model, ModelFile.FileName)), lexicon, catalog);
    });

    public static EmbeddedMoodInterpreter Interpreter => Lazy.Value;

    public static MoodCatalog Catalog { get; } = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
}
