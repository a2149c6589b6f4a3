using System.Text.Json;
using System.Text.RegularExpressions;
using MoodBot.Discord.Rest;

namespace MoodBot.Tests.Discord.Rest;

public sealed class DiscordCommandsTests
{
    [Fact]
    public void All_Serialized_ValidatesAgainstBulkOverwriteSchema()
    {
        var json = JsonSerializer.Serialize(DiscordCommands.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);

        DiscordOpenApi.AssertValidRequest("PUT", "/applications/1/commands", json);
        DiscordOpenApi.AssertValidRequest("PUT", "/applications/1/guilds/2/commands", json);
    }

    [Fact]
    public void All_Names_LowercaseAndMatchDiscordPattern()
    {
        var names = DiscordCommands.All.Select(c => c.Name)
            .Concat(DiscordCommands.All.SelectMany(c => c.Options ?? []).Select(o => o.Name));

        Assert.All(names, n => Assert.Matches(@"^[-_'\p{L}\p{N}]{1,32}$", n));
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
        Assert.Equal(["mood", "play", "stop", "skip", "queue", "room", "lights", "feedback"], DiscordCommands.All.Select(c => c.Name));
    }

    [Fact]
    public void Mood_TextOption_RequiredStringWithMaxLength()
    {
        var text = Assert.Single(DiscordCommands.All.Single(c => c.Name == "mood").Options!);

        Assert.Equal(("text", ApplicationCommandOptionType.String, true), (text.Name, text.Type, text.Required));
        Assert.InRange(text.MaxLength!.Value, 1, 6000);
    }

    [Fact]
    public void RoomAndLights_Subcommands_AsSpecified()
    {
        string[] Sub(string name) => [.. DiscordCommands.All.Single(c => c.Name == name).Options!
            .Where(o => o.Type == ApplicationCommandOptionType.SubCommand).Select(o => o.Name)];

        Assert.Equal(["link", "unlink", "stay", "show"], Sub("room"));
        Assert.Equal(["link", "unlink", "show"], Sub("lights"));
    }

    [Fact]
    public void RoomStay_OnOption_RequiredBoolean()
    {
        var stay = DiscordCommands.All.Single(c => c.Name == "room").Options!.Single(o => o.Name == "stay");
        var on = Assert.Single(stay.Options!);

        Assert.Equal(("on", ApplicationCommandOptionType.Boolean, true), (on.Name, on.Type, on.Required));
    }

    // The spec check must be able to fail, or the tests above prove nothing.
    [Theory]
    [InlineData("PUT", "/applications/1/commands", """[{"name":"a-name-far-longer-than-thirty-two-chars","description":"d"}]""")]
    [InlineData("PUT", "/applications/1/commands", """[{"name":"mood","description":"d","options":[{"type":3,"name":"text","description":"d","max_length":7000}]}]""")]
    [InlineData("POST", "/interactions/1/tok/callback", """{"type":99}""")]
    [InlineData("POST", "/channels/1/messages", """{"content":"x","allowed_mentions":{"parse":"everyone"}}""")]
    public void OpenApiCheck_InvalidBody_Rejected(string method, string path, string body) =>
        Assert.False(DiscordOpenApi.IsValidRequest(method, path, body));
}
