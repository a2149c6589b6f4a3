using System.Diagnostics;
using System.Globalization;
using MoodBot.Mood.Training;

namespace MoodBot.Benchmarks;

/// <summary>`train-time`: wall time of what `train` does (featurise, 5-fold CV, final fit), three runs.</summary>
internal static class TrainingTime
{
    public static void Run(TextWriter output, int runs = 3)
    {
        var data = BenchModel.LoadData();
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var built = EmbeddedModelBuilder.Build(data, new TrainingOptions());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {clock.Elapsed.TotalSeconds:0.00} s for {data.Moods.Count + data.NoMood.Count:N0} rows (6 fits: 5 folds + final), CV accuracy {built.Metrics.CrossValidation.Accuracy:0.000}"));
        }
    }
}
