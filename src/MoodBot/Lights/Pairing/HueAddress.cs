using System.Diagnostics.CodeAnalysis;

namespace MoodBot.Lights.Pairing;

/// <summary>A bridge address as a person types it (192.168.1.20, a host name, with a port or https://) made the base URI the clients use.</summary>
internal static class HueAddress
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "the bridge address is empty; give its IP address, e.g. 192.168.1.20";
            return false;
        }

        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{trimmed}': bridges are reached over HTTPS only; give just the address, e.g. 192.168.1.20";
            return false;
        }

        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            error = $"'{trimmed}' is not a bridge address; give its IP address or host name, e.g. 192.168.1.20";
            return false;
        }

        address = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        error = null;
        return true;
    }
}
