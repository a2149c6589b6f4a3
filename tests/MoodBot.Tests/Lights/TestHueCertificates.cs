using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MoodBot.Lights.Bridges;

namespace MoodBot.Tests.Lights;

/// <summary>
/// A test certificate authority standing in for Hue's root CA, and bridge certificates as a bridge
/// has them (CN = bridge id, signed by the CA), made fresh per test run: no key material in git.
/// </summary>
internal static class TestHueCertificates
{
    private static readonly Lazy<X509Certificate2> LazyCa = new(() => CreateCa("MoodBot test Hue root"));
    private static readonly Lazy<X509Certificate2> LazyOtherCa = new(() => CreateCa("Someone else's root"));

    /// <summary>The fake bridges' root: what <see cref="Trust"/> trusts.</summary>
    public static X509Certificate2 Ca => LazyCa.Value;

    /// <summary>A root no test trusts.</summary>
    public static X509Certificate2 OtherCa => LazyOtherCa.Value;

    public static HueTrustRoots Trust => new([X509CertificateLoader.LoadCertificate(Ca.RawData)]);

    /// <summary>A bridge certificate with the CN <paramref name="commonName"/>, signed by <paramref name="issuer"/> (or by itself when null).</summary>
    public static X509Certificate2 Bridge(string commonName, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"C=NL, O=Philips Hue, CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var (notBefore, notAfter) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        X509Certificate2 certificate;
        if (issuer is null)
        {
            certificate = request.CreateSelfSigned(notBefore, notAfter);
        }
        else
        {
            using var signed = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
            certificate = signed.CopyWithPrivateKey(key);
        }

        // Through PKCS#12 so that Kestrel gets a key it can use on every platform.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"C=NL, O=MoodBot tests, CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));
    }
}
