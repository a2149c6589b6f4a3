using MoodBot.Discord.Interactions;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Lights.Links;

namespace MoodBot.Discord.Commands;

/// <summary>
/// <c>/lights link|unlink|show</c>: the Philips Hue rooms or zones whose lights follow the moods
/// posted in this channel. Linking asks the bridges for their rooms, which can take seconds, so it
/// is deferred; the rest answers from the link store at once.
/// </summary>
internal sealed class LightsCommand(LightLinking linking) : ISlashCommand
{
    public const string NotSetUp = LightLinking.NotSetUp + " " + LightLinking.HowToPair;

    public const string Usage = "Use `/lights link room:<name>`, `/lights unlink` or `/lights show`.";

    private const int MaxNameChars = 100;

    public static LightsWording Wording { get; } = new(text => DiscordText.Escape(text, MaxNameChars), "`/lights link room:<name>`");

    public string Name => "lights";

    public InteractionReply Handle(Interaction interaction)
    {
        if (interaction.ChannelId is not { } channel)
        {
            return InteractionReply.Private("Lights are linked to channels; use this in a channel.");
        }

        var place = LightPlace.Discord(channel);
        return interaction.SubCommand switch
        {
            "show" => InteractionReply.Public(Fit(linking.Show(place, Wording))),
            "link" or "unlink" when !Permissions.CanManageChannel(interaction) => InteractionReply.Private(Permissions.ManageChannelsRefusal),
            "link" when !linking.AnyPaired => InteractionReply.Private(NotSetUp),
            "link" => InteractionReply.DeferredPrivate(async ct =>
                new MessageCreate(Fit(await linking.LinkAsync(place, interaction.Option("room"), Wording, ct).ConfigureAwait(false)))),
            "unlink" => InteractionReply.Private(Fit(linking.Unlink(place, interaction.Option("room"), Wording))),
            _ => InteractionReply.Private(Usage),
        };
    }

    private static string Fit(string text) => DiscordText.Fit(text, MessageCreate.ContentMax);
}
