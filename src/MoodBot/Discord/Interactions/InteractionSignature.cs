using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace MoodBot.Discord.Interactions;

/// <summary>
/// Checks that an HTTP interaction came from Discord: an Ed25519 signature (hex, header
/// X-Signature-Ed25519) over the UTF-8 of X-Signature-Timestamp followed by the raw body, under
/// the application's public key.
/// </summary>
internal sealed class InteractionSignature(IOptions<DiscordOptions> options)
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureBytes = 64;

    // Options validation has checked it is 64 hex digits.
    private readonly PublicKey? _key = string.IsNullOrEmpty(options.Value.PublicKey)
        ? null
        : PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(options.Value.PublicKey), KeyBlobFormat.RawPublicKey);

    /// <summary>Without <see cref="DiscordOptions.PublicKey"/> the HTTP endpoint is off.</summary>
    public bool IsEnabled => _key is not null;

    public bool Verify(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (_key is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: SignatureBytes * 2 })
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var at = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(at));
        return SignatureAlgorithm.Ed25519.Verify(_key, signed, signature);
    }
}
