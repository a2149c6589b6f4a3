namespace MoodBot.Tests.Audio.Synth;

/// <summary>Test classes in this collection share one <see cref="RenderedMoods"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RenderedMoodsGroup : ICollectionFixture<RenderedMoods>
{
    public const string Name = "Rendered moods";
}
