using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>
/// Multinomial logistic regression over hashed features: 12 moods plus a "no mood" class, with a
/// temperature fitted on held-out predictions so that the probabilities mean what they say. It carries
/// the lexicon it was trained with, so its features never change under it.
/// </summary>
internal sealed class LinearMoodModel
{
    /// <summary>The class after the 12 moods: text that carries no mood at all.</summary>
    public static readonly int NoMoodClass = MoodIds.Count;

    public static readonly int ClassCount = MoodIds.Count + 1;

    public LinearMoodModel(FeatureSettings settings, CueLexicon lexicon, float[] weights, float[] bias, float temperature)
    {
        if (weights.Length != settings.Buckets * ClassCount || bias.Length != ClassCount)
        {
            throw new ArgumentException("weights do not match the feature settings");
        }

        Settings = settings;
        Lexicon = lexicon;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
    }

    public FeatureSettings Settings { get; }

    public CueLexicon Lexicon { get; }

    /// <summary>Row-major: bucket * <see cref="ClassCount"/> + class.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public float Temperature { get; set; }

    public void Logits(FeatureVector features, Span<float> logits) => Logits(Weights, Bias, features.Indices, features.Values, logits);

    /// <summary>bias + W·x over a sparse x; shared by inference and training so both score alike.</summary>
    public static void Logits(float[] weights, float[] bias, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> logits)
    {
        var classes = logits.Length;
        bias.CopyTo(logits);
        for (var f = 0; f < indices.Length; f++)
        {
            var row = weights.AsSpan(indices[f] * classes, classes);
            var value = values[f];
            for (var c = 0; c < classes; c++)
            {
                logits[c] += row[c] * value;
            }
        }
    }

    public void Probabilities(FeatureVector features, Span<float> probabilities)
    {
        Logits(features, probabilities);
        Softmax(probabilities, Temperature);
    }

    public static void Softmax(Span<float> values, float temperature)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp((values[i] - max) / temperature);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
