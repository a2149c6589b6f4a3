using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;

namespace MoodBot.Tests.Discord;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedAndAdapterIsDisabledWithoutToken()
    {
        var options = new DiscordOptions();

        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
        Assert.Equal(new Uri("https://discord.com/api/v10/"), options.ApiUrl);
        Assert.Equal(5, options.MaxRetries);
    }

    [Theory]
    [InlineData("not hex")]
    [InlineData("abcd")]
    public void Validate_APublicKeyThatIsNot32HexBytes_Fails(string key) =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { PublicKey = key }).Failed);

    [Fact]
    public void Validate_TooManyRetries_Fails() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { MaxRetries = 100 }).Failed);

    [Fact]
    public void Validate_ZeroShardCount_Fails() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardCount = 0 }).Failed);

    [Theory]
    [InlineData(1, 1, "wss://gateway.discord.gg/")]
    [InlineData(5, 2, "wss://gateway.discord.gg/")]
    [InlineData(-1, 2, "wss://gateway.discord.gg/")]
    [InlineData(0, 1, "https://gateway.discord.gg/")]
    public void Validate_ShardOutOfRangeOrNonWebSocketUrl_Fails(int shardId, int shardCount, string url) =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardIds = [shardId], ShardCount = shardCount, GatewayUrl = new Uri(url) }).Failed);

    [Fact]
    public void Validate_SecondOfTwoShards_Succeeds() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardIds = [1], ShardCount = 2 }).Succeeded);

    [Fact]
    public void Validate_SeveralShardsOneOutOfRange_FailsNamingShardIds()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardIds = [0, 1, 4], ShardCount = 4 });

        Assert.True(result.Failed);
        Assert.Contains("ShardIds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateShardId_Fails()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardIds = [0, 1, 1], ShardCount = 4 });

        Assert.True(result.Failed);
        Assert.Contains("twice", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveShardIds_NoneListed_IsShardZero() =>
        Assert.Equal([0], new DiscordOptions().EffectiveShardIds);

    [Fact]
    public void Bind_ShardIdsFromConfiguration_ReplaceTheDefaultAndValidate()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:ShardIds:0"] = "0",
            ["Discord:ShardIds:1"] = "1",
            ["Discord:ShardCount"] = "2",
        }).Build();
        var options = new DiscordOptions();

        configuration.GetSection(DiscordOptions.Section).Bind(options);

        Assert.Equal([0, 1], options.EffectiveShardIds);
        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(false, 1 | (1 << 7) | (1 << 9))]
    [InlineData(true, 1 | (1 << 7) | (1 << 9) | (1 << 15))]
    public void EffectiveIntents_MessageContent_OnlyWhenConfigured(bool messageContent, int expected)
    {
        var options = new DiscordOptions { MessageContent = messageContent, Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.GuildVoiceStates | GatewayIntents.MessageContent };
        Assert.Equal(expected, (int)options.EffectiveIntents);
    }

    [Fact]
    public void PayloadRecords_ToString_NeverContainTheToken()
    {
        var identify = new IdentifyData("secret-token", new IdentifyProperties("linux", "MoodBot", "MoodBot"), 1, [0, 1]);
        var resume = new ResumeData("secret-token", "s", 3);

        Assert.DoesNotContain("secret-token", identify.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", resume.ToString(), StringComparison.Ordinal);
        Assert.Contains("secret-token", JsonSerializer.Serialize(identify, GatewayJsonContext.Default.IdentifyData), StringComparison.Ordinal);
    }
}
