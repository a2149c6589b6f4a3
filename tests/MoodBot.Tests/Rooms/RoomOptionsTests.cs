using MoodBot.Rooms;

namespace MoodBot.Tests.Rooms;

public sealed class RoomOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() =>
        Assert.True(new RoomOptionsValidator().Validate(null, new RoomOptions()).Succeeded);

    [Theory]
    [InlineData(0, 15, "MaxQueue")]
    [InlineData(100, 0, "HeartbeatInterval")]
    [InlineData(100, 3600, "HeartbeatInterval")]
    public void Validate_OutOfRange_FailsNamingTheSetting(int maxQueue, int heartbeatSeconds, string setting)
    {
        var result = new RoomOptionsValidator().Validate(null, new RoomOptions { MaxQueue = maxQueue, HeartbeatInterval = TimeSpan.FromSeconds(heartbeatSeconds) });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }
}
