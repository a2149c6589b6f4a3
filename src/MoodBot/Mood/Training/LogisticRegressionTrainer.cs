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
        var multipliers = options.NbScaling == NbScaling.None
            ? null
            : LogCountRatios.Multipliers(features, labels, settings.Buckets, options.NbScaling, options.NbAlpha, options.NbInterpolation);
        var weights = new float[settings.Buckets * classes];
        var bias = new float[classes];
        for (var member = 0; member < options.EnsembleSize; member++)
        {
            // Member 0 is the single fit; the others differ only in the order they see the rows.
            var (w, b) = Fit(features, labels, options, multipliers, options.Seed + (member * 7919), progress, stage, cancellationToken);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += w[i] / options.EnsembleSize;
            }

            for (var c = 0; c < classes; c++)
            {
                bias[c] += b[c] / options.EnsembleSize;
            }
        }

        if (options.ComplementNbWeight > 0)
        {
            var nb = ComplementNaiveBayes.Weights(features, labels, settings.Buckets, options.NbAlpha);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += options.ComplementNbWeight * nb[i];
            }
        }

        return new LinearMoodModel(settings, lexicon, weights, bias, temperature: 1f);
    }

    /// <summary>
    /// One AdaGrad run. With NB multipliers m the effective weight is w·m: the gradient of w is m times
    /// the plain one and L2 falls on w = W/m, so weights of features with little class evidence are held
    /// near zero (Wang &amp; Manning's prior, in the multinomial model).
    /// </summary>
    private static (float[] Weights, float[] Bias) Fit(
        IReadOnlyList<SparseFeatures> features,
        IReadOnlyList<int> labels,
        TrainingOptions options,
        float[]? multipliers,
        int seed,
        IProgress<TrainingProgress>? progress,
        string stage,
        CancellationToken cancellationToken)
    {
        var classes = LinearMoodModel.ClassCount;
        var weights = new float[options.Features.Buckets * classes];
        var parameters = multipliers is null ? weights : new float[weights.Length];
        var squared = new float[weights.Length];
        var bias = new float[classes];
        var biasSquared = new float[classes];
        var order = Enumerable.Range(0, features.Count).ToArray();
        var random = new Random(seed);
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
                        var i = offset + c;
                        var m = multipliers is null ? 1f : multipliers[i];
                        var w = parameters[i];
                        var g = (probabilities[c] * value * m) + (l2 * w);
                        squared[i] += g * g;
                        parameters[i] = w - (lr * g / (MathF.Sqrt(squared[i]) + Epsilon));
                        if (multipliers is not null)
                        {
                            weights[i] = parameters[i] * m;
                        }
                    }
                }
            }

            progress?.Report(new TrainingProgress(stage, epoch + 1, options.Epochs, loss / Math.Max(1, features.Count)));
        }

        return (weights, bias);
    }
}
