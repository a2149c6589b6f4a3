namespace MoodBot.Audio.Streaming;

internal enum AudioLinkStatus
{
    Valid,

    /// <summary>Not made by this host (or tampered with): 403.</summary>
    Invalid,

    /// <summary>Genuine but past its lifetime: 410.</summary>
    Expired,
}
