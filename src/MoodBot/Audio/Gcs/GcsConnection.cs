using Google.Cloud.Storage.V1;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// What the configured access allows: a client to list with (null when gs:// is unavailable) and a
/// signer (null when the credential cannot sign, or for anonymous access to a public bucket).
/// </summary>
internal sealed record GcsConnection(StorageClient? Client, GcsUrlSigner? Signer, string? UnavailableReason)
{
    public bool IsAvailable => Client is not null;

    public static GcsConnection Unavailable(string reason) => new(null, null, reason);
}
