namespace MoodBot.Discord.Interactions;

/// <summary>One slash command's handler, found by the command's name.</summary>
internal interface ISlashCommand
{
    string Name { get; }

    /// <summary>Must return at once: anything slow goes in <see cref="InteractionReply.Later"/>.</summary>
    InteractionReply Handle(Interaction interaction);
}
