using MoodBot.Chat;
using MoodBot.Discord.Interactions;

namespace MoodBot.Discord.Commands;

/// <summary><c>/feedback fit:true|false</c>: rates the tracks of the channel's last reply, which steers future picks.</summary>
internal sealed class FeedbackCommand(MoodConversations conversations, TrackFeedback feedback) : ISlashCommand
{
    public string Name => "feedback";

    public InteractionReply Handle(Interaction interaction)
    {
        if (interaction.BooleanOption("fit") is not { } fit)
        {
            return InteractionReply.Private("Say whether the music fit: `/feedback fit: True`.");
        }

        if (conversations.Last(interaction.Conversation) is not { Mood: { } mood, Tracks: { Count: > 0 } tracks })
        {
            return InteractionReply.Private("There is no music here to rate yet. " + MoodCommand.Help);
        }

        var counted = tracks.Count(track => feedback.Vote(track.Id, mood, fit));
        return InteractionReply.Private(counted == 0
            ? "Those tracks have left the catalogue since; nothing to rate."
            : $"Thanks! Noted that {counted} track(s) {(fit ? "fit" : "didn't fit")} {mood}; the next picks will follow.");
    }
}
