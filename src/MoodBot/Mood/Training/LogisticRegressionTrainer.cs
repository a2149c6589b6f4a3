using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>
/// Fits <see cref="LinearMoodModel"/> with AdaGrad on the softmax loss plus L2. Single-threaded and
/// seeded, so the same data and options always give the same weights.
/// </summary>
internal static class LogisticRegressionTrainer
{
    private const float Epsilon = 1e-8f;

    public static LinearMoodModel Train(
        IReadOnlyList<SparseFeatures> features,
        IReadOnlyList<int> labels,
        CueLexicon lexicon,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        string stage = "training",
        CancellationToken cancellationToken = default)
    {
        var classes = LinearMoodModel.ClassCount;
        var settings = options.Features;
        var weights = new float[settings.Buckets * classes];
        var squared = new float[weights.Length];
        var bias = new float[classes];
        var biasSquared = new float[classes];
        var order = Enumerable.Range(0, features.Count).ToArray();
        var random = new Random(options.Seed);
        Span<float> probabilities = stackalloc float[classes];
        var lr = options.LearningRate;
        var l2 = options.L2;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            var loss = 0.0;
            foreach (var example in order)
            {
                var x = features[example];
                var label = labels[example];
                LinearMoodModel.Logits(weights, bias, x.Indices, x.Values, probabilities);
                LinearMoodModel.Softmax(probabilities, 1f);
                loss -= Math.Log(Math.Max(probabilities[label], 1e-12f));
                probabilities[label] -= 1f;

                for (var c = 0; c < classes; c++)
                {
                    var g = probabilities[c];
                    biasSquared[c] += g * g;
                    bias[c] -= lr * g / (MathF.Sqrt(biasSquared[c]) + Epsilon);
                }

                for (var f = 0; f < x.Indices.Length; f++)
                {
                    var offset = x.Indices[f] * classes;
                    var value = x.Values[f];
                    for (var c = 0; c < classes; c++)
                    {
                        var w = weights[offset + c];
                        var g = (probabilities[c] * value) + (l2 * w);
                        squared[offset + c] += g * g;
                        weights[offset + c] = w - (lr * g / (MathF.Sqrt(squared[offset + c]) + Epsilon));
                    }
                }
            }

            progress?.Report(new TrainingProgress(stage, epoch + 1, options.Epochs, loss / Math.Max(1, features.Count)));
        }

        return new LinearMoodModel(settings, lexicon, weights, bias, temperature: 1f);
    }
}
