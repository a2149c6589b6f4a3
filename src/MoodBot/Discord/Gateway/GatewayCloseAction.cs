namespace MoodBot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayCloseAction
{
    Resume,
    Identify,
    Fatal,
}
