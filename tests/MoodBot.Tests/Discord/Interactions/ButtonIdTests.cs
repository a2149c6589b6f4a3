using MoodBot.Discord.Interactions;
using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Discord.Interactions;

public sealed class ButtonIdTests
{
    [Fact]
    public void ASteeringButton_CarriesItsReading()
    {
        var seed = new ReadingSeed("calm", 0.35, -0.6, 0.5, 72);

        var parsed = ButtonId.Parse(ButtonId.For(ButtonId.Calmer, seed))!;

        Assert.Equal(ButtonId.Calmer, parsed.Action);
        Assert.Equal(seed, parsed.Seed);
    }

    [Fact]
    public void AVoteButton_CarriesMoodAndTrack_EvenWhenTheTrackHasColons()
    {
        var id = ButtonId.Vote(liked: true, "calm", "synth://calm?seed=2")!;

        var parsed = ButtonId.Parse(id)!;

        Assert.Equal(ButtonId.ThumbsUp, parsed.Action);
        Assert.Equal(("calm", "synth://calm?seed=2"), parsed.VoteTarget);
    }

    [Fact]
    public void AVoteForATrackWhoseIdIsTooLong_HasNoButton() =>
        Assert.Null(ButtonId.Vote(liked: false, "calm", "https://example.com/" + new string('a', 100)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nocolon")]
    [InlineData(":calm")]
    public void Parse_NotAButtonId_IsNull(string? customId) => Assert.Null(ButtonId.Parse(customId));
}
