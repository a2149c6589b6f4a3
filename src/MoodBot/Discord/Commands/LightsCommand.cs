using MoodBot.Discord.Interactions;

namespace MoodBot.Discord.Commands;

/// <summary><c>/lights link|unlink</c>: lets the mood drive a Hue room's lights, once a bridge is paired.</summary>
internal sealed class LightsCommand : ISlashCommand
{
    public const string NotSetUp = "Lights need a Philips Hue bridge paired with this MoodBot, and none is set up here yet.";

    public string Name => "lights";

    public InteractionReply Handle(Interaction interaction) =>
        InteractionReply.Private(Permissions.CanManageChannel(interaction) ? NotSetUp : Permissions.ManageChannelsRefusal);
}
