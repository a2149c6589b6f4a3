namespace MoodBot.Discord.Gateway;

/// <summary>The gateway intents MoodBot may ask for.</summary>
[Flags]
internal enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildVoiceStates = 1 << 7,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: the gateway closes with 4014 unless it is enabled for the app.</summary>
    MessageContent = 1 << 15,
}
