using MoodBot.Evaluation;

namespace MoodBot.Tests.Evaluation;

public sealed class TextSimilarityTests
{
    private static string[] Words(string text) => text.Split(' ');

    [Fact]
    public void RougeL_LinsExample_IsThreeQuarters()
    {
        // Lin (2004), section 3.1: "police killed the gunman" vs "police kill the gunman": LCS 3 of 4.
        Assert.Equal(0.75, TextSimilarity.RougeL(Words("police kill the gunman"), Words("police killed the gunman")), 6);
    }

    [Fact]
    public void RougeL_IgnoresOrderOutsideTheSubsequence()
    {
        // Lin's second candidate, "the gunman kill police": LCS is "the gunman", 2 of 4.
        Assert.Equal(0.5, TextSimilarity.RougeL(Words("the gunman kill police"), Words("police killed the gunman")), 6);
    }

    [Fact]
    public void CorpusBleu_IdenticalText_IsOne()
    {
        var tokens = Words("the cat sat on the mat today");

        Assert.Equal(1.0, TextSimilarity.CorpusBleu([tokens], [tokens]), 9);
    }

    [Fact]
    public void CorpusBleu_HandComputedCase_MatchesTheFormula()
    {
        var hypothesis = Words("the cat sat on the mat");
        var reference = Words("the cat sat on the red mat");

        // Clipped precisions 6/6, 4/5, 3/4, 2/3; brevity penalty exp(1 - 7/6).
        var expected = Math.Exp(1 - (7.0 / 6)) * Math.Pow(1.0 * 0.8 * 0.75 * (2.0 / 3), 0.25);
        Assert.Equal(expected, TextSimilarity.CorpusBleu([hypothesis], [reference]), 9);
    }

    [Fact]
    public void CorpusBleu_ClipsRepeatedWords()
    {
        // Papineni et al. (2002): "the the the the the the the" earns unigram precision 2/7, not 7/7.
        var bleu1 = TextSimilarity.CorpusBleu([Words("the the the the the the the")], [Words("the cat is on the mat")], maxN: 1);

        Assert.Equal(2.0 / 7, bleu1, 9);
    }

    [Fact]
    public void Tokenize_Json_SplitsWordsNumbersAndPunctuation()
    {
        Assert.Equal(["{", "\"", "mood", "\"", ":", "\"", "tired", "\"", ",", "\"", "x", "\"", ":", "-", "0.35", "}"],
            TextSimilarity.Tokenize("{\"mood\":\"tired\",\"x\":-0.35}"));
    }

    [Fact]
    public void Pearson_KnownSeries()
    {
        Assert.Equal(1.0, Statistics.Pearson([1, 2, 3], [2, 4, 6])!.Value, 9);
        Assert.Equal(-1.0, Statistics.Pearson([1, 2, 3], [3, 2, 1])!.Value, 9);
        Assert.Null(Statistics.Pearson([1, 1, 1], [1, 2, 3]));
    }
}
