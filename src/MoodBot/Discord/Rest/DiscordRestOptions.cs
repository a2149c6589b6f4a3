using System.ComponentModel.DataAnnotations;

namespace MoodBot.Discord.Rest;

internal sealed class DiscordRestOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token. Sent only in the Authorization header; never logged.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>The API root; tests point it at a loopback fake.</summary>
    public Uri BaseAddress { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Retries of one request after a 429, a 5xx or a failed connection, before giving up.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The wait before retrying a 5xx, multiplied by the attempt number.</summary>
    public TimeSpan ServerErrorDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait when a 429 names no retry time.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
