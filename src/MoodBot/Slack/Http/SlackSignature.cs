using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MoodBot.Slack.Http;

/// <summary>
/// Slack's request signing (v0): <c>v0=</c> + hex(HMAC-SHA256(secret, <c>v0:{timestamp}:{raw body}</c>)),
/// compared in constant time, with the timestamp within a window of now so a captured request
/// cannot be replayed later.
/// </summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
