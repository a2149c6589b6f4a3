using Microsoft.ML;
using Microsoft.ML.Data;
using MoodBot.Data;
using MoodBot.Mood;
using MoodBot.Mood.Training;

namespace MoodBot.Benchmarks;

/// <summary>
/// The field's own library as the baseline to beat: ML.NET's FeaturizeText (word 1-2 grams and
/// character 3-grams) with SdcaMaximumEntropy, on the same stratified folds as the embedded model.
/// </summary>
internal static class MlNetBaseline
{
    public static (double Accuracy, double MacroF1) CrossValidate(TrainingData data, int folds, int seed)
    {
        var rows = data.Moods.Select(m => new Row { Text = m.Text, Label = m.MoodId }).ToArray();
        var assignment = StratifiedFolds.Assign(data.Moods.Select(m => MoodIds.IndexOf(m.MoodId)).ToArray(), folds, seed);
        var ml = new MLContext(seed);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", "Text"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var confusion = new int[MoodIds.Count, MoodIds.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = rows.Where((_, i) => assignment[i] != fold).ToArray();
            var test = rows.Where((_, i) => assignment[i] == fold).ToArray();
            var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
            var predictions = ml.Data.CreateEnumerable<Prediction>(model.Transform(ml.Data.LoadFromEnumerable(test)), reuseRowObject: false);
            foreach (var (row, prediction) in test.Zip(predictions))
            {
                confusion[MoodIds.IndexOf(row.Label), MoodIds.IndexOf(prediction.PredictedLabel)]++;
            }
        }

        var correct = Enumerable.Range(0, MoodIds.Count).Sum(i => confusion[i, i]);
        var f1 = Enumerable.Range(0, MoodIds.Count).Select(m =>
        {
            var predicted = Enumerable.Range(0, MoodIds.Count).Sum(i => confusion[i, m]);
            var actual = Enumerable.Range(0, MoodIds.Count).Sum(j => confusion[m, j]);
            var p = predicted == 0 ? 0 : (double)confusion[m, m] / predicted;
            var r = actual == 0 ? 0 : (double)confusion[m, m] / actual;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }).Average();
        return ((double)correct / rows.Length, f1);
    }

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = "";
    }
}
