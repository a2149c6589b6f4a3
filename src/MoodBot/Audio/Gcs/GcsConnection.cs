using Google.Cloud.Storage.V1;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// What the configured access allows: a client to list with (null when gs:// is unavailable), a
/// signer (null when the credential cannot sign, or for anonymous access), and whether objects are
/// public, so an unsigned URL is enough.
/// </summary>
internal sealed record GcsConnection(StorageClient? Client, GcsUrlSigner? Signer, bool PublicObjects, string? UnavailableReason)
{
    public bool IsAvailable => Client is not null;

    public static GcsConnection Unavailable(string reason) => new(null, null, false, reason);
}
