using System.Collections.Frozen;

namespace MoodBot.Discord.Interactions;

/// <summary>Finds the answer to an interaction: PING, a slash command by name, or a reply's button.</summary>
internal sealed class InteractionRouter(IEnumerable<ISlashCommand> commands, MoodButtons buttons)
{
    public const string Unknown = "I don't know that one. Try `/mood`.";

    private readonly FrozenDictionary<string, ISlashCommand> _commands = commands.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    public InteractionReply Route(Interaction interaction) => interaction.Type switch
    {
        InteractionType.Ping => InteractionReply.Pong,
        InteractionType.ApplicationCommand when interaction.Data?.Name is { } name && _commands.TryGetValue(name, out var command) => command.Handle(interaction),
        InteractionType.MessageComponent => buttons.Handle(interaction),
        _ => InteractionReply.Private(Unknown),
    };
}
