using System.Globalization;

namespace MoodBot.Discord.Interactions;

/// <summary>The permission bits MoodBot checks before changing what a whole channel shares.</summary>
internal static class Permissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong Connect = 1UL << 20;
    public const ulong Speak = 1UL << 21;

    public const string ManageChannelsRefusal = "Only people who can manage this channel can do that.";

    /// <summary>
    /// True in DMs (the person's own conversation) and for members with Manage Channels or
    /// Administrator; an interaction with unreadable permissions is refused.
    /// </summary>
    public static bool CanManageChannel(Interaction interaction)
    {
        if (interaction.Member is null)
        {
            return interaction.GuildId is null;
        }

        return ulong.TryParse(interaction.Member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (bits & (Administrator | ManageChannels)) != 0;
    }

    /// <summary>
    /// Whether the bot may join and speak, as far as the interaction tells: <c>app_permissions</c>
    /// are the bot's permissions in the channel the command came from (for a voice channel's own
    /// text chat, that channel). Unknown (no field) counts as allowed; Discord then refuses the
    /// join itself, which the join timeout reports.
    /// </summary>
    public static bool BotCanSpeak(Interaction interaction) =>
        interaction.AppPermissions is not { } text
        || (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && ((bits & Administrator) != 0 || (bits & (Connect | Speak)) == (Connect | Speak)));
}
