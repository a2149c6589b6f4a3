using System.Text;
using MoodBot.Audio.Catalogue;
using MoodBot.Discord.Commands;
using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;

namespace MoodBot.Discord.Voice;

/// <summary>
/// What <c>/play</c>, <c>/stop</c>, <c>/skip</c>, <c>/queue</c> and the Play in voice button do in
/// a voice channel. Each answer is null when voice is not the matter (a DM, a guild this process
/// has no gateway session for, or a caller outside voice in a channel linked to a room), and the
/// listening-room behaviour of <see cref="RoomPlayback"/> answers instead.
/// </summary>
internal sealed class VoicePlayback(VoicePlayers players, VoiceConnections connections, VoiceStates states, DiscordRooms links, RoomService rooms, ReadingMusic music)
{
    public const string NotInVoice =
        "Join a voice channel first, then `/play` again: I'll join you there and play the last reading. "
        + "(Or `/room link` to play it in a listening room for everyone.)";

    public const string NoPermission =
        "I can't play in voice here: I need the **Connect** and **Speak** permissions. Someone who manages the server can grant them.";

    public const string NotWithYou = "Only people in my voice channel (or who can manage this channel) can stop the music.";

    public InteractionReply? Play(Interaction interaction, MoodReading? reading)
    {
        if (interaction.GuildId is not { } guildId || !connections.CanReach(guildId))
        {
            return null;
        }

        var voiceChannel = interaction.UserId is { } userId ? states.ChannelOf(guildId, userId) : null;
        var slug = links.RoomOf(voiceChannel) ?? links.RoomOf(interaction.ChannelId);
        if (voiceChannel is null)
        {
            return slug is null ? InteractionReply.Private(NotInVoice) : null;
        }

        if (!Permissions.BotCanSpeak(interaction))
        {
            return InteractionReply.Private(NoPermission);
        }

        if (slug is null && reading is not { HasMood: true })
        {
            return InteractionReply.Private(MoodCommand.Help);
        }

        var textChannel = interaction.ChannelId ?? voiceChannel;
        return InteractionReply.Deferred(async ct =>
        {
            var tracks = slug is not null ? await RoomTracksAsync(slug, ct).ConfigureAwait(false) : ReadingTracks(reading!, interaction.Conversation);
            if (tracks.Count == 0)
            {
                return new MessageCreate(slug is null ? "I found no music for that reading." : "The room linked here has nothing to play.");
            }

            try
            {
                await players.PlayAsync(guildId, voiceChannel, textChannel, tracks,
                    slug is null ? null : refillCt => RoomTracksAsync(slug, refillCt), ct).ConfigureAwait(false);
            }
            catch (VoiceJoinException ex)
            {
                return new MessageCreate($"I couldn't play in <#{voiceChannel}>: {ex.Message}");
            }

            var from = slug is null ? $"{reading!.Mood} track(s)" : "track(s) from the room's queue";
            return new MessageCreate($"▶ Playing {tracks.Count} {from} in <#{voiceChannel}>. `/skip` moves on, `/stop` ends it.");
        });
    }

    public InteractionReply? Stop(Interaction interaction)
    {
        if (interaction.GuildId is not { } guildId || players.For(guildId) is not { } player)
        {
            return null;
        }

        var callerChannel = interaction.UserId is { } userId ? states.ChannelOf(guildId, userId) : null;
        if (callerChannel != player.ChannelId && !Permissions.CanManageChannel(interaction))
        {
            return InteractionReply.Private(NotWithYou);
        }

        return InteractionReply.Deferred(async _ =>
        {
            await players.StopAsync(guildId).ConfigureAwait(false);
            return new MessageCreate($"⏹ Stopped, and left <#{player.ChannelId}>.");
        });
    }

    public InteractionReply? Skip(Interaction interaction)
    {
        if (interaction.GuildId is not { } guildId || players.For(guildId) is not { } player)
        {
            return null;
        }

        return player.Skip() is { } skipped
            ? InteractionReply.Public($"⏭ Skipped **{DiscordText.Escape(skipped.Title, 100)}**.")
            : InteractionReply.Private("Nothing is playing in voice right now.");
    }

    public InteractionReply? Queue(Interaction interaction)
    {
        if (interaction.GuildId is not { } guildId || players.For(guildId) is not { } player)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("In <#").Append(player.ChannelId).Append(">\n");
        text.Append(player.Current is { } current ? $"Now: ▶ {DiscordText.Escape(current.Title, 80)} · {ReadingText.Duration(current.DurationSeconds)}\n" : "Nothing is playing.\n");
        var upcoming = player.Upcoming;
        foreach (var (track, index) in upcoming.Take(10).Select((t, i) => (t, i + 1)))
        {
            text.Append(index).Append(". ").Append(DiscordText.Escape(track.Title, 80)).Append(" · ").Append(ReadingText.Duration(track.DurationSeconds)).Append('\n');
        }

        if (upcoming.Count > 10)
        {
            text.Append("…and ").Append(upcoming.Count - 10).Append(" more.");
        }

        return InteractionReply.Public(DiscordText.Fit(text.ToString().TrimEnd(), MessageCreate.ContentMax));
    }

    private IReadOnlyList<VoiceTrack> ReadingTracks(MoodReading reading, string conversation)
    {
        var withTracks = reading.Tracks is { Count: > 0 } ? reading : music.AddTracks(reading, conversation);
        return [.. (withTracks.Tracks ?? []).Select(link => VoiceTrack.From(link, reading.Mood!))];
    }

    private async Task<IReadOnlyList<VoiceTrack>> RoomTracksAsync(string slug, CancellationToken cancellationToken)
    {
        if (await rooms.GetAsync(slug, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return [];
        }

        IEnumerable<VoiceTrack> queue = state.Queue.Select(VoiceTrack.From);
        return [.. state.NowPlaying is { } playing ? queue.Prepend(VoiceTrack.From(playing)) : queue];
    }
}
