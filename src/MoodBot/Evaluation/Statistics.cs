namespace MoodBot.Evaluation;

internal static class Statistics
{
    /// <summary>Pearson's correlation coefficient; null when either side has no variance.</summary>
    public static double? Pearson(double[] x, double[] y)
    {
        if (x.Length != y.Length || x.Length < 2)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return varianceX == 0 || varianceY == 0 ? null : covariance / Math.Sqrt(varianceX * varianceY);
    }
}
