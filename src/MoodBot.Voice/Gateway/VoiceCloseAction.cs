namespace MoodBot.Voice.Gateway;

/// <summary>What a voice gateway close code tells the client to do next.</summary>
public enum VoiceCloseAction
{
    /// <summary>Reconnect to the same endpoint and send Resume (op 7): the session survives.</summary>
    Resume,

    /// <summary>The voice session is gone: join again through the main gateway (op 4) for a new session and token.</summary>
    Rejoin,

    /// <summary>Do not reconnect: we were removed, the call ended, we are rate limited, or our client is at fault.</summary>
    Stop,
}
