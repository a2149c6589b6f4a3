using System.Text;
using MoodBot.Chat;
using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;

namespace MoodBot.Discord.Commands;

/// <summary>
/// What <c>/play</c>, <c>/stop</c>, <c>/skip</c>, <c>/queue</c> and the Play button act on: the
/// listening room linked to the channel, which everyone plays along with on its page.
/// </summary>
internal sealed class RoomPlayback(RoomService rooms, DiscordRooms links, MoodConversations conversations)
{
    public const string NotLinked =
        "This channel is not linked to a listening room yet: `/room link` makes one, and then the music plays there for everyone. "
        + "(To hear it in a voice channel, join one and `/play` there.)";

    public InteractionReply Play(Interaction interaction, MoodReading? reading)
    {
        if (links.RoomOf(interaction.ChannelId) is not { } slug)
        {
            return InteractionReply.Private(NotLinked);
        }

        if (reading is not { HasMood: true })
        {
            return InteractionReply.Private(MoodCommand.Help);
        }

        return InteractionReply.Deferred(async ct =>
        {
            var update = await rooms.AddAsync(slug, reading, admin: false, ct).ConfigureAwait(false);
            return new MessageCreate(update.Outcome switch
            {
                RoomOutcome.Done => $"Queued {update.Added.Count} {reading.Mood} track(s) in the room: {links.PageUrl(slug)}",
                RoomOutcome.Locked => "The room is locked; only its admins can add music.",
                RoomOutcome.QueueFull => "The room's queue is full; skip or let some tracks play first.",
                _ => "The room linked to this channel is gone. `/room link` makes a new one.",
            });
        });
    }

    public InteractionReply Stop(Interaction interaction) =>
        !Permissions.CanManageChannel(interaction) ? InteractionReply.Private(Permissions.ManageChannelsRefusal)
        : links.RoomOf(interaction.ChannelId) is not { } slug ? InteractionReply.Private(NotLinked)
        : InteractionReply.Deferred(async ct =>
        {
            var update = await rooms.ClearAsync(slug, ct).ConfigureAwait(false);
            return new MessageCreate(update.State is null ? "The room is gone." : "Stopped: the room's queue is empty until the next mood.");
        });

    public InteractionReply Skip(Interaction interaction) =>
        links.RoomOf(interaction.ChannelId) is not { } slug ? InteractionReply.Private(NotLinked)
        : InteractionReply.Deferred(async ct =>
        {
            if (await rooms.GetAsync(slug, ct).ConfigureAwait(false) is not { NowPlaying: { } playing })
            {
                return new MessageCreate("Nothing is playing.");
            }

            // One vote per person: the room counts Discord users like browser sessions.
            var update = await rooms.SkipAsync(slug, playing.Id, "discord-" + interaction.UserId, admin: false, ct).ConfigureAwait(false);
            return new MessageCreate(update.State?.NowPlaying?.Id == playing.Id
                ? $"Vote counted: {update.State.NowPlaying.SkipVotes} of {update.State.NowPlaying.SkipVotesNeeded} needed to skip."
                : $"Skipped **{DiscordText.Escape(playing.Title, 100)}**.");
        });

    public InteractionReply Queue(Interaction interaction) =>
        links.RoomOf(interaction.ChannelId) is not { } slug ? InteractionReply.Private(NotLinked)
        : InteractionReply.Deferred(async ct =>
            await rooms.GetAsync(slug, ct).ConfigureAwait(false) is { } state
                ? new MessageCreate(Describe(state, links.PageUrl(slug)))
                : new MessageCreate("The room linked to this channel is gone."));

    public MoodReading? LastReading(Interaction interaction) => conversations.Last(interaction.Conversation);

    private static string Describe(RoomState state, string url)
    {
        var text = new StringBuilder();
        text.Append("**").Append(DiscordText.Escape(state.Name, 100)).Append("** · ").Append(url).Append('\n');
        if (state.NowPlaying is { } playing)
        {
            text.Append("Now: ▶ ").Append(DiscordText.Escape(playing.Title, 80)).Append(" · ")
                .Append(ReadingText.Duration(playing.PositionSeconds)).Append(" / ").Append(ReadingText.Duration(playing.DurationSeconds)).Append('\n');
        }
        else
        {
            text.Append("Nothing is playing.\n");
        }

        foreach (var (track, index) in state.Queue.Take(10).Select((t, i) => (t, i + 1)))
        {
            text.Append(index).Append(". ").Append(DiscordText.Escape(track.Title, 80)).Append(" · ").Append(ReadingText.Duration(track.DurationSeconds)).Append('\n');
        }

        if (state.Queue.Count > 10)
        {
            text.Append("…and ").Append(state.Queue.Count - 10).Append(" more.");
        }

        return DiscordText.Fit(text.ToString().TrimEnd(), MessageCreate.ContentMax);
    }
}
