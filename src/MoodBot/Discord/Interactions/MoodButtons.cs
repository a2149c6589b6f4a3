using MoodBot.Chat;
using MoodBot.Discord.Commands;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Voice;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Discord.Interactions;

/// <summary>The reply's buttons: each acts on the reading its custom id carries.</summary>
internal sealed class MoodButtons(ReadingComposer composer, MoodReplies replies, RoomPlayback playback, VoicePlayback voice, TrackFeedback feedback, IMoodInterpreter interpreter)
{
    public const string Expired = "That button belongs to a reply this MoodBot cannot read any more. Try `/mood` again.";

    public InteractionReply Handle(Interaction interaction)
    {
        if (ButtonId.Parse(interaction.Data?.CustomId) is not { } button)
        {
            return InteractionReply.Private(Expired);
        }

        return button.Action switch
        {
            ButtonId.ThumbsUp or ButtonId.ThumbsDown => Vote(button),
            ButtonId.Play when button.Seed is { } seed => Play(interaction, composer.FromSeed(seed, interpreter.Name)),
            ButtonId.Another when button.Seed is { } seed => Steer(interaction, seed, FollowUp.SomethingElse),
            ButtonId.Calmer when button.Seed is { } seed => Steer(interaction, seed, FollowUp.Calmer),
            ButtonId.Upbeat when button.Seed is { } seed => Steer(interaction, seed, FollowUp.MoreUpbeat),
            _ => InteractionReply.Private(Expired),
        };
    }

    private InteractionReply Play(Interaction interaction, MoodReading reading) =>
        voice.Play(interaction, reading) ?? playback.Play(interaction, reading);

    private InteractionReply Steer(Interaction interaction, ReadingSeed seed, FollowUp followUp) =>
        InteractionReply.DeferredUpdate(ct =>
            replies.ReplyAsync(interaction.Conversation, interaction.ChannelId, composer.Steer(seed, followUp, interpreter.Name), said: null, ct));

    private InteractionReply Vote(ButtonId button)
    {
        if (button.VoteTarget is not var (mood, track))
        {
            return InteractionReply.Private(Expired);
        }

        var liked = button.Action == ButtonId.ThumbsUp;
        return InteractionReply.Private(feedback.Vote(track, mood, liked)
            ? $"Thanks! Noted that it {(liked ? "fits" : "doesn't fit")} {mood}; the next picks will follow."
            : "That track has left the catalogue since; nothing to rate.");
    }
}
