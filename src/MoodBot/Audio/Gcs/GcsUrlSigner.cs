using System.Runtime.CompilerServices;
using Google.Api.Gax;
using Google.Cloud.Storage.V1;

namespace MoodBot.Audio.Gcs;

/// <summary>V4 signed GET URLs with the configured expiry, timed by the host's <see cref="TimeProvider"/>.</summary>
internal sealed class GcsUrlSigner
{
    private readonly UrlSigner _signer;

    public GcsUrlSigner(UrlSigner signer, TimeSpan expiry, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        _signer = WithTimeProvider(signer, time);
        Expiry = expiry;
    }

    public TimeSpan Expiry { get; }

    public Task<string> SignGetAsync(GcsUri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var request = UrlSigner.RequestTemplate.FromBucket(uri.Bucket).WithObjectName(uri.ObjectName).WithHttpMethod(HttpMethod.Get);
        var options = UrlSigner.Options.FromDuration(Expiry).WithSigningVersion(SigningVersion.V4);
        return _signer.SignAsync(request, options, cancellationToken);
    }

    /// <summary>
    /// UrlSigner reads its own system clock and keeps <c>WithClock</c> internal. With the system
    /// TimeProvider that clock is already the right one, so the host never touches the internal
    /// member; only a substituted clock (tests, replay) goes through it.
    /// </summary>
    internal static UrlSigner WithTimeProvider(UrlSigner signer, TimeProvider time) =>
        ReferenceEquals(time, TimeProvider.System) ? signer : WithClock(signer, new TimeProviderClock(time));

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "WithClock")]
    private static extern UrlSigner WithClock(UrlSigner signer, IClock clock);
}
