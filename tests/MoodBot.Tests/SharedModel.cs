using MoodBot.Mood;
using MoodBot.Mood.Training;

namespace MoodBot.Tests;

/// <summary>The committed model, loaded once for all tests that read moods with it.</summary>
internal static class SharedModel
{
    private static readonly Lazy<EmbeddedMoodInterpreter> Lazy = new(() =>
    {
        var catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        return new EmbeddedMoodInterpreter(ModelFile.Load(Path.Combine(RepoPaths.Model, ModelFile.FileName)), catalog);
    });

    public static EmbeddedMoodInterpreter Interpreter => Lazy.Value;

    public static MoodCatalog Catalog { get; } = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
}
