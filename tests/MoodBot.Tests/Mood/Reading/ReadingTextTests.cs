using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Mood.Reading;

public sealed class ReadingTextTests
{
    [Fact]
    public void AReading_ReadsAsEmojiLabel_Confidence_AndSoundscape()
    {
        var reading = SharedModel.Interpreter.Interpret("so happy today, everything went right!");
        var mood = SharedModel.Catalog[reading.Mood!];

        Assert.Equal($"{mood.Emoji} {mood.Label}", ReadingText.Title(reading, SharedModel.Catalog));
        Assert.Matches(@"^\d{1,3}% sure( · a touch of \w+)?$", ReadingText.Confidence(reading, SharedModel.Catalog));
        Assert.StartsWith($"{reading.Soundscape!.TempoBpm} bpm · {reading.Soundscape.Key} {reading.Soundscape.Mode} · ", ReadingText.Soundscape(reading));
    }

    [Fact]
    public void NoMood_HasATitle_AndNothingElse()
    {
        var reading = SharedModel.Interpreter.Interpret("the bus leaves at nine");

        Assert.Equal(ReadingText.NoMoodTitle, ReadingText.Title(reading, SharedModel.Catalog));
        Assert.Null(ReadingText.Confidence(reading, SharedModel.Catalog));
        Assert.Null(ReadingText.Soundscape(reading));
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(187.4, "3:07")]
    [InlineData(3725, "1:02:05")]
    public void Duration_IsMinutesAndSeconds(double seconds, string expected) => Assert.Equal(expected, ReadingText.Duration(seconds));
}
