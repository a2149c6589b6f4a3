using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MoodBot.Data;
using MoodBot.Evaluation;
using MoodBot.Mood;
using MoodBot.Mood.Training;

namespace MoodBot.Cli;

/// <summary><c>eval</c>: cross-validation on data/, or the trained model scored on any labelled CSV.</summary>
internal static class EvalCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var file = args.Option("data");
        var json = args.Flag("json");
        var folds = args.IntOption("folds") ?? 5;
        args.RejectUnknown("eval");
        if (folds is < 2 or > 20)
        {
            throw new CliUsageException("eval: --folds must be between 2 and 20");
        }

        var report = file is null ? CrossValidate(folds, cancellationToken) : ScoreFile(Path.GetFullPath(file), cancellationToken);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, EvalJsonContext.Default.EvalReport));
        }
        else
        {
            EvalReportWriter.Write(report, stdout);
        }

        if (report.UnknownMoodRows > 0)
        {
            stderr.WriteLine($"note: {report.UnknownMoodRows} rows have an unknown mood id (not one of the 12 moods) and were not scored");
        }

        return CommandLine.Ok;
    }

    private static EvalReport CrossValidate(int folds, CancellationToken cancellationToken)
    {
        using var services = CommandLine.BuildServices();
        var data = TrainingData.Load(CommandLine.Directories(services).Data);
        var training = new TrainingOptions { Folds = folds };
        var features = EmbeddedModelBuilder.Featurise(data, training.Features);
        return CrossValidation.Run(data, features, training, cancellationToken: cancellationToken).Report;
    }

    private static EvalReport ScoreFile(string path, CancellationToken cancellationToken)
    {
        var table = CsvReader.ReadFile(path);
        using var services = CommandLine.BuildServices();
        var interpreter = services.Services.GetRequiredService<EmbeddedMoodInterpreter>();
        return new Evaluator(services.Services.GetRequiredService<MoodCatalog>()).Score(table, text =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return interpreter.Interpret(text);
        });
    }
}
