using MoodBot.Audio.Catalogue;
using MoodBot.Chat;
using MoodBot.Discord.Rest;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;

namespace MoodBot.Discord.Replies;

/// <summary>
/// A reading made into a reply: in a channel linked to a room its tracks join the room's queue
/// (everyone there hears them), elsewhere they are picked for the channel alone.
/// </summary>
internal sealed class MoodReplies(MoodConversations conversations, ReadingMusic music, RoomService rooms, DiscordRooms links, ReadingMessage message)
{
    public async ValueTask<MessageCreate> ReadAsync(string conversation, string? channelId, string text, CancellationToken cancellationToken)
    {
        var reading = await conversations.ReadAsync(conversation, text, cancellationToken).ConfigureAwait(false);
        return await ReplyAsync(conversation, channelId, reading, text, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<MessageCreate> ReplyAsync(string conversation, string? channelId, MoodReading reading, string? said, CancellationToken cancellationToken)
    {
        if (reading.HasMood && links.RoomOf(channelId) is { } slug)
        {
            var update = await rooms.AddAsync(slug, reading, admin: false, cancellationToken).ConfigureAwait(false);
            if (update.Outcome == RoomOutcome.Done)
            {
                reading = reading with { Tracks = update.Added };
            }
        }

        reading = reading.Tracks is { Count: > 0 } ? reading : music.AddTracks(reading, conversation);
        conversations.Remember(conversation, reading);
        return message.Build(reading, said);
    }
}
