using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>How <see cref="LogisticRegressionTrainer"/> rescales features by their naive-Bayes log-count ratio.</summary>
internal enum NbScaling
{
    /// <summary>Plain logistic regression (the shipped model).</summary>
    None,

    /// <summary>One ratio per feature and class, one-vs-rest (NBSVM's r applied to each class's weights).</summary>
    PerClass,

    /// <summary>One ratio per feature: the largest |r| over the classes (a multiclass analogue).</summary>
    Shared,
}

/// <summary>
/// Naive-Bayes log-count ratios (Wang &amp; Manning, 2012) over the hashed features of the training
/// rows only. A feature seen as often in class c as elsewhere (after correcting for class sizes) gets
/// r = 0; one seen only in c gets a large r. Used as a per-weight multiplier, r acts as a prior that
/// lets discriminative features move freely and holds the rest near zero.
/// </summary>
internal static class LogCountRatios
{
    /// <summary>
    /// Multipliers m[bucket * classes + c] = (1 - beta) + beta * |r|, where beta interpolates between
    /// plain regression (0) and full NB scaling (1).
    /// </summary>
    public static float[] Multipliers(IReadOnlyList<SparseFeatures> features, IReadOnlyList<int> labels, int buckets, NbScaling scaling, float alpha, float beta)
    {
        var classes = LinearMoodModel.ClassCount;
        var documents = new float[buckets * classes];
        var classSizes = new int[classes];
        var seen = new HashSet<int>();
        for (var i = 0; i < features.Count; i++)
        {
            classSizes[labels[i]]++;
            seen.Clear();
            foreach (var bucket in features[i].Indices)
            {
                // Document frequency (binarised counts), as NBSVM does: a repeated n-gram is one piece of evidence.
                if (seen.Add(bucket))
                {
                    documents[(bucket * classes) + labels[i]]++;
                }
            }
        }

        var multipliers = new float[documents.Length];
        var total = features.Count;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var row = documents.AsSpan(bucket * classes, classes);
            var all = 0f;
            foreach (var d in row)
            {
                all += d;
            }

            var largest = 0f;
            for (var c = 0; c < classes; c++)
            {
                // The rest's count is scaled to class c's size, so an evenly spread feature has r = 0
                // even though "the rest" is twelve classes.
                var rest = (all - row[c]) * classSizes[c] / Math.Max(1, total - classSizes[c]);
                var r = MathF.Abs(MathF.Log((row[c] + alpha) / (rest + alpha)));
                multipliers[(bucket * classes) + c] = r;
                largest = Math.Max(largest, r);
            }

            for (var c = 0; c < classes; c++)
            {
                var r = scaling == NbScaling.Shared ? largest : multipliers[(bucket * classes) + c];
                multipliers[(bucket * classes) + c] = (1 - beta) + (beta * r);
            }
        }

        return multipliers;
    }
}
