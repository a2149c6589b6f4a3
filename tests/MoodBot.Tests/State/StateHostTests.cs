using Microsoft.Extensions.Options;
using MoodBot.Rooms;
using MoodBot.State;
using MoodBot.Tests.Web;
using Xunit.Abstractions;

namespace MoodBot.Tests.State;

/// <summary>The real host picks its state provider from <c>State:Provider</c> and refuses a bad one on start.</summary>
[Collection(StateProvidersGroup.Name)]
public sealed class StateHostTests(ITestOutputHelper output)
{
    public static TheoryData<string> Providers => TestState.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Start_WithTheProvider_KeepsRoomsInIt(string provider)
    {
        using var storage = new TestState(provider, output);
        string[] settings = provider == TestState.Postgres
            ? ["--State:Provider=postgres", $"--State:ConnectionString={storage.ConnectionString}"]
            : [];
        await using var bot = await RunningBot.StartAsync(settings);

        var slug = bot.Get<RoomService>().Create("Kitchen", isPrivate: false).Room.Slug;

        Assert.Equal(provider, bot.Get<StateStore>().Dialect.Name);
        var opened = provider == TestState.Postgres ? storage.Open() : new StateStore(bot.StatePath);
        Assert.Equal("Kitchen", new RoomStore(opened).Get(slug)?.Name);
    }

    [Theory]
    [InlineData("--State:Provider=mongodb", "State:Provider must be sqlite or postgres")]
    [InlineData("--State:Provider=postgres", "State:ConnectionString is required")]
    public async Task Start_BadStateSettings_FailsWithOneClearMessage(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync(setting));

        Assert.Contains(message, error.Message);
    }
}
