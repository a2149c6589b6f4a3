namespace MoodBot.Discord.Gateway;

/// <summary>Gateway close codes and whether a session survives them (docs: topics/opcodes-and-status-codes).</summary>
internal static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int SessionTimedOut = 4009;

    /// <summary>The code we close with ourselves to reconnect; anything but 1000/1001 keeps the session.</summary>
    public const int ClientReconnect = 4900;

    public static GatewayCloseAction Classify(int? closeCode) => closeCode switch
    {
        // Authentication failed, invalid shard, sharding required, invalid API version,
        // invalid intents, disallowed intents: retrying cannot help.
        4004 or (>= 4010 and <= 4014) => GatewayCloseAction.Fatal,
        InvalidSeq or SessionTimedOut => GatewayCloseAction.Identify,
        // A normal close from the server ends the session too.
        1000 or 1001 => GatewayCloseAction.Identify,
        // 4000-4003, 4005, 4008, network drops and anything unknown: try to resume.
        _ => GatewayCloseAction.Resume,
    };
}
