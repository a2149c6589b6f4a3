using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>
/// Complement naive Bayes (Rennie et al., 2003) over the same hashed features: each class is scored
/// by how unlike the other classes' feature mass the text is. Its scores are linear in the features,
/// so mixing them into the regression's logits keeps the model one weight matrix.
/// </summary>
internal static class ComplementNaiveBayes
{
    /// <summary>Weights in <see cref="LinearMoodModel"/>'s layout, centred over the classes per feature.</summary>
    public static float[] Weights(IReadOnlyList<SparseFeatures> features, IReadOnlyList<int> labels, int buckets, float alpha)
    {
        var classes = LinearMoodModel.ClassCount;
        var mass = new double[buckets * classes];
        var classMass = new double[classes];
        for (var i = 0; i < features.Count; i++)
        {
            var x = features[i];
            for (var f = 0; f < x.Indices.Length; f++)
            {
                var value = Math.Abs(x.Values[f]);
                mass[(x.Indices[f] * classes) + labels[i]] += value;
                classMass[labels[i]] += value;
            }
        }

        var active = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            active += mass.AsSpan(bucket * classes, classes).ContainsAnyExcept(0.0) ? 1 : 0;
        }

        var allMass = classMass.Sum();
        var weights = new float[mass.Length];
        Span<double> row = stackalloc double[classes];
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var counts = mass.AsSpan(bucket * classes, classes);
            if (!counts.ContainsAnyExcept(0.0))
            {
                continue;
            }

            var all = 0.0;
            foreach (var m in counts)
            {
                all += m;
            }

            var mean = 0.0;
            for (var c = 0; c < classes; c++)
            {
                var complement = (all - counts[c] + alpha) / (allMass - classMass[c] + (alpha * active));
                row[c] = -Math.Log(complement);
                mean += row[c] / classes;
            }

            for (var c = 0; c < classes; c++)
            {
                // Centring changes no prediction (softmax ignores a shift shared by all classes) but
                // keeps the mixed weights on the regression's scale.
                weights[(bucket * classes) + c] = (float)(row[c] - mean);
            }
        }

        return weights;
    }
}
