namespace MoodBot.Evaluation;

/// <summary>
/// BLEU-4 (Papineni et al., 2002: corpus level, uniform weights, brevity penalty) and ROUGE-L
/// (Lin, 2004: LCS F-measure, averaged over pairs), as the original prototype scored its JSON.
/// </summary>
internal static class TextSimilarity
{
    /// <summary>Splits JSON into words, numbers and single punctuation marks.</summary>
    public static string[] Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c is '#' or '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '#' or '_' or '.' or '-'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return [.. tokens];
    }

    public static double CorpusBleu(IReadOnlyList<string[]> hypotheses, IReadOnlyList<string[]> references, int maxN = 4)
    {
        var matches = new long[maxN];
        var totals = new long[maxN];
        long hypothesisLength = 0, referenceLength = 0;
        for (var k = 0; k < hypotheses.Count; k++)
        {
            var hypothesis = hypotheses[k];
            var reference = references[k];
            hypothesisLength += hypothesis.Length;
            referenceLength += reference.Length;
            for (var n = 1; n <= maxN; n++)
            {
                var referenceCounts = NGrams(reference, n);
                foreach (var (gram, count) in NGrams(hypothesis, n))
                {
                    matches[n - 1] += Math.Min(count, referenceCounts.GetValueOrDefault(gram));
                    totals[n - 1] += count;
                }
            }
        }

        if (hypothesisLength == 0 || matches.Any(m => m == 0))
        {
            return 0;
        }

        var logPrecision = 0.0;
        for (var n = 0; n < maxN; n++)
        {
            logPrecision += Math.Log((double)matches[n] / totals[n]) / maxN;
        }

        var brevity = hypothesisLength >= referenceLength ? 1.0 : Math.Exp(1 - ((double)referenceLength / hypothesisLength));
        return brevity * Math.Exp(logPrecision);
    }

    public static double RougeL(string[] hypothesis, string[] reference)
    {
        if (hypothesis.Length == 0 || reference.Length == 0)
        {
            return 0;
        }

        var lcs = LongestCommonSubsequence(hypothesis, reference);
        if (lcs == 0)
        {
            return 0;
        }

        var precision = (double)lcs / hypothesis.Length;
        var recall = (double)lcs / reference.Length;
        return 2 * precision * recall / (precision + recall);
    }

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static Dictionary<string, int> NGrams(string[] tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            var gram = string.Join('\u0001', tokens, i, n);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
