using MoodBot.Audio.Catalogue;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class TrackUriTests
{
    [Theory]
    [InlineData("synth://calm?seed=7", "Synth", "synth://calm?seed=7")]
    [InlineData("synth://calm", "Synth", "synth://calm?seed=0")]
    [InlineData("gs://moodbot-audio/calm/tide.ogg", "Gcs", "gs://moodbot-audio/calm/tide.ogg")]
    [InlineData("https://cdn.example.org/a.mp3", "Https", "https://cdn.example.org/a.mp3")]
    [InlineData("file:///srv/music/calm/a.ogg", "File", "/srv/music/calm/a.ogg")]
    [InlineData("calm/a.ogg", "File", "/base/calm/a.ogg")]
    public void TryParse_KnownSchemes_Parse(string text, string kind, string value)
    {
        Assert.True(TrackUri.TryParse(text, "/base", out var uri, out var error), error);
        Assert.Equal(Enum.Parse<TrackSourceKind>(kind), uri.Kind);
        Assert.Equal(value, uri.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://example.org/a.mp3", "unsupported scheme")]
    [InlineData("gs://bucket-only", "no object")]
    [InlineData("gs://bucket/", "no object")]
    [InlineData("gs://Bad_Bucket/a.ogg", "Bad_Bucket")]
    [InlineData("synth://happyish?seed=1", "unknown mood")]
    [InlineData("synth://calm?seed=-3", "seed=N")]
    [InlineData("synth://calm?tempo=90", "seed=N")]
    public void TryParse_BadUris_SayWhy(string text, string expected)
    {
        Assert.False(TrackUri.TryParse(text, "/base", out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Synth_ParsesMoodAndSeed()
    {
        Assert.True(TrackUri.TryParse("synth://sad?seed=42", "/", out var uri, out _));
        Assert.Equal(("sad", 42), (uri.SynthMood, uri.SynthSeed));
    }
}
