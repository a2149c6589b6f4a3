using MoodBot.Discord.Gateway;

namespace MoodBot.Tests.Discord.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4000, nameof(GatewayCloseAction.Resume))]
    [InlineData(4001, nameof(GatewayCloseAction.Resume))]
    [InlineData(4002, nameof(GatewayCloseAction.Resume))]
    [InlineData(4003, nameof(GatewayCloseAction.Resume))]
    [InlineData(4005, nameof(GatewayCloseAction.Resume))]
    [InlineData(4008, nameof(GatewayCloseAction.Resume))]
    [InlineData(4007, nameof(GatewayCloseAction.Identify))]
    [InlineData(4009, nameof(GatewayCloseAction.Identify))]
    [InlineData(1000, nameof(GatewayCloseAction.Identify))]
    [InlineData(1001, nameof(GatewayCloseAction.Identify))]
    [InlineData(1006, nameof(GatewayCloseAction.Resume))]
    [InlineData(4004, nameof(GatewayCloseAction.Fatal))]
    [InlineData(4010, nameof(GatewayCloseAction.Fatal))]
    [InlineData(4011, nameof(GatewayCloseAction.Fatal))]
    [InlineData(4012, nameof(GatewayCloseAction.Fatal))]
    [InlineData(4013, nameof(GatewayCloseAction.Fatal))]
    [InlineData(4014, nameof(GatewayCloseAction.Fatal))]
    [InlineData(null, nameof(GatewayCloseAction.Resume))]
    public void Classify_CloseCode_DecidesResumeIdentifyOrStop(int? code, string expected) =>
        Assert.Equal(expected, GatewayCloseCodes.Classify(code).ToString());
}
