using MoodBot.Lights;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Lights;

public sealed class MoodLightingTests
{
    private static readonly MoodCatalog Moods = MoodCatalog.Load(Path.Combine(RepoPaths.Data, "moods.json"));

    [Fact]
    public void StateFor_EveryMood_WhitesGetMirekAndColoursGetXy()
    {
        var whites = Moods.All
            .Where(m => MoodLighting.StateFor(new LightScene(m.Color, 0.5, 800), ColorGamut.C).Mirek is not null)
            .Select(m => m.Id)
            .Order(StringComparer.Ordinal);

        // The issue names these two as the white moods (#F2F6FF and #FFB46B).
        Assert.Equal(["focused", "tired"], whites);
    }

    [Fact]
    public void StateFor_Colour_IsClippedToTheGamutAndHasNoMirek()
    {
        var state = MoodLighting.StateFor(new LightScene(Moods["angry"].Color, 0.9, 500), ColorGamut.B);

        Assert.Null(state.Mirek);
        Assert.NotNull(state.Xy);
        Assert.True(ColorGamut.B.Contains(state.Xy.Value));
        Assert.Equal(90, state.Brightness);
        Assert.Equal(500, state.TransitionMs);
    }

    [Fact]
    public void StateFor_White_HasMirekAndNoXy()
    {
        var state = MoodLighting.StateFor(new LightScene(Moods["tired"].Color, 0.3, 1800), ColorGamut.C);

        Assert.Null(state.Xy);
        Assert.InRange(state.Mirek!.Value, 400, 500);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.004, 1)]
    [InlineData(0.42, 42)]
    [InlineData(1.0, 100)]
    [InlineData(1.5, 100)]
    public void StateFor_Brightness_IsAPercentFromOneToAHundred(double brightness, double percent)
    {
        Assert.Equal(percent, MoodLighting.StateFor(new LightScene("#4FB3BF", brightness, 0), ColorGamut.C).Brightness);
    }

    [Fact]
    public void StateFor_ComposedReading_UsesItsScene()
    {
        var reading = TestReadings.Of("calm") with { Light = new LightScene(Moods["calm"].Color, 0.35, 1700) };

        var state = MoodLighting.StateFor(reading.Light!, ColorGamut.C);

        Assert.Equal(35, state.Brightness);
        Assert.Equal(1700, state.TransitionMs);
    }
}
