namespace MoodBot.Discord.Gateway;

/// <summary>Gateway v10 opcodes (docs: topics/opcodes-and-status-codes).</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
    RequestSoundboardSounds = 31,
    RequestChannelInfo = 43,
}
