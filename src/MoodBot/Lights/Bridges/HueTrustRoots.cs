using System.Security.Cryptography.X509Certificates;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// The certificate authorities a bridge's certificate must chain to. Hue bridges are not publicly
/// trusted, so the system store is never consulted: only these roots (Philips Hue's
/// <c>root-bridge</c> and Signify's <c>Hue Root CA 01</c>, embedded in HueRootCertificates.pem), or
/// a test's own CA.
/// </summary>
internal sealed class HueTrustRoots(X509Certificate2Collection certificates)
{
    private const string Resource = "MoodBot.Lights.Bridges.HueRootCertificates.pem";

    private static readonly Lazy<HueTrustRoots> Embedded = new(Load);

    /// <summary>The real Hue roots, as embedded in the assembly.</summary>
    public static HueTrustRoots Hue => Embedded.Value;

    public X509Certificate2Collection Certificates { get; } = certificates.Count > 0
        ? certificates
        : throw new ArgumentException("at least one trust root is needed", nameof(certificates));

    private static HueTrustRoots Load()
    {
        using var stream = typeof(HueTrustRoots).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        var roots = new X509Certificate2Collection();
        // ImportFromPem skips the explanatory text between the certificates.
        roots.ImportFromPem(reader.ReadToEnd());
        return new HueTrustRoots(roots);
    }
}
