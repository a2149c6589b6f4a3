namespace MoodBot.Voice.Gateway;

/// <summary>
/// Voice close codes (opcodes-and-status-codes docs, "Voice Close Event Codes") and what each means
/// for reconnecting.
/// </summary>
public static class VoiceCloseCodes
{
    /// <summary>Not sent by Discord: the connection dropped without a close frame, or heartbeats went unanswered.</summary>
    public const int AbnormalClosure = 1006;

    /// <summary>4001: we sent an invalid opcode.</summary>
    public const int UnknownOpcode = 4001;

    /// <summary>4002: we sent a payload that failed to decode.</summary>
    public const int FailedToDecode = 4002;

    /// <summary>4003: we sent a payload before Identify.</summary>
    public const int NotAuthenticated = 4003;

    /// <summary>4004: the token in Identify was wrong.</summary>
    public const int AuthenticationFailed = 4004;

    /// <summary>4005: we sent Identify twice.</summary>
    public const int AlreadyAuthenticated = 4005;

    /// <summary>4006: the session is no longer valid.</summary>
    public const int SessionNoLongerValid = 4006;

    /// <summary>4009: the session timed out.</summary>
    public const int SessionTimeout = 4009;

    /// <summary>4011: the server in Identify is unknown.</summary>
    public const int ServerNotFound = 4011;

    /// <summary>4012: the protocol in Select Protocol is unknown.</summary>
    public const int UnknownProtocol = 4012;

    /// <summary>4014: channel deleted, we were kicked or moved, the voice server changed, or the main session dropped. Do not reconnect.</summary>
    public const int Disconnected = 4014;

    /// <summary>4015: the voice server crashed; resume.</summary>
    public const int VoiceServerCrashed = 4015;

    /// <summary>4016: the encryption mode in Select Protocol is unknown.</summary>
    public const int UnknownEncryptionMode = 4016;

    /// <summary>4017: the call requires DAVE and Identify did not offer it.</summary>
    public const int DaveProtocolRequired = 4017;

    /// <summary>4020: we sent a malformed request.</summary>
    public const int BadRequest = 4020;

    /// <summary>4021: rate limited. Do not reconnect.</summary>
    public const int RateLimited = 4021;

    /// <summary>4022: the call was terminated (channel deleted, voice server changed). Do not reconnect.</summary>
    public const int CallTerminated = 4022;

    /// <summary>
    /// Resume only when the session itself survived: a crashed voice server (4015, "try resuming")
    /// or a transport failure (codes below 4000, as discord.js and NetCord do). A lost or timed-out
    /// session (4006, 4009) needs a fresh one from the main gateway. The docs say not to reconnect
    /// after 4014, 4021 and 4022; the remaining 4xxx codes report a bug in our own payloads, where
    /// reconnecting would only repeat it, so they stop too, as does any code the docs do not list.
    /// </summary>
    public static VoiceCloseAction Classify(int code) => code switch
    {
        < 4000 => VoiceCloseAction.Resume,
        VoiceServerCrashed => VoiceCloseAction.Resume,
        SessionNoLongerValid or SessionTimeout => VoiceCloseAction.Rejoin,
        _ => VoiceCloseAction.Stop,
    };
}
