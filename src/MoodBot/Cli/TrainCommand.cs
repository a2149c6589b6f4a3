using System.Diagnostics;
using MoodBot.Data;
using MoodBot.Mood.Training;

namespace MoodBot.Cli;

/// <summary><c>train</c>: retrains the embedded model from data/ and writes it to models/embedded/.</summary>
internal static class TrainCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var services = CommandLine.BuildServices();
        var (configuredData, configuredModel) = CommandLine.Directories(services);
        var dataDirectory = args.Option("data") is { } data ? Path.GetFullPath(data) : configuredData;
        var outDirectory = args.Option("out") is { } output ? Path.GetFullPath(output) : configuredModel;
        var options = new TrainingOptions { Seed = args.IntOption("seed") ?? TrainingOptions.DefaultSeed };
        args.RejectUnknown("train");

        var clock = Stopwatch.StartNew();
        var training = TrainingData.Load(dataDirectory);
        stdout.WriteLine($"Training the embedded model on {training.Moods.Count:N0} mood rows, {training.NoMood.Count:N0} moodless rows and {training.Lexicon.Count:N0} lexicon cues (seed {options.Seed})");
        var progress = new ConsoleProgress(stderr, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        var built = EmbeddedModelBuilder.Build(training, options, progress, cancellationToken);
        EmbeddedModelBuilder.Save(built, outDirectory);

        var cv = built.Metrics.CrossValidation;
        stdout.WriteLine($"{options.Folds}-fold cross-validation: accuracy {cv.Accuracy:0.000}, macro-F1 {cv.MacroF1:0.000}, moodless texts recognised {cv.NoMoodRecall:0.000}, temperature {built.Metrics.Temperature:0.00}");
        stdout.WriteLine($"Wrote {Path.Combine(outDirectory, ModelFile.FileName)} and {ModelMetrics.FileName} in {clock.Elapsed.TotalSeconds:0.0} s");
        return CommandLine.Ok;
    }
}
