using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Voice;
using MoodBot.Rooms;

namespace MoodBot.Discord.Commands;

/// <summary>
/// <c>/room link|unlink|stay|show</c>: a linked channel's moods queue music in a shared listening
/// room, the web page everyone can play along on; <c>stay</c> makes the room 24/7 in voice.
/// </summary>
internal sealed class RoomCommand(RoomService rooms, DiscordRooms links, VoicePlayers players) : ISlashCommand
{
    public const string NotLinked = "This channel is not linked to a room. `/room link` makes one.";

    public const string StayingOn = "24/7 in voice: on (the bot stays in its voice channel when everyone leaves; `/stop` ends it).";

    public const string StayingOff = "24/7 in voice: off (the bot leaves its voice channel once it has been empty for a while).";

    public string Name => "room";

    public InteractionReply Handle(Interaction interaction)
    {
        if (interaction.ChannelId is not { } channel)
        {
            return InteractionReply.Private("Rooms are linked to channels; use this in a channel.");
        }

        return interaction.SubCommand switch
        {
            "show" => Show(channel),
            "link" when !Permissions.CanManageChannel(interaction) => InteractionReply.Private(Permissions.ManageChannelsRefusal),
            "link" => Link(channel, interaction.Option("room"), interaction.Channel?.Name),
            "unlink" when !Permissions.CanManageChannel(interaction) => InteractionReply.Private(Permissions.ManageChannelsRefusal),
            "unlink" => InteractionReply.Private(links.Unlink(channel) ? "This channel is no longer linked to a room." : "This channel was not linked to a room."),
            "stay" when !Permissions.CanManageChannel(interaction) => InteractionReply.Private(Permissions.ManageChannelsRefusal),
            "stay" => Stay(channel, interaction.BooleanOption("on") ?? true, interaction.GuildId),
            _ => InteractionReply.Private("Use `/room link`, `/room unlink`, `/room stay` or `/room show`."),
        };
    }

    private InteractionReply Show(string channel) =>
        links.RoomOf(channel) is { } slug && rooms.Find(slug) is { } room
            ? InteractionReply.Public($"This channel's moods play in **{DiscordText.Escape(room.Name, 100)}**: {links.PageUrl(slug)}\n"
                + (rooms.StaysInVoice(slug) ? StayingOn : StayingOff))
            : InteractionReply.Private(NotLinked);

    private InteractionReply Stay(string channel, bool stay, string? guildId)
    {
        if (links.RoomOf(channel) is not { } slug || !rooms.SetStayInVoice(slug, stay))
        {
            return InteractionReply.Private(NotLinked);
        }

        if (guildId is not null)
        {
            // Turned off while the bot sits in an empty channel: start the countdown now, not at the next join or leave.
            players.OnMembersChanged(guildId);
        }

        return InteractionReply.Public(stay ? StayingOn : StayingOff);
    }

    private InteractionReply Link(string channel, string? existing, string? channelName)
    {
        if (!string.IsNullOrWhiteSpace(existing))
        {
            var slug = existing.Trim().ToLowerInvariant();
            if (rooms.Find(slug) is not { } room)
            {
                return InteractionReply.Private($"There is no room called `{DiscordText.Escape(slug, 64)}`. Leave the option empty to make a new one.");
            }

            links.Link(room.Slug, channel);
            return InteractionReply.Public($"This channel's moods now play in **{DiscordText.Escape(room.Name, 100)}**: {links.PageUrl(room.Slug)}");
        }

        var name = string.IsNullOrWhiteSpace(channelName) ? "Discord listening room" : "#" + channelName;
        var (created, adminToken, _) = rooms.Create(name[..Math.Min(name.Length, RoomsApi.MaxNameChars)], isPrivate: false);
        links.Link(created.Slug, channel);
        return InteractionReply.Private(
            $"Made the room **{DiscordText.Escape(created.Name, 100)}** for this channel: {links.PageUrl(created.Slug)}\n"
            + $"Its admin token (only shown now, keep it to rename or lock the room): `{adminToken}`");
    }
}
