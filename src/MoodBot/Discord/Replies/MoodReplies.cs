using MoodBot.Audio.Catalogue;
using MoodBot.Chat;
using MoodBot.Discord.Rest;
using MoodBot.Lights;
using MoodBot.Lights.Links;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;

namespace MoodBot.Discord.Replies;

/// <summary>
/// A reading made into a reply: in a channel linked to a room its tracks join the room's queue
/// (everyone there hears them), elsewhere they are picked for the channel alone.
/// </summary>
internal sealed class MoodReplies(
    MoodConversations conversations, ReadingMusic music, RoomService rooms, DiscordRooms links, ReadingMessage message, MoodLights lights)
{
    public async ValueTask<MessageCreate> ReadAsync(string conversation, string? channelId, string text, CancellationToken cancellationToken)
    {
        var reading = await conversations.ReadAsync(conversation, text, cancellationToken).ConfigureAwait(false);
        return await ReplyAsync(conversation, channelId, reading, text, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<MessageCreate> ReplyAsync(string conversation, string? channelId, MoodReading reading, string? said, CancellationToken cancellationToken)
    {
        var places = new List<string>(2);
        if (channelId is not null)
        {
            places.Add(LightPlace.Discord(channelId));
        }

        if (reading.HasMood && links.RoomOf(channelId) is { } slug)
        {
            var update = await rooms.AddAsync(slug, reading, admin: false, cancellationToken).ConfigureAwait(false);
            if (update.Outcome == RoomOutcome.Done)
            {
                reading = reading with { Tracks = update.Added };

                // The room's lights follow only what the room took (not a locked room's refusal).
                places.Add(LightPlace.Room(slug));
            }
        }

        reading = reading.Tracks is { Count: > 0 } ? reading : music.AddTracks(reading, conversation);
        conversations.Remember(conversation, reading);

        // Returns at once: the bridges are told in the background, never holding up the reply.
        var status = lights.Show(places, reading);
        return message.Build(reading, said, status);
    }
}
