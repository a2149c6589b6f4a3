using System.Globalization;

namespace MoodBot.Discord.Rest;

/// <summary>
/// One API route: the template names it in logs and errors (it never holds a token), the path
/// is what goes on the wire, and the major parameters (channel, guild, webhook + token) split
/// one route into the separate rate-limit buckets Discord keeps for it.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameters)
{
    public string Name => $"{Method.Method} {Template}";

    /// <summary>What the limiter keys on until Discord tells it the bucket's hash.</summary>
    public string Key => $"{Name} {MajorParameters}";

    public static DiscordRoute GlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "/applications/{application.id}/commands", $"applications/{Id(applicationId)}/commands", "");

    public static DiscordRoute GuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "/applications/{application.id}/guilds/{guild.id}/commands",
            $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", "guild:" + guildId);

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction.id}/{interaction.token}/callback",
            $"interactions/{Id(interactionId)}/{Token(token)}/callback", $"interaction:{interactionId}/{token}");

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            $"webhooks/{Id(applicationId)}/{Token(token)}/messages/@original", $"webhook:{applicationId}/{token}");

    public static DiscordRoute Followup(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{application.id}/{interaction.token}",
            $"webhooks/{Id(applicationId)}/{Token(token)}?wait=true", $"webhook:{applicationId}/{token}");

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel.id}/messages", $"channels/{Id(channelId)}/messages", "channel:" + channelId);

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, "/channels/{channel.id}/messages/{message.id}", $"channels/{Id(channelId)}/messages/{Id(messageId)}", "channel:" + channelId);

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "gateway/bot", "");

    // Snowflakes are decimal; anything else would let a caller steer the request to another path.
    private static string Id(string snowflake) =>
        snowflake.Length is > 0 and <= 20 && snowflake.All(char.IsAsciiDigit)
            ? snowflake
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{snowflake}' is not a snowflake"), nameof(snowflake));

    private static string Token(string token) =>
        string.IsNullOrEmpty(token) ? throw new ArgumentException("empty interaction token", nameof(token)) : Uri.EscapeDataString(token);
}
