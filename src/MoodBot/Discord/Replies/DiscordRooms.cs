using MoodBot.Audio.Streaming;
using MoodBot.Rooms;

namespace MoodBot.Discord.Replies;

/// <summary>Which listening room a Discord channel is linked to, and the room page's address.</summary>
internal sealed class DiscordRooms(RoomLinkStore links, TrackLinker linker)
{
    public string? RoomOf(string? channelId) => channelId is null ? null : links.RoomOf(RoomLinkKind.DiscordText, channelId);

    public void Link(string slug, string channelId) => links.Link(slug, RoomLinkKind.DiscordText, channelId);

    public bool Unlink(string channelId) => links.Unlink(RoomLinkKind.DiscordText, channelId);

    public string PageUrl(string slug) => linker.Absolute("rooms/" + Uri.EscapeDataString(slug)).ToString();
}
