using MoodBot.Slack;

namespace MoodBot.Tests.Slack;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedAndAdapterIsDisabled()
    {
        var options = new SlackOptions();
        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
        Assert.False(options.SocketModeEnabled);
        Assert.False(options.HttpModeEnabled);
        Assert.Equal(new Uri("https://slack.com/api/"), options.ApiUrl);
    }

    [Fact]
    public void Modes_FollowTheTokensThatAreSet()
    {
        var socket = new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1" };
        var http = new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" };
        var appOnly = new SlackOptions { AppToken = "xapp-1", SigningSecret = "s" };
        Assert.True(socket.SocketModeEnabled && !socket.HttpModeEnabled);
        Assert.True(http.HttpModeEnabled && !http.SocketModeEnabled);
        Assert.False(appOnly.SocketModeEnabled || appOnly.HttpModeEnabled);
    }

    [Theory]
    [InlineData(SlackOptions.AppTokenPrefix + "swapped", null)]
    [InlineData(null, SlackOptions.BotTokenPrefix + "swapped")]
    public void Validate_TokensInTheWrongKeys_Fail(string? bot, string? app) =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = bot, AppToken = app }).Failed);

    [Theory]
    [InlineData(0)]
    [InlineData(3000)]
    public void Validate_AnAckBudgetSlackWouldNotWaitFor_Fails(int milliseconds) =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { AckBudget = TimeSpan.FromMilliseconds(milliseconds) }).Failed);

    [Fact]
    public void Validate_ApiUrlThatIsNotHttp_Fails() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { ApiUrl = new Uri("ftp://slack.com/api/") }).Failed);
}
