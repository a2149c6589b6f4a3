using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>Playing in Discord voice channels (<c>Discord:Voice</c>).</summary>
internal sealed class VoiceOptions : IValidatableObject
{
    public const string Section = "Discord:Voice";

    /// <summary>How long the bot stays in a voice channel with no people in it before leaving.</summary>
    public TimeSpan LeaveWhenEmptyAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>24/7 listening rooms: never leave an empty channel; only <c>/stop</c> makes the bot leave.</summary>
    public bool StayInChannel { get; set; }

    /// <summary>How long a join may take: the two gateway events, then the voice handshake.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Opus bitrate sent; Discord's channels play up to 64 kbps (96 to 384 with boosts).</summary>
    [Range(16_000, 384_000)]
    public int Bitrate { get; set; } = 64_000;

    /// <summary>
    /// The scheme of the voice gateway URL built from VOICE_SERVER_UPDATE's endpoint. Discord's
    /// endpoints are <c>wss</c>; tests point the endpoint at a loopback fake speaking <c>ws</c>.
    /// </summary>
    [Required]
    public string GatewayScheme { get; set; } = "wss";

    public Uri GatewayUri(string endpoint) => VoiceServerInfo.GatewayUriFor(endpoint, GatewayScheme);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaveWhenEmptyAfter < TimeSpan.Zero || LeaveWhenEmptyAfter > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Discord:Voice:LeaveWhenEmptyAfter must be between 0 and 1 day (use StayInChannel for 24/7).", [nameof(LeaveWhenEmptyAfter)]);
        }

        if (JoinTimeout <= TimeSpan.Zero || JoinTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Discord:Voice:JoinTimeout must be more than 0 and at most 5 minutes.", [nameof(JoinTimeout)]);
        }

        if (GatewayScheme is not ("ws" or "wss"))
        {
            yield return new ValidationResult("Discord:Voice:GatewayScheme must be wss (or ws for a loopback test server).", [nameof(GatewayScheme)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class VoiceOptionsValidator : IValidateOptions<VoiceOptions>;
