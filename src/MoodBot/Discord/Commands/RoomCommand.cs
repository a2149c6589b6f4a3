using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Rooms;

namespace MoodBot.Discord.Commands;

/// <summary>
/// <c>/room link|unlink|show</c>: a linked channel's moods queue music in a shared listening
/// room, the web page everyone can play along on.
/// </summary>
internal sealed class RoomCommand(RoomService rooms, DiscordRooms links) : ISlashCommand
{
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
            _ => InteractionReply.Private("Use `/room link`, `/room unlink` or `/room show`."),
        };
    }

    private InteractionReply Show(string channel) =>
        links.RoomOf(channel) is { } slug && rooms.Find(slug) is { } room
            ? InteractionReply.Public($"This channel's moods play in **{DiscordText.Escape(room.Name, 100)}**: {links.PageUrl(slug)}")
            : InteractionReply.Private("This channel is not linked to a room. `/room link` makes one.");

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
