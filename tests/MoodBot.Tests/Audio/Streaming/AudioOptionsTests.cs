using System.Globalization;
using MoodBot.Audio.Streaming;

namespace MoodBot.Tests.Audio.Streaming;

public sealed class AudioOptionsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("https://moodbot.example.com", true)]
    [InlineData("http://10.0.0.5:5080/moodbot/", true)]
    [InlineData("moodbot.example.com", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("https://exa mple.com", false)]
    public void Validate_PublicBaseUrl(string url, bool valid)
    {
        var result = new AudioOptionsValidator().Validate(null, new AudioOptions { PublicBaseUrl = url });
        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("00:00:30", false)]
    [InlineData("1.00:00:00", true)]
    [InlineData("31.00:00:00", false)]
    public void Validate_LinkLifetime(string lifetime, bool valid)
    {
        var result = new AudioOptionsValidator().Validate(null, new AudioOptions { LinkLifetime = TimeSpan.Parse(lifetime, CultureInfo.InvariantCulture) });
        Assert.Equal(valid, result.Succeeded);
    }
}
