using System.Text.Json;
using MoodBot.Data;
using MoodBot.Evaluation;
using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

internal sealed record BuiltModel(LinearMoodModel Model, ModelMetrics Metrics);

/// <summary>What <c>train</c> does: featurise data/ once, cross-validate (which also calibrates), fit on everything.</summary>
internal static class EmbeddedModelBuilder
{
    public static IReadOnlyList<SparseFeatures> Featurise(TrainingData data, FeatureSettings settings)
    {
        var extractor = new FeatureExtractor(data.Lexicon, settings);
        var vector = new FeatureVector();
        return data.Examples().Select(e =>
        {
            extractor.Extract(TextSanitizer.Sanitize(e.Text).Text, vector);
            return vector.ToSparse();
        }).ToArray();
    }

    public static BuiltModel Build(TrainingData data, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var features = Featurise(data, options.Features);
        var validation = CrossValidation.Run(data, features, options, progress, cancellationToken);
        var labels = data.Examples().Select(e => e.Label).ToArray();
        var model = LogisticRegressionTrainer.Train(features, labels, data.Lexicon, options, progress, "final model", cancellationToken);
        model.Temperature = validation.Temperature;
        var metrics = new ModelMetrics
        {
            Seed = options.Seed,
            Rows = data.Moods.Count,
            NoMoodRows = data.NoMood.Count,
            LexiconCues = data.Lexicon.Count,
            Temperature = validation.Temperature,
            DataFingerprint = data.Fingerprint,
            CrossValidation = validation.Report,
        };
        return new BuiltModel(model, metrics);
    }

    public static void Save(BuiltModel built, string directory)
    {
        Directory.CreateDirectory(directory);
        ModelFile.Save(built.Model, Path.Combine(directory, ModelFile.FileName));
        var json = JsonSerializer.Serialize(built.Metrics, EvalJsonContext.Default.ModelMetrics);
        File.WriteAllText(Path.Combine(directory, ModelMetrics.FileName), json + "\n");
    }

    public static ModelMetrics? ReadMetrics(string directory)
    {
        var path = Path.Combine(directory, ModelMetrics.FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), EvalJsonContext.Default.ModelMetrics) : null;
    }
}
