using MoodBot.Data;
using MoodBot.Evaluation;
using MoodBot.Mood.Reading;
using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

internal sealed record CrossValidationResult(EvalReport Report, float Temperature);

/// <summary>
/// Stratified k-fold cross-validation of the whole pipeline (features, training, calibration,
/// composition). Its held-out predictions also fit the temperature the final model uses.
/// </summary>
internal static class CrossValidation
{
    public static CrossValidationResult Run(
        TrainingData data,
        IReadOnlyList<SparseFeatures> features,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var examples = data.Examples();
        var labels = examples.Select(e => e.Label).ToArray();
        var folds = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        var models = new LinearMoodModel[options.Folds];
        var logits = new float[examples.Count][];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != fold).ToArray();
            var stage = $"fold {fold + 1}/{options.Folds}";
            models[fold] = LogisticRegressionTrainer.Train(
                train.Select(i => features[i]).ToArray(), train.Select(i => labels[i]).ToArray(), data.Lexicon, options, progress, stage, cancellationToken);
            for (var i = 0; i < examples.Count; i++)
            {
                if (folds[i] == fold)
                {
                    logits[i] = new float[LinearMoodModel.ClassCount];
                    LinearMoodModel.Logits(models[fold].Weights, models[fold].Bias, features[i].Indices, features[i].Values, logits[i]);
                }
            }
        }

        var temperature = TemperatureScaling.Fit(logits, labels);
        var readings = new MoodReading[data.Moods.Count];
        var noMoodRecognised = 0;
        for (var fold = 0; fold < options.Folds; fold++)
        {
            models[fold].Temperature = temperature;
            using var interpreter = new EmbeddedMoodInterpreter(models[fold], data.Catalog);
            for (var i = 0; i < examples.Count; i++)
            {
                if (folds[i] != fold)
                {
                    continue;
                }

                var reading = interpreter.Interpret(examples[i].Text);
                if (i < readings.Length)
                {
                    readings[i] = reading;
                }
                else if (!reading.HasMood)
                {
                    noMoodRecognised++;
                }
            }
        }

        var report = new Evaluator(data.Catalog).Classification($"{options.Folds}-fold cross-validation on data/", data.Moods, readings, 0) with
        {
            NoMoodRecall = data.NoMood.Count == 0 ? null : (double)noMoodRecognised / data.NoMood.Count,
        };
        return new CrossValidationResult(report, temperature);
    }
}
