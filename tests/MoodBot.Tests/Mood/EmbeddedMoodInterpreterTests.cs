using System.Text.Json;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Mood;

public sealed class EmbeddedMoodInterpreterTests
{
    private static MoodReading Read(string text) => SharedModel.Interpreter.Interpret(text);

    private static string Json(MoodReading reading) => JsonSerializer.Serialize(reading, ReadingJsonContext.Default.MoodReading);

    [Theory]
    [InlineData("ugh, this week has completely drained me", "tired")]
    [InlineData("just got the job offer!!!", "joyful")]
    [InlineData("i can't stop worrying about the exam tomorrow", "anxious")]
    [InlineData("so pissed off, they cancelled on me AGAIN", "angry")]
    [InlineData("found my old gameboy in the attic, remember those summers", "nostalgic")]
    [InlineData("estoy muy triste hoy", "sad")]
    public void Interpret_ClearTexts_ReadTheirMood(string text, string mood)
    {
        Assert.Equal(mood, Read(text).Mood);
    }

    [Theory]
    [InlineData("what is the capital of france")]
    [InlineData("https://example.com/docs/setup?page=2")]
    [InlineData("")]
    [InlineData("   \t  ")]
    public void Interpret_TextsWithoutAMood_SayTheyCouldNotReadOne(string text)
    {
        var reading = Read(text);

        Assert.Null(reading.Mood);
        Assert.Null(reading.Soundscape);
        Assert.Equal(ReadingComposer.NoMoodSummary, reading.Summary);
        Assert.True(reading.Confidence < 0.5);
    }

    [Theory]
    [InlineData("ugh, this week has completely drained me")]
    [InlineData("I'm not sad, just so worn out 😴😴")]
    [InlineData("what is the capital of france")]
    [InlineData("")]
    [InlineData("happy but also kind of nervous about tomorrow?!")]
    public void Interpret_AnyText_ProducesJsonThatMatchesTheSchema(string text)
    {
        SchemaValidation.AssertValid(Json(Read(text)));
    }

    [Fact]
    public void Interpret_HundredKilobytes_IsTruncatedAndSaysSo()
    {
        var text = string.Concat(Enumerable.Repeat("so tired of everything today. ", 3500));

        var reading = Read(text);

        Assert.True(reading.Truncated);
        Assert.Equal("tired", reading.Mood);
        Assert.Contains("\"truncated\":true", Json(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_InvalidUtf16AndControlCharacters_StillAnswers()
    {
        var reading = Read("so happy\uDC00\u0001 today\uD83D");

        SchemaValidation.AssertValid(Json(reading));
    }

    [Theory]
    [InlineData("happy but also kind of nervous about tomorrow", "joyful", "anxious")]
    [InlineData("so tired and honestly a bit sad", "tired", "sad")]
    public void Interpret_TwoNamedFeelings_ReportsBothMoods(string text, string first, string second)
    {
        var reading = Read(text);

        Assert.Equal(new[] { first, second }.Order(), new[] { reading.Mood, reading.SecondaryMood }.Order());
    }

    [Fact]
    public void Interpret_OneFeeling_HasNoSecondaryMood()
    {
        Assert.Null(Read("ugh, this week has completely drained me").SecondaryMood);
    }

    [Fact]
    public void Interpret_ShoutedAndRepeated_IsMoreIntenseThanHedged()
    {
        Assert.True(Read("SO TIRED!!! 😴😴😴").Intensity > Read("a bit tired").Intensity);
    }

    [Fact]
    public void Interpret_ValenceAndArousal_SitNearTheMoodOnTheCircumplex()
    {
        var reading = Read("ugh, this week has completely drained me");
        var tired = SharedModel.Catalog["tired"];

        // The position is the probability-weighted mean of the moods, so a confident reading sits by its mood.
        Assert.InRange(reading.Valence, tired.Valence - 0.25, tired.Valence + 0.25);
        Assert.InRange(reading.Arousal, tired.Arousal - 0.25, tired.Arousal + 0.25);
    }

    [Fact]
    public void Interpret_Probabilities_NeverAddUpToMoreThanOne()
    {
        foreach (var text in new[] { "hmm idk", "happy but also kind of nervous", "love you babe", "grr" })
        {
            var reading = Read(text);
            Assert.True(reading.Confidence + reading.Alternatives.Sum(a => a.Probability) <= 1.0001, text);
            Assert.Equal(reading.Alternatives.OrderByDescending(a => a.Probability).Select(a => a.Mood), reading.Alternatives.Select(a => a.Mood));
        }
    }

    [Fact]
    public void Interpret_SameText_GivesTheSameReading()
    {
        Assert.Equal(Json(Read("cozy rainy sunday with tea")), Json(Read("cozy rainy sunday with tea")));
    }

    [Fact]
    public async Task InterpretAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SharedModel.Interpreter.InterpretAsync("hi", cts.Token).AsTask());
    }
}
