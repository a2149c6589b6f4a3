using MoodBot.Discord.Rest;

namespace MoodBot.Tests.Discord.Rest;

public sealed class DiscordRestOptionsTests
{
    [Fact]
    public void Validate_Defaults_PointAtApiV10()
    {
        var options = new DiscordRestOptions { Token = "t" };

        Assert.True(new DiscordRestOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://discord.com/api/v10/"), options.BaseAddress);
        Assert.Equal(5, options.MaxRetries);
    }

    [Fact]
    public void Validate_MissingTokenOrTooManyRetries_Fails()
    {
        var validator = new DiscordRestOptionsValidator();

        Assert.True(validator.Validate(null, new DiscordRestOptions()).Failed);
        Assert.True(validator.Validate(null, new DiscordRestOptions { Token = "t", MaxRetries = 100 }).Failed);
    }
}
