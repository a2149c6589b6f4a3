using MoodBot.Data;
using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Tests.Mood;

/// <summary>The committed model must be what `train` makes from the committed data.</summary>
public sealed class ModelArtifactTests
{
    private const double Tolerance = 0.01;

    [Fact]
    public void CommittedMetrics_WereMadeFromTheCommittedData()
    {
        var metrics = EmbeddedModelBuilder.ReadMetrics(RepoPaths.Model);

        Assert.NotNull(metrics);
        Assert.True(
            metrics.DataFingerprint == DataFingerprint.Of(RepoPaths.Data),
            "data/ changed since models/embedded was trained: run `dotnet run --project src/MoodBot -- train` and commit the result");
    }

    [Fact]
    public void Retrain_WithTheFixedSeed_ReproducesTheCommittedModelAndFigures()
    {
        var committed = EmbeddedModelBuilder.ReadMetrics(RepoPaths.Model)!;
        var data = TrainingData.Load(RepoPaths.Data);

        var built = EmbeddedModelBuilder.Build(data, new TrainingOptions());

        var fresh = built.Metrics.CrossValidation;
        Assert.Equal(committed.CrossValidation.Accuracy!.Value, fresh.Accuracy!.Value, Tolerance);
        Assert.Equal(committed.CrossValidation.MacroF1!.Value, fresh.MacroF1!.Value, Tolerance);
        Assert.Equal(committed.CrossValidation.NoMoodRecall!.Value, fresh.NoMoodRecall!.Value, Tolerance);
        Assert.Equal(committed.Temperature, built.Metrics.Temperature, 0.051f);

        var committedModel = ModelFile.Load(Path.Combine(RepoPaths.Model, ModelFile.FileName));
        Assert.True(Agreement(committedModel, built.Model, data) >= 0.99, "the committed model and a fresh one disagree on data/");
    }

    [Fact]
    public void ModelFile_SaveThenLoad_GivesTheSameWeights()
    {
        var settings = new FeatureSettings { Bits = 10 };
        var weights = new float[settings.Buckets * LinearMoodModel.ClassCount];
        weights[7] = 1.5f;
        weights[^1] = -2f;
        var lexicon = CueLexicon.FromEntries([("worn out", 11), ("😭", 8), ("müde", 11)]);
        var model = new LinearMoodModel(settings, lexicon, weights, Enumerable.Range(0, LinearMoodModel.ClassCount).Select(i => i / 10f).ToArray(), 0.8f);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.bin");

        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path);

        Assert.Equal(model.Weights, loaded.Weights);
        Assert.Equal(model.Bias, loaded.Bias);
        Assert.Equal(0.8f, loaded.Temperature);
        Assert.Equal(settings, loaded.Settings);
        Assert.Equal(lexicon.Entries, loaded.Lexicon.Entries);
    }

    [Fact]
    public void ModelFile_Damaged_FailsWithAClearMessage()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("m.bin", "not a model");

        var ex = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Contains("retrain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelFile_Missing_SaysHowToMakeOne()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ModelFile.Load("/nonexistent/model.bin"));

        Assert.Contains("train", ex.Message, StringComparison.Ordinal);
    }

    private static double Agreement(LinearMoodModel a, LinearMoodModel b, TrainingData data)
    {
        var extractor = new FeatureExtractor(a.Lexicon, a.Settings);
        var vector = new FeatureVector();
        Span<float> pa = stackalloc float[LinearMoodModel.ClassCount];
        Span<float> pb = stackalloc float[LinearMoodModel.ClassCount];
        var same = 0;
        var examples = data.Examples();
        foreach (var (text, _) in examples)
        {
            extractor.Extract(TextSanitizer.Sanitize(text).Text, vector);
            a.Probabilities(vector, pa);
            b.Probabilities(vector, pb);
            same += ArgMax(pa) == ArgMax(pb) ? 1 : 0;
        }

        return (double)same / examples.Count;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }
}
