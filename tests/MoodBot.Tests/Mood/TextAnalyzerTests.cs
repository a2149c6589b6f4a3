using MoodBot.Mood.Text;

namespace MoodBot.Tests.Mood;

public sealed class TextAnalyzerTests
{
    private static (string Text, TokenKind Kind, bool Negated)[] Tokens(string text)
    {
        var analysis = new TextAnalysis();
        TextAnalyzer.Analyze(text, analysis);
        return analysis.Tokens.ToArray().Select(t => (analysis.TextOf(t).ToString(), t.Kind, t.Negated)).ToArray();
    }

    [Fact]
    public void Analyze_NotSadJustWornOut_NegatesOnlyTheWordsBeforeTheComma()
    {
        var words = Tokens("not sad, just so worn out").Where(t => t.Kind == TokenKind.Word).ToArray();

        Assert.Contains(("sad", TokenKind.Word, true), words);
        Assert.Contains(("worn", TokenKind.Word, false), words);
        Assert.Contains(("out", TokenKind.Word, false), words);
    }

    [Fact]
    public void Analyze_ContrastWord_EndsTheNegationScope()
    {
        var words = Tokens("i'm not angry but tired").Where(t => t.Kind == TokenKind.Word).ToArray();

        Assert.Contains(("angry", TokenKind.Word, true), words);
        Assert.Contains(("tired", TokenKind.Word, false), words);
    }

    [Theory]
    [InlineData("don't feel happy", "happy")]
    [InlineData("no estoy triste", "triste")]
    [InlineData("je ne suis pas fatigué", "fatigue")]
    [InlineData("ich bin nicht müde", "mude")]
    public void Analyze_NegatorsInSeveralLanguages_NegateTheFeelingWord(string text, string word)
    {
        Assert.Contains(Tokens(text), t => t.Text == word && t.Negated);
    }

    [Fact]
    public void Analyze_AccentsCaseAndStretchedLetters_AreFolded()
    {
        var words = Tokens("SOOOOO Cansádo").Select(t => t.Text).ToArray();

        Assert.Equal(["soo", "cansado"], words);
    }

    [Fact]
    public void Analyze_EmojiAndEmoticons_AreTokensButUrlsAreNotFaces()
    {
        var tokens = Tokens("ugh 😭😭 :( see https://example.com/x");

        Assert.Equal(3, tokens.Count(t => t.Kind == TokenKind.Emoji));
        Assert.Contains(tokens, t => t.Text == ":(");
        Assert.DoesNotContain(tokens, t => t.Text == ":/");
    }

    [Fact]
    public void Analyze_Cues_CountIntensityMarkers()
    {
        var analysis = new TextAnalysis();
        TextAnalyzer.Analyze("I am SO DONE with this!!! sooo tired 😭😭😭", analysis);

        Assert.Equal(3, analysis.Cues.Exclamations);
        Assert.True(analysis.Cues.ShoutedWords >= 1);
        Assert.Equal(1, analysis.Cues.Elongations);
        Assert.Equal(3, analysis.Cues.MaxEmojiRun);
        Assert.True(analysis.Cues.Intensifiers >= 1);
    }
}
