using MoodBot.Data;
using MoodBot.Hosting;
using MoodBot.Mood;
using MoodBot.Mood.Training;

namespace MoodBot.Benchmarks;

/// <summary>The committed model and data, loaded the way the bot loads them.</summary>
internal static class BenchModel
{
    public static string Root { get; } = MoodBotPaths.FindRoot();

    public static EmbeddedMoodInterpreter LoadInterpreter()
    {
        var catalog = MoodCatalog.Load(Path.Combine(Root, "data", SampleFiles.Moods));
        return new EmbeddedMoodInterpreter(ModelFile.Load(Path.Combine(Root, "models", "embedded", ModelFile.FileName)), catalog);
    }

    public static TrainingData LoadData() => TrainingData.Load(Path.Combine(Root, "data"));
}
