using System.Diagnostics;
using System.Globalization;
using MoodBot.Data;
using MoodBot.Evaluation;
using MoodBot.Mood;
using MoodBot.Hosting;
using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Benchmarks;

/// <summary>
/// `compare`: cross-validates the embedded model's variants (ablations and hyper-parameters) and the
/// ML.NET baseline on the same stratified folds; the table goes into docs/model.md.
/// </summary>
internal static class ModelComparison
{
    public static void Run(TextWriter output, IReadOnlyList<string> only)
    {
        var data = BenchModel.LoadData();
        // `seed=N` re-draws the folds and shuffles, to see whether a difference outlives the draw.
        var seed = only.FirstOrDefault(o => o.StartsWith("seed=", StringComparison.Ordinal));
        only = only.Where(o => o != seed).ToArray();
        var baseline = seed is null ? new TrainingOptions() : new TrainingOptions { Seed = int.Parse(seed[5..], CultureInfo.InvariantCulture) };
        var variants = new (string Name, TrainingOptions Options)[]
        {
            ("embedded (shipped settings)", baseline),
            ("- character n-grams", baseline with { Features = baseline.Features with { CharNGrams = false } }),
            ("- lexicon", baseline with { Features = baseline.Features with { Lexicon = false } }),
            ("- negation scope", baseline with { Features = baseline.Features with { Negation = false } }),
            ("- word bigrams", baseline with { Features = baseline.Features with { Bigrams = false } }),
            ("+ NB scaling per class, β=1", baseline with { NbScaling = NbScaling.PerClass }),
            ("+ NB scaling per class, β=0.5", baseline with { NbScaling = NbScaling.PerClass, NbInterpolation = 0.5f }),
            ("+ NB scaling per class, β=0.25", baseline with { NbScaling = NbScaling.PerClass, NbInterpolation = 0.25f }),
            ("+ NB scaling shared, β=1", baseline with { NbScaling = NbScaling.Shared }),
            ("+ NB scaling shared, β=0.5", baseline with { NbScaling = NbScaling.Shared, NbInterpolation = 0.5f }),
            ("+ ensemble of 3 shuffles", baseline with { EnsembleSize = 3 }),
            ("+ ensemble of 5 shuffles", baseline with { EnsembleSize = 5 }),
            ("+ complement NB, γ=0.05", baseline with { ComplementNbWeight = 0.05f }),
            ("+ complement NB, γ=0.2", baseline with { ComplementNbWeight = 0.2f }),
            ("+ complement NB, γ=0.5", baseline with { ComplementNbWeight = 0.5f }),
            ("+ word trigrams", baseline with { Features = baseline.Features with { Trigrams = true } }),
            ("+ skip-bigrams", baseline with { Features = baseline.Features with { SkipBigrams = true } }),
            ("+ first/last word", baseline with { Features = baseline.Features with { Boundaries = true } }),
            ("+ NB scaling per class, β=0.5, L2 3e-3", baseline with { NbScaling = NbScaling.PerClass, NbInterpolation = 0.5f, L2 = 3e-3f }),
            ("+ NB scaling per class, β=0.5, L2 3e-4", baseline with { NbScaling = NbScaling.PerClass, NbInterpolation = 0.5f, L2 = 3e-4f }),
            ("+ NB scaling shared, β=0.5, lr 0.05", baseline with { NbScaling = NbScaling.Shared, NbInterpolation = 0.5f, LearningRate = 0.05f }),
            ("+ NB scaling shared, β=0.5, α=0.25", baseline with { NbScaling = NbScaling.Shared, NbInterpolation = 0.5f, NbAlpha = 0.25f }),
            ("+ first/last word of each clause", baseline with { Features = baseline.Features with { ClauseBoundaries = true } }),
            ("+ first/last word + skip-bigrams", baseline with { Features = baseline.Features with { Boundaries = true, SkipBigrams = true } }),
            ("+ first/last word + NB shared β=0.5", baseline with { NbScaling = NbScaling.Shared, NbInterpolation = 0.5f, Features = baseline.Features with { Boundaries = true } }),
        };

        output.WriteLine("| model | CV accuracy | macro-F1 | moodless recognised | train+CV time |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var (name, options) in variants.Where(v => only.Count == 0 || only.Any(o => v.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
        {
            var clock = Stopwatch.StartNew();
            var features = EmbeddedModelBuilder.Featurise(data, options.Features);
            var report = CrossValidation.Run(data, features, options).Report;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {report.Accuracy:0.000} | {report.MacroF1:0.000} | {report.NoMoodRecall:0.000} | {clock.Elapsed.TotalSeconds:0.0} s |"));
        }

        if (only.Count == 0 || only.Any(o => "ml.net".Contains(o, StringComparison.OrdinalIgnoreCase)))
        {
            var clock = Stopwatch.StartNew();
            var (accuracy, macroF1) = MlNetBaseline.CrossValidate(data, baseline.Folds, baseline.Seed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ML.NET FeaturizeText + SdcaMaximumEntropy | {accuracy:0.000} | {macroF1:0.000} | n/a | {clock.Elapsed.TotalSeconds:0.0} s |"));
        }
    }

    /// <summary>For tuning: one variant given as key=value pairs on the command line.</summary>
    public static void RunCustom(TextWriter output, IReadOnlyList<string> settings)
    {
        var data = BenchModel.LoadData();
        var options = new TrainingOptions();
        var features = options.Features;
        foreach (var pair in settings)
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            var f = float.Parse(value, CultureInfo.InvariantCulture);
            (options, features) = key switch
            {
                "epochs" => (options with { Epochs = (int)f }, features),
                "lr" => (options with { LearningRate = f }, features),
                "l2" => (options with { L2 = f }, features),
                "bits" => (options, features with { Bits = (int)f }),
                "word" => (options, features with { WordWeight = f }),
                "char" => (options, features with { CharWeight = f }),
                "lex" => (options, features with { LexiconWeight = f }),
                _ => throw new ArgumentException($"unknown setting {key}"),
            };
        }

        options = options with { Features = features };
        var clock = Stopwatch.StartNew();
        var built = EmbeddedModelBuilder.Build(data, options);
        var report = built.Metrics.CrossValidation;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(' ', settings)}: CV accuracy {report.Accuracy:0.000} macro-F1 {report.MacroF1:0.000} moodless {report.NoMoodRecall:0.000} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        output.WriteLine(External(built, data));
    }

    /// <summary>Acceptable accuracy on the public evaluation sets beside the checkout (evaluation only).</summary>
    private static string External(BuiltModel built, TrainingData data)
    {
        var shared = Path.Combine(BenchModel.Root, "..", "shared", "datasets");
        if (!Directory.Exists(shared))
        {
            return "";
        }

        using var interpreter = new EmbeddedMoodInterpreter(built.Model, data.Catalog);
        var evaluator = new Evaluator(data.Catalog);
        var parts = new List<string>();
        foreach (var file in Directory.GetFiles(shared, "*_eval.csv").Order())
        {
            var table = CsvReader.ReadFile(file);
            if (table.FindColumn("mood_id") is null)
            {
                continue;
            }

            var report = evaluator.Score(table, interpreter.Interpret);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file).Split('_')[0]} {report.AcceptableAccuracy:0.000}"));
        }

        return " | acceptable: " + string.Join(", ", parts);
    }
}
