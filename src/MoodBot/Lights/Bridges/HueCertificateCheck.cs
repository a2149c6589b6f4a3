using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// The TLS check for one bridge: the certificate must chain to a Hue root (and only to one), and
/// its subject CN, which a bridge sets to its id, must be the id we paired with. Bridges are reached
/// by IP address, so the host-name mismatch is the one error this tolerates; the chain is built
/// again here against the Hue roots rather than taken from the system's verdict. With no expected
/// id (pairing a bridge not yet known) the chain alone is checked and the id is learnt from the CN.
/// </summary>
internal sealed class HueCertificateCheck(HueTrustRoots roots, string? expectedId)
{
    /// <summary>The id the bridge's certificate named on the last accepted handshake, lower case.</summary>
    public string? PresentedId { get; private set; }

    public string? ExpectedId { get; } = expectedId;

    public static bool IsBridgeId(string? id) =>
        id is { Length: 16 } && id.All(char.IsAsciiHexDigit);

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>: true, or a <see cref="HueCertificateException"/> saying why not.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            throw new HueCertificateException("the device presented no certificate: is the address a Hue bridge?");
        }

        using var copy = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var leaf = copy ?? (X509Certificate2)certificate;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.Certificates);
        // A bridge has no revocation service to ask, and it is offline-first by design.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // The intermediates the bridge sent, if any; they are only links, never trusted as roots.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        if (!chain.Build(leaf))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
            throw new HueCertificateException(
                $"its certificate is not signed by the Hue root CA ({status}): is the address a Hue bridge? (an old bridge may need a firmware update in the Hue app)");
        }

        var name = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!IsBridgeId(name))
        {
            throw new HueCertificateException($"its certificate names '{name}', not a bridge id: is the address a Hue bridge?");
        }

        var id = name.ToLower(CultureInfo.InvariantCulture);
        // Once learnt, the id is pinned: a later connection of the same pairing cannot switch bridges.
        if ((ExpectedId ?? PresentedId) is { } expected && !string.Equals(id, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new HueCertificateException(
                $"the certificate is for bridge {id}, not bridge {expected.ToLower(CultureInfo.InvariantCulture)}: another bridge answers at that address now; pair again with `lights pair`");
        }

        PresentedId = id;
        return true;
    }
}
