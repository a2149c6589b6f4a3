using System.Diagnostics.CodeAnalysis;

namespace MoodBot.Voice.Transport;

/// <summary>Wire names of <see cref="TransportEncryptionMode"/> and the choice among offered modes.</summary>
public static class TransportEncryptionModes
{
    /// <summary>Wire name of <see cref="TransportEncryptionMode.Aes256GcmRtpSize"/>.</summary>
    public const string Aes256GcmRtpSize = "aead_aes256_gcm_rtpsize";

    /// <summary>Wire name of <see cref="TransportEncryptionMode.XChaCha20Poly1305RtpSize"/>.</summary>
    public const string XChaCha20Poly1305RtpSize = "aead_xchacha20_poly1305_rtpsize";

    /// <summary>The name sent in Select Protocol and received in Session Description.</summary>
    public static string ToWireName(this TransportEncryptionMode mode) => mode switch
    {
        TransportEncryptionMode.Aes256GcmRtpSize => Aes256GcmRtpSize,
        TransportEncryptionMode.XChaCha20Poly1305RtpSize => XChaCha20Poly1305RtpSize,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Parses a wire name; false for discontinued or unknown modes.</summary>
    public static bool TryParse(string? name, out TransportEncryptionMode mode)
    {
        switch (name)
        {
            case Aes256GcmRtpSize:
                mode = TransportEncryptionMode.Aes256GcmRtpSize;
                return true;
            case XChaCha20Poly1305RtpSize:
                mode = TransportEncryptionMode.XChaCha20Poly1305RtpSize;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>
    /// Picks AES-256-GCM when the server offers it (Discord prefers it, and .NET runs it on AES-NI),
    /// else XChaCha20-Poly1305; false when neither is offered.
    /// </summary>
    public static bool TryChoose(IEnumerable<string> offered, [NotNullWhen(true)] out TransportEncryptionMode? mode)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var names = offered as IReadOnlyCollection<string> ?? [.. offered];
        mode = names.Contains(Aes256GcmRtpSize) ? TransportEncryptionMode.Aes256GcmRtpSize
            : names.Contains(XChaCha20Poly1305RtpSize) ? TransportEncryptionMode.XChaCha20Poly1305RtpSize
            : null;
        return mode is not null;
    }
}
