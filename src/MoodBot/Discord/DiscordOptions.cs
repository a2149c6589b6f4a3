using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord;

/// <summary>The Discord adapter: gateway, REST and the HTTP interactions endpoint. Without a token it stays off.</summary>
internal sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>The bot token. A secret: sent only in the Authorization header and Identify, never logged.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// The application's Ed25519 public key (hex, from the developer portal), for the HTTP
    /// interactions endpoint. Without it <c>POST /discord/interactions</c> answers 404.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Register the commands in this guild only (instant, for development) instead of globally.</summary>
    public string? DevelopmentGuildId { get; set; }

    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.GuildVoiceStates;

    /// <summary>Privileged; mentions, DMs and slash commands work without it.</summary>
    public bool MessageContent { get; set; }

    /// <summary>
    /// The shards this process runs, one gateway connection each; empty means shard 0 alone.
    /// Empty rather than <c>[0]</c> by default because configuration binding appends to an
    /// array it finds filled, which would turn <c>ShardIds: [0, 1]</c> into <c>[0, 0, 1]</c>.
    /// </summary>
    public int[] ShardIds { get; set; } = [];

    /// <summary>The total number of shards across every process (Identify's <c>shard[1]</c>).</summary>
    [Range(1, 4096)]
    public int ShardCount { get; set; } = 1;

    /// <summary>The shards to run: <see cref="ShardIds"/>, or shard 0 when none are listed.</summary>
    public IReadOnlyList<int> EffectiveShardIds => ShardIds is { Length: > 0 } ids ? ids : [0];

    public static readonly Uri DefaultGatewayUrl = new("wss://gateway.discord.gg/");

    /// <summary>
    /// Where to connect. Left at Discord's default, the URL GET /gateway/bot names is used; set to
    /// anything else (a proxy, a test's loopback fake), this one is.
    /// </summary>
    [Required]
    public Uri GatewayUrl { get; set; } = DefaultGatewayUrl;

    /// <summary>The API root; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Retries of one request after a 429, a 5xx or a failed connection, before giving up.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The wait before retrying a 5xx, multiplied by the attempt number.</summary>
    public TimeSpan ServerErrorDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait when a 429 names no retry time.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public GatewayIntents EffectiveIntents =>
        MessageContent ? Intents | GatewayIntents.MessageContent : Intents & ~GatewayIntents.MessageContent;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((ShardIds ?? []).Any(id => id < 0 || id >= ShardCount))
        {
            yield return new ValidationResult("Every Discord:ShardIds entry must be at least 0 and less than Discord:ShardCount.", [nameof(ShardIds)]);
        }

        if ((ShardIds ?? []).Distinct().Count() != (ShardIds ?? []).Length)
        {
            yield return new ValidationResult("Discord:ShardIds lists a shard twice; each shard may have one connection only.", [nameof(ShardIds)]);
        }

        if (GatewayUrl is { } url && url.Scheme is not ("ws" or "wss"))
        {
            yield return new ValidationResult("Discord:GatewayUrl must be a ws:// or wss:// URL.", [nameof(GatewayUrl)]);
        }

        if (ApiUrl is { } api && api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Discord:ApiUrl must be an http:// or https:// URL.", [nameof(ApiUrl)]);
        }

        if (!string.IsNullOrEmpty(PublicKey) && (PublicKey.Length != 64 || !PublicKey.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("Discord:PublicKey must be the 64 hex digits the developer portal shows.", [nameof(PublicKey)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
