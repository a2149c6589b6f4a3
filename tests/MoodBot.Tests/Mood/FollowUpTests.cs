using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Mood;

public sealed class FollowUpTests
{
    [Theory]
    [InlineData("calmer", "calmer")]
    [InlineData("Calmer please!", "calmer")]
    [InlineData("a bit calmer", "calmer")]
    [InlineData("more upbeat", "more upbeat")]
    [InlineData("something more upbeat pls", "more upbeat")]
    [InlineData("less sad", "less sad")]
    [InlineData("something else", "something else")]
    [InlineData("another one", "something else")]
    [InlineData("faster!!", "more energy")]
    public void Parse_ShortRequests_AreFollowUps(string text, string expected) =>
        Assert.Equal(expected, FollowUp.Parse(text)?.Name);

    [Theory]
    [InlineData("i feel calmer now that the exam is over")]
    [InlineData("so sad today")]
    [InlineData("")]
    [InlineData("else")]
    public void Parse_AnythingElse_IsNotAFollowUp(string text) => Assert.Null(FollowUp.Parse(text));

    [Fact]
    public void Steer_Calmer_OnACalmReading_StaysCalmButSlowerAndDimmer()
    {
        var calm = SharedModel.Interpreter.Interpret("feeling calm and peaceful, just watching the waves");
        Assert.Equal("calm", calm.Mood);

        var calmer = new ReadingComposer(SharedModel.Catalog).Steer(calm, FollowUp.Calmer);

        Assert.Equal("calm", calmer.Mood);
        Assert.True(calmer.Arousal < calm.Arousal);
        Assert.True(calmer.Soundscape!.TempoBpm < calm.Soundscape!.TempoBpm);
        Assert.True(calmer.Light!.Brightness < calm.Light!.Brightness);
    }

    [Fact]
    public void Steer_LessSad_MovesTowardsAWarmerMood()
    {
        var sad = SharedModel.Interpreter.Interpret("i miss her so much, everything feels empty");
        Assert.Equal("sad", sad.Mood);

        var steered = new ReadingComposer(SharedModel.Catalog).Steer(new ReadingComposer(SharedModel.Catalog).Steer(sad, FollowUp.LessSad), FollowUp.LessSad);

        Assert.NotEqual("sad", steered.Mood);
        Assert.True(steered.Valence > sad.Valence);
    }
}
