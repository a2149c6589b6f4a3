using System.Text.Json;

namespace MoodBot.Tests.Discord.Interactions;

/// <summary>Interaction payloads shaped as Discord sends them (gateway data or HTTP body).</summary>
internal static class TestInteractions
{
    public const string ApplicationId = "777";
    public const string GuildId = "900";
    public const string ChannelId = "4200";
    public const string UserId = "100";

    /// <summary>Administrator; "0" is a member with no special permissions.</summary>
    public const string Admin = "8";

    public static string Token(string id) => "tok-" + id;

    public static string Mood(string id, string text, string channel = ChannelId) =>
        Command(id, "mood", $$"""[{"name":"text","type":3,"value":{{JsonSerializer.Serialize(text)}}}]""", channel: channel);

    public static string Command(string id, string name, string options = "[]", string permissions = "0", string channel = ChannelId) =>
        $$"""
        {"id":"{{id}}","application_id":"{{ApplicationId}}","type":2,"token":"{{Token(id)}}","version":1,
         "guild_id":"{{GuildId}}","channel_id":"{{channel}}","channel":{"id":"{{channel}}","name":"general","type":0},
         "member":{"user":{"id":"{{UserId}}","username":"sam"},"permissions":"{{permissions}}"},
         "data":{"id":"1","name":"{{name}}","type":1,"options":{{options}} } }
        """;

    public static string SubCommand(string id, string name, string sub, string permissions = "0", string subOptions = "[]") =>
        Command(id, name, $$"""[{"name":"{{sub}}","type":1,"options":{{subOptions}}}]""", permissions);

    public static string Button(string id, string customId, string channel = ChannelId) =>
        $$"""
        {"id":"{{id}}","application_id":"{{ApplicationId}}","type":3,"token":"{{Token(id)}}","version":1,
         "guild_id":"{{GuildId}}","channel_id":"{{channel}}",
         "member":{"user":{"id":"{{UserId}}","username":"sam"},"permissions":"0"},
         "message":{"id":"555","channel_id":"{{channel}}"},
         "data":{"custom_id":{{JsonSerializer.Serialize(customId)}},"component_type":2 } }
        """;
}
