using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Discord.Gateway;

/// <summary>The Discord adapter; without a token it stays off.</summary>
internal sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>The bot token. A secret: never logged.</summary>
    public string? Token { get; set; }

    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.GuildVoiceStates;

    /// <summary>Privileged; mentions, DMs and slash commands work without it.</summary>
    public bool MessageContent { get; set; }

    [Range(0, 4095)]
    public int ShardId { get; set; }

    [Range(1, 4096)]
    public int ShardCount { get; set; } = 1;

    /// <summary>Where to connect; the default is Discord's, tests point it at loopback.</summary>
    [Required]
    public Uri GatewayUrl { get; set; } = new("wss://gateway.discord.gg/");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public GatewayIntents EffectiveIntents =>
        MessageContent ? Intents | GatewayIntents.MessageContent : Intents & ~GatewayIntents.MessageContent;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ShardId >= ShardCount)
        {
            yield return new ValidationResult("Discord:ShardId must be less than Discord:ShardCount.", [nameof(ShardId)]);
        }

        if (GatewayUrl is { } url && url.Scheme is not ("ws" or "wss"))
        {
            yield return new ValidationResult("Discord:GatewayUrl must be a ws:// or wss:// URL.", [nameof(GatewayUrl)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
