using Microsoft.Extensions.Logging;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Chat;
using MoodBot.Lights;
using MoodBot.Lights.Links;
using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;
using MoodBot.Slack.Messages;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.SocketMode;
using MoodBot.Slack.WebApi;

namespace MoodBot.Slack;

/// <summary>
/// What MoodBot does on Slack, whichever way the request came (Socket Mode or HTTP): read a
/// slash command's or a mention's mood and answer with the reading's blocks, and act on the
/// buttons. Buttons carry their reading's seed, so they work after a restart.
/// </summary>
internal sealed partial class SlackMoodHandler(
    IMoodInterpreter interpreter,
    ReadingMusic music,
    MoodCatalog moods,
    TrackFeedback feedback,
    RoomService rooms,
    RoomLinkStore roomLinks,
    TrackLinker linker,
    SlackWebClient api,
    ResponseUrlBudget responseUrls,
    SlackDeliveries deliveries,
    MoodConversations conversations,
    ReadingComposer composer,
    SlackLightsCommand lightsCommand,
    MoodLights lights,
    ILogger<SlackMoodHandler> logger) : IDisposable
{
    private readonly SemaphoreSlim _roomGate = new(1, 1);

    public void Dispose() => _roomGate.Dispose();

    /// <summary>
    /// A slash command: the reply goes back as the command's response (the ack payload, or the
    /// HTTP body); <see cref="SlackAck.Late"/> sends it to the <c>response_url</c> if it was late.
    /// </summary>
    public async Task<SlackAck> CommandAsync(SlashCommand command, CancellationToken ct)
    {
        if (command.Command == SlackLightsCommand.Name)
        {
            return await lightsCommand.HandleAsync(command, (late, token) => RespondAsync(command.ResponseUrl, late, command.ChannelId ?? "", command.UserId, null, token), ct)
                .ConfigureAwait(false);
        }

        var text = SlackText.Plain(command.Text);
        if (text.Length == 0 || command.ChannelId is not { } channel)
        {
            return new SlackAck(ReplyBlocks.HelpReply());
        }

        var reading = await ReadAsync(channel, text, ct).ConfigureAwait(false);
        var (fallback, blocks) = ReplyBlocks.Reading(reading, moods, command.UserId, text, RoomUrl(channel), Lights(channel, reading));
        var reply = new SlackReply { ResponseType = SlackReply.InChannel, Text = fallback, Blocks = blocks };
        return new SlackAck(reply, Late: (late, token) => RespondAsync(command.ResponseUrl, late, channel, command.UserId, null, token));
    }

    /// <summary>An Events API callback: mentions and direct messages get a reading posted back.</summary>
    public async Task EventAsync(EventCallback callback, CancellationToken ct)
    {
        if (callback.EventId is { } id && !deliveries.FirstTime("event:" + id))
        {
            Log.Repeated(logger, id);
            return;
        }

        if (callback.Event is not { Channel: { } channel } message || !IsForUs(message))
        {
            return;
        }

        var text = SlackText.Plain(message.Text);
        var thread = message.ThreadTs;
        if (text.Length == 0)
        {
            // A bare mention: the help goes to the person who asked, not the whole channel.
            var help = new ChatMessage { Channel = channel, Text = ReplyBlocks.Help, ThreadTs = thread };
            await (message.User is { } user
                ? api.PostEphemeralAsync(help with { User = user }, ct)
                : api.PostMessageAsync(help, ct)).ConfigureAwait(false);
            return;
        }

        var reading = await ReadAsync(channel, text, ct).ConfigureAwait(false);
        var (fallback, blocks) = ReplyBlocks.Reading(reading, moods, null, null, RoomUrl(channel), Lights(channel, reading));
        await api.PostMessageAsync(Post(channel, fallback, blocks) with { ThreadTs = thread }, ct).ConfigureAwait(false);
    }

    /// <summary>Button presses (<c>block_actions</c>); anything else interactive is ignored.</summary>
    public async Task ActionsAsync(BlockActions payload, CancellationToken ct)
    {
        if (payload.Type != "block_actions" || payload.Channel?.Id is not { } channel)
        {
            Log.InteractionIgnored(logger, payload.Type);
            return;
        }

        foreach (var action in payload.Actions ?? [])
        {
            await ActAsync(payload, channel, action, ct).ConfigureAwait(false);
        }
    }

    private async Task ActAsync(BlockActions payload, string channel, BlockAction action, CancellationToken ct)
    {
        var user = payload.User?.Id;
        switch (action.ActionId)
        {
            case SlackActions.Another or SlackActions.Calmer or SlackActions.MoreUpbeat:
                if (ReadingSeed.Parse(action.Value) is not { } seed)
                {
                    Log.StaleButton(logger, action.ActionId);
                    await RespondAsync(payload.ResponseUrl, ReplyBlocks.Note("That button is from an older MoodBot; tell me how you feel again?"), channel, user, null, ct).ConfigureAwait(false);
                    return;
                }

                await SteerAsync(payload, channel, action.ActionId, seed, ct).ConfigureAwait(false);
                return;
            case SlackActions.ThumbsUp or SlackActions.ThumbsDown:
                await VoteAsync(payload, channel, action, ct).ConfigureAwait(false);
                return;
            case SlackActions.OpenRoom:
                var (name, url) = await RoomForAsync(channel, payload.Channel?.Name, ct).ConfigureAwait(false);
                await RespondAsync(payload.ResponseUrl, ReplyBlocks.RoomReply(name, url), channel, user, null, ct).ConfigureAwait(false);
                return;
            case { } id when id.StartsWith(SlackActions.LinkPrefix, StringComparison.Ordinal):
                // Slack opened the link; the press only needs its ack.
                return;
            default:
                Log.UnknownAction(logger, action.ActionId ?? "(none)");
                return;
        }
    }

    private async Task SteerAsync(BlockActions payload, string channel, string actionId, ReadingSeed seed, CancellationToken ct)
    {
        var followUp = actionId switch
        {
            SlackActions.Calmer => FollowUp.Calmer,
            SlackActions.MoreUpbeat => FollowUp.MoreUpbeat,
            _ => FollowUp.SomethingElse,
        };
        var reading = music.AddTracks(composer.Steer(seed, followUp, interpreter.Name), Conversation(channel));
        conversations.Remember(Conversation(channel), reading);
        var (fallback, blocks) = ReplyBlocks.Reading(reading, moods, null, null, RoomUrl(channel), Lights(channel, reading));

        // "Another" swaps the music in the message it was pressed on (through the response_url,
        // which can replace a slash command's reply too; chat.update once that is used up);
        // calmer and more upbeat are new readings.
        if (followUp == FollowUp.SomethingElse && payload.Message?.Ts is { } ts)
        {
            var replacement = new SlackReply { ResponseType = SlackReply.InChannel, ReplaceOriginal = true, Text = fallback, Blocks = blocks };
            if (!await TryResponseUrlAsync(payload.ResponseUrl, replacement, ct).ConfigureAwait(false))
            {
                await api.UpdateAsync(new ChatMessage { Channel = channel, Ts = ts, Text = fallback, Blocks = blocks }, ct).ConfigureAwait(false);
            }

            return;
        }

        var reply = new SlackReply { ResponseType = SlackReply.InChannel, ReplaceOriginal = false, Text = fallback, Blocks = blocks };
        await RespondAsync(payload.ResponseUrl, reply, channel, payload.User?.Id, payload.Message?.ThreadTs, ct).ConfigureAwait(false);
    }

    private async Task VoteAsync(BlockActions payload, string channel, BlockAction action, CancellationToken ct)
    {
        var value = action.Value ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var mood = colon > 0 ? value[..colon] : null;
        var track = colon > 0 ? value[(colon + 1)..] : null;
        var liked = action.ActionId == SlackActions.ThumbsUp;
        if (mood is null || track is null || !feedback.Vote(track, mood, liked))
        {
            await RespondAsync(payload.ResponseUrl, ReplyBlocks.Note("That track is not in the catalogue any more."), channel, payload.User?.Id, null, ct).ConfigureAwait(false);
            return;
        }

        var note = liked ? $"👍 Noted: more like this when you feel {moods[mood].Label.ToLowerInvariant()}." : "👎 Noted: I'll play that one less.";
        await RespondAsync(payload.ResponseUrl, ReplyBlocks.Note(SlackText.Escape(note)), channel, payload.User?.Id, null, ct).ConfigureAwait(false);
    }

    private async Task<MoodReading> ReadAsync(string channel, string text, CancellationToken ct)
    {
        var reading = music.AddTracks(await conversations.ReadAsync(Conversation(channel), text, ct).ConfigureAwait(false), Conversation(channel));
        conversations.Remember(Conversation(channel), reading);
        return reading;
    }

    /// <summary>What follow-ups steer and music memory is kept under: the channel.</summary>
    private static string Conversation(string channel) => "slack:" + channel;

    /// <summary>
    /// Sets the lights of the Hue rooms linked to the channel, and to its listening room, to the
    /// reading; the status line for the reply, at once (the bridges are told in the background).
    /// </summary>
    private string? Lights(string channel, MoodReading reading)
    {
        List<string> places = [LightPlace.Slack(channel)];
        if (roomLinks.RoomOf(RoomLinkKind.SlackChannel, channel) is { } slug)
        {
            places.Add(LightPlace.Room(slug));
        }

        return lights.Show(places, reading);
    }

    /// <summary>The channel's listening room page, when one is linked and still there.</summary>
    private string? RoomUrl(string channel) =>
        roomLinks.RoomOf(RoomLinkKind.SlackChannel, channel) is { } slug && rooms.Find(slug) is { } room
            ? linker.Absolute("rooms/" + Uri.EscapeDataString(room.Slug)).ToString()
            : null;

    private async Task<(string Name, string Url)> RoomForAsync(string channel, string? channelName, CancellationToken ct)
    {
        // One press at a time, so two people pressing at once share one new room.
        await _roomGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (roomLinks.RoomOf(RoomLinkKind.SlackChannel, channel) is { } slug && rooms.Find(slug) is { } existing)
            {
                return (existing.Name, RoomUrl(channel)!);
            }

            var name = string.IsNullOrWhiteSpace(channelName) || channelName == "directmessage" ? "Slack " + channel : "#" + channelName;
            var (room, _, _) = rooms.Create(name, isPrivate: false);
            roomLinks.Link(room.Slug, RoomLinkKind.SlackChannel, channel);
            Log.RoomLinked(logger, room.Slug, channel);
            return (room.Name, RoomUrl(channel)!);
        }
        finally
        {
            _roomGate.Release();
        }
    }

    /// <summary>
    /// To the interaction's <c>response_url</c> while Slack takes it (5 posts, 30 minutes), else
    /// through the Web API: in the channel, or to the one person for an ephemeral note.
    /// </summary>
    private async Task RespondAsync(string? responseUrl, SlackReply reply, string channel, string? user, string? thread, CancellationToken ct)
    {
        if (await TryResponseUrlAsync(responseUrl, reply, ct).ConfigureAwait(false))
        {
            return;
        }

        if (reply.ResponseType == SlackReply.Ephemeral && user is not null)
        {
            await api.PostEphemeralAsync(new ChatMessage { Channel = channel, User = user, Text = reply.Text, Blocks = reply.Blocks, ThreadTs = thread }, ct).ConfigureAwait(false);
            return;
        }

        await api.PostMessageAsync(Post(channel, reply.Text, reply.Blocks) with { ThreadTs = thread }, ct).ConfigureAwait(false);
    }

    private async Task<bool> TryResponseUrlAsync(string? responseUrl, SlackReply reply, CancellationToken ct) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
        && responseUrls.TryUse(responseUrl!)
        && await api.RespondAsync(url, reply, ct).ConfigureAwait(false);

    private static ChatMessage Post(string channel, string text, IReadOnlyList<SlackBlock>? blocks) =>
        new() { Channel = channel, Text = text, Blocks = blocks, UnfurlLinks = false, UnfurlMedia = false };

    /// <summary>Mentions, and direct messages from people (never the bot's own posts or edits).</summary>
    private static bool IsForUs(SlackEvent message) => message switch
    {
        { Type: "app_mention" } => message.BotId is null,
        { Type: "message", ChannelType: "im", Subtype: null, BotId: null, User: not null } => true,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Slack event {EventId} seen before; a retry, ignored")]
        public static partial void Repeated(ILogger logger, string eventId);

        [LoggerMessage(2, LogLevel.Debug, "Slack interaction {Type} ignored")]
        public static partial void InteractionIgnored(ILogger logger, string type);

        [LoggerMessage(3, LogLevel.Information, "A Slack {ActionId} button without a readable seed (an old or forged button)")]
        public static partial void StaleButton(ILogger logger, string actionId);

        [LoggerMessage(4, LogLevel.Debug, "Slack action {ActionId} is not one of MoodBot's; ignored")]
        public static partial void UnknownAction(ILogger logger, string actionId);

        [LoggerMessage(5, LogLevel.Information, "Room {Slug} created for Slack channel {Channel}")]
        public static partial void RoomLinked(ILogger logger, string slug, string channel);
    }
}
