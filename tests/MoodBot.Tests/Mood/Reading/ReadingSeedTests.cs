using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Mood.Reading;

public sealed class ReadingSeedTests
{
    private static readonly ReadingComposer Composer = new(SharedModel.Catalog);

    [Fact]
    public void Format_ThenParse_GivesTheSameSeed_AndFitsADiscordCustomId()
    {
        var reading = SharedModel.Interpreter.Interpret("ugh, this week wrecked me");
        var seed = ReadingSeed.Of(reading)!;

        var text = seed.Format();

        Assert.Equal(seed, ReadingSeed.Parse(text));
        Assert.True(text.Length <= 40, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("calm:0.3:-0.5:0.5")]
    [InlineData("sleepy:0.3:-0.5:0.5:70")]
    [InlineData("calm:1.5:-0.5:0.5:70")]
    [InlineData("calm:0.3:-0.5:0.5:-70")]
    [InlineData("calm:0,3:-0.5:0.5:70")]
    [InlineData("calm:0.3:-0.5:0.5:70:extra")]
    public void Parse_SomethingElse_IsNull(string text) => Assert.Null(ReadingSeed.Parse(text));

    [Fact]
    public void Of_ANoMoodReading_IsNull() =>
        Assert.Null(ReadingSeed.Of(SharedModel.Interpreter.Interpret("the bus leaves at nine")));

    [Fact]
    public void FromSeed_SteeredCalmer_MatchesSteeringTheOriginalReading()
    {
        var original = SharedModel.Interpreter.Interpret("so happy today, everything went right!");
        var rebuilt = Composer.FromSeed(ReadingSeed.Of(original)!, original.Model);

        var fromOriginal = Composer.Steer(original, FollowUp.Calmer);
        var fromSeed = Composer.Steer(rebuilt, FollowUp.Calmer);

        Assert.Equal(fromOriginal.Mood, fromSeed.Mood);
        Assert.Equal(fromOriginal.Valence, fromSeed.Valence, 2);
        Assert.Equal(fromOriginal.Arousal, fromSeed.Arousal, 2);
        Assert.Equal(fromOriginal.Soundscape!.TempoBpm, fromSeed.Soundscape!.TempoBpm);
    }
}
