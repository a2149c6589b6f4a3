namespace MoodBot.Mood.Training;

/// <summary>
/// Finds the softmax temperature that minimises the log-loss of held-out predictions (Guo et al.,
/// 2017), so that "confidence 0.8" is right about four times in five.
/// </summary>
internal static class TemperatureScaling
{
    public static float Fit(IReadOnlyList<float[]> heldOutLogits, IReadOnlyList<int> labels)
    {
        var best = 1f;
        var bestLoss = double.MaxValue;
        for (var t = 0.2f; t <= 4.0001f; t += 0.05f)
        {
            var loss = LogLoss(heldOutLogits, labels, t);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return MathF.Round(best, 2);
    }

    public static double LogLoss(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, float temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits[i];
            var max = row.Max();
            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp((z - max) / temperature);
            }

            total -= ((row[labels[i]] - max) / temperature) - Math.Log(sum);
        }

        return total / Math.Max(1, logits.Count);
    }
}
