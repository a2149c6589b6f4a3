using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Commands;

/// <summary><c>/mood text:…</c>: read the mood and reply in the channel with the music.</summary>
internal sealed class MoodCommand(MoodReplies replies) : ISlashCommand
{
    public const string Help = "Tell me how you feel, in your own words: `/mood text: rough day, need something gentle`";

    public string Name => "mood";

    public InteractionReply Handle(Interaction interaction)
    {
        var text = interaction.Option("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return InteractionReply.Private(Help);
        }

        // Discord enforces the length for real commands; an HTTP caller could send anything.
        if (text.Length > DiscordCommands.MoodTextMaxLength)
        {
            return InteractionReply.Private($"That is {text.Length} characters; /mood reads up to {DiscordCommands.MoodTextMaxLength}.");
        }

        return InteractionReply.Deferred(ct => replies.ReadAsync(interaction.Conversation, interaction.ChannelId, text, ct));
    }
}
