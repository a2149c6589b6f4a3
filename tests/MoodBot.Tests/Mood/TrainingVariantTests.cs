using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Tests.Mood;

/// <summary>The switches behind the "tried and not kept" rows of docs/model.md.</summary>
public sealed class TrainingVariantTests
{
    [Fact]
    public void LogCountRatios_EvenlySpreadFeature_IsNeutral_ClassOnlyFeature_IsNot()
    {
        // Bucket 1 appears in one row of every class; bucket 2 only in class 0's rows.
        var features = new List<SparseFeatures>();
        var labels = new List<int>();
        for (var c = 0; c < LinearMoodModel.ClassCount; c++)
        {
            for (var k = 0; k < 4; k++)
            {
                features.Add(c == 0 ? new SparseFeatures([1, 2], [1f, 1f]) : new SparseFeatures([1], [1f]));
                labels.Add(c);
            }
        }

        var m = LogCountRatios.Multipliers(features, labels, buckets: 4, NbScaling.PerClass, alpha: 1f, beta: 1f);

        var classes = LinearMoodModel.ClassCount;
        Assert.Equal(0f, m[(1 * classes) + 3], 4);
        Assert.True(m[(2 * classes) + 0] > 1.5f, $"class-only feature got {m[2 * classes]}");
    }

    [Fact]
    public void ModelFile_RefusesFeaturesItCannotRecord()
    {
        var settings = new FeatureSettings { Bits = 10, Boundaries = true };
        var model = new LinearMoodModel(settings, CueLexicon.FromEntries([]), new float[settings.Buckets * LinearMoodModel.ClassCount], new float[LinearMoodModel.ClassCount], 1f);
        using var dir = new TempDirectory();

        Assert.Throws<NotSupportedException>(() => ModelFile.Save(model, Path.Combine(dir.Path, "m.bin")));
    }
}
