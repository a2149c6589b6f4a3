using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Streaming;

/// <summary>How audio links are made and served.</summary>
internal sealed class AudioOptions
{
    public const string Section = "Audio";

    /// <summary>
    /// The address people reach this host at, for links posted in chat (e.g. https://moodbot.example.com).
    /// Empty: the host's own first URL, which only works on this machine.
    /// </summary>
    [RegularExpression(@"^https?://[^\s/?#]+(/[^\s?#]*)?$", ErrorMessage = "Audio:PublicBaseUrl must be an absolute http:// or https:// address such as https://moodbot.example.com.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a posted link keeps working, so links in chat cannot be reused forever.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Audio:LinkLifetime must be between 1 minute and 30 days.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs links; a secret, so set it through environment or
    /// user secrets. Empty: a random key is made once and kept in the state folder.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>
    /// Render the catalogue's soundscapes into the cache after start (one core for about a minute,
    /// roughly 2.5 MB of disk per track), so their links start playing at once.
    /// </summary>
    public bool PrerenderCatalogue { get; set; } = true;

    /// <summary>Opus bitrate of streamed soundscapes, in bits per second.</summary>
    [Range(32_000, 256_000)]
    public int OpusBitrate { get; set; } = 128_000;
}

[OptionsValidator]
internal sealed partial class AudioOptionsValidator : IValidateOptions<AudioOptions>;
