using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// Makes and checks the tokens in <c>/audio/{token}</c> links: an <see cref="AudioLink"/> and an
/// expiry, signed with HMAC-SHA256, so a link cannot be forged, altered, enumerated or used after it expires.
/// </summary>
internal sealed class AudioLinkSigner(byte[] key, TimeProvider time)
{
    public const int MinimumKeyBytes = 32;
    private const string Version = "1";
    private const int MaxTokenChars = 4096;

    public string Sign(AudioLink link, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{expires}|{link.Mood}|{link.Seconds}|{link.Location}"));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    public AudioLinkStatus Verify(string token, out AudioLink? link)
    {
        link = null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenChars || dot <= 0)
        {
            return AudioLinkStatus.Invalid;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return AudioLinkStatus.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return AudioLinkStatus.Invalid;
        }

        // Signed by us, so the layout is ours; still parsed defensively.
        var parts = Encoding.UTF8.GetString(payload).Split('|', 5);
        if (parts.Length != 5 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return AudioLinkStatus.Invalid;
        }

        link = new AudioLink(parts[4], parts[2], seconds);
        return time.GetUtcNow().ToUnixTimeSeconds() >= expires ? AudioLinkStatus.Expired : AudioLinkStatus.Valid;
    }
}
