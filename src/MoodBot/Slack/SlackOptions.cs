using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Slack;

/// <summary>
/// The Slack adapter. Without a bot token it stays off; with an app-level token it connects over
/// Socket Mode, and with a signing secret it answers the HTTP endpoints. The three are secrets:
/// they come from environment variables or user secrets, are sent only where Slack wants them,
/// and are never logged.
/// </summary>
internal sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>How every bot token starts.</summary>
    public const string BotTokenPrefix = "xoxb-";

    /// <summary>How every app-level token starts.</summary>
    public const string AppTokenPrefix = "xapp-";

    /// <summary>The bot token (<c>xoxb-</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-</c>, scope <c>connections:write</c>) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Verifies the HTTP endpoints' requests; without it they answer 404.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The Web API root; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Retries of one call after a 429, a 5xx or a failed connection, before giving up.</summary>
    [Range(0, 50)]
    public int MaxRetries { get; set; } = 10;

    /// <summary>The wait when a 429 names no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between two <c>chat.postMessage</c> calls to one channel: Slack allows about
    /// one message a second per channel, so MoodBot spaces them rather than collect 429s. Zero turns it off.
    /// </summary>
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an envelope's handler may work before its ack goes out without a reply payload
    /// (Slack wants the ack within 3 s; the rest is margin for the network).
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How long a new socket may take to say hello before a refresh gives up on it.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP mode: how far a request's timestamp may be from now (Slack says 5 minutes).</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool SocketModeEnabled => IsEnabled && !string.IsNullOrWhiteSpace(AppToken);

    public bool HttpModeEnabled => IsEnabled && !string.IsNullOrWhiteSpace(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiUrl is { } api && api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Slack:ApiUrl must be an http:// or https:// URL.", [nameof(ApiUrl)]);
        }

        // A token pasted into the wrong key fails on start with a clear line, not later with invalid_auth.
        if (!string.IsNullOrWhiteSpace(BotToken) && !BotToken.StartsWith(BotTokenPrefix, StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:BotToken must be a bot token (xoxb-...).", [nameof(BotToken)]);
        }

        if (!string.IsNullOrWhiteSpace(AppToken) && !AppToken.StartsWith(AppTokenPrefix, StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:AppToken must be an app-level token (xapp-...).", [nameof(AppToken)]);
        }

        if (ChannelPostInterval < TimeSpan.Zero || ChannelPostInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Slack:ChannelPostInterval must be between 0 and 1 minute.", [nameof(ChannelPostInterval)]);
        }

        if (AckBudget <= TimeSpan.Zero || AckBudget >= TimeSpan.FromSeconds(3))
        {
            yield return new ValidationResult("Slack:AckBudget must be more than 0 and less than Slack's 3 seconds.", [nameof(AckBudget)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>;
