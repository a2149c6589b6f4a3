namespace MoodBot.Rooms;

/// <summary>What else can play along with a room; stored by <see cref="RoomLinkStore"/> as these names.</summary>
internal static class RoomLinkKind
{
    public const string DiscordVoice = "discord_voice";
    public const string DiscordText = "discord_text";
    public const string SlackChannel = "slack_channel";

    public static IReadOnlyList<string> All { get; } = [DiscordVoice, DiscordText, SlackChannel];
}
