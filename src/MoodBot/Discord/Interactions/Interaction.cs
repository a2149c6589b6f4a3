using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Discord.Interactions;

/// <summary>The fields of an interaction (gateway INTERACTION_CREATE or an HTTP POST) MoodBot reads.</summary>
internal sealed record Interaction(
    [property: JsonPropertyName("id"), JsonRequired] string Id,
    [property: JsonPropertyName("application_id"), JsonRequired] string ApplicationId,
    [property: JsonPropertyName("type"), JsonRequired] InteractionType Type,
    [property: JsonPropertyName("token"), JsonRequired] string Token)
{
    [JsonPropertyName("data")]
    public InteractionData? Data { get; init; }

    [JsonPropertyName("guild_id")]
    public string? GuildId { get; init; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    /// <summary>Set in servers: the member and their permissions in this channel.</summary>
    [JsonPropertyName("member")]
    public InteractionMember? Member { get; init; }

    /// <summary>The bot's own permissions in the channel, a decimal bit set as a string.</summary>
    [JsonPropertyName("app_permissions")]
    public string? AppPermissions { get; init; }

    /// <summary>The channel, partly: its name names a room made for it.</summary>
    [JsonPropertyName("channel")]
    public InteractionChannel? Channel { get; init; }

    /// <summary>Set in DMs.</summary>
    [JsonPropertyName("user")]
    public DiscordUser? User { get; init; }

    [JsonIgnore]
    public string? UserId => Member?.User?.Id ?? User?.Id;

    /// <summary>What replies and music memory are keyed on: the channel, or the person in a DM.</summary>
    [JsonIgnore]
    public string Conversation => "discord:" + (ChannelId ?? UserId ?? Id);

    /// <summary>The option's string value, looking inside a sub-command too.</summary>
    public string? Option(string name) => FindOption(Data?.Options, name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public bool? BooleanOption(string name) =>
        FindOption(Data?.Options, name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>The first sub-command's name ("link" in <c>/room link</c>).</summary>
    public string? SubCommand => Data?.Options?.FirstOrDefault(o => o.Type == 1)?.Name;

    private static InteractionOption? FindOption(IReadOnlyList<InteractionOption>? options, string name)
    {
        foreach (var option in options ?? [])
        {
            if (option.Name == name && option.Type != 1)
            {
                return option;
            }

            if (FindOption(option.Options, name) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}

internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

internal sealed record InteractionData
{
    /// <summary>The command's name, for application commands.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>The button's custom id, for message components.</summary>
    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }
}

internal sealed record InteractionOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] int Type)
{
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<InteractionOption>? Options { get; init; }
}

internal sealed record InteractionMember
{
    [JsonPropertyName("user")]
    public DiscordUser? User { get; init; }

    /// <summary>The member's permissions in the channel, a decimal bit set as a string.</summary>
    [JsonPropertyName("permissions")]
    public string? Permissions { get; init; }
}

internal sealed record DiscordUser([property: JsonPropertyName("id"), JsonRequired] string Id)
{
    [JsonPropertyName("bot")]
    public bool Bot { get; init; }
}

internal sealed record InteractionChannel
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
