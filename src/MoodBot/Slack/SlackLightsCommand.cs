using MoodBot.Lights.Links;
using MoodBot.Slack.Messages;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.SocketMode;

namespace MoodBot.Slack;

/// <summary>
/// <c>/lights link &lt;room&gt;</c>, <c>/lights unlink [room]</c>, <c>/lights show</c>: the Philips
/// Hue rooms whose lights follow the moods posted in the channel. Slack's payload says nothing of
/// the person's rights in the channel, so anyone who can use the command there can link (see
/// docs/slack.md). A link that waits on a slow bridge goes to the response_url once it is ready.
/// </summary>
internal sealed class SlackLightsCommand(LightLinking linking)
{
    public const string Name = "/lights";

    // "<room>" would be read as Slack markup; escaped, it shows as typed.
    public static LightsWording Wording { get; } = new(SlackText.Escape, "`/lights link &lt;room&gt;`");

    public static readonly string Usage =
        "Use `/lights link &lt;room&gt;` to make a Hue room or zone follow the moods posted here, `/lights unlink [room]` to stop, `/lights show` to see what is linked.";

    public async Task<SlackAck> HandleAsync(SlashCommand command, Func<SlackReply, CancellationToken, Task> late, CancellationToken ct)
    {
        if (command.ChannelId is not { } channel)
        {
            return new SlackAck(ReplyBlocks.Note(Usage));
        }

        var place = LightPlace.Slack(channel);
        var text = SlackText.Plain(command.Text);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var (sub, room) = space < 0 ? (text, null) : (text[..space], text[(space + 1)..].Trim());
        var reply = sub.ToLowerInvariant() switch
        {
            "link" => ReplyBlocks.Note(await linking.LinkAsync(place, room, Wording, ct).ConfigureAwait(false)),
            "unlink" => ReplyBlocks.Note(linking.Unlink(place, room, Wording)),
            "show" => ReplyBlocks.Note(linking.Show(place, Wording), inChannel: true),
            _ => ReplyBlocks.Note(Usage),
        };
        return new SlackAck(reply, Late: late);
    }
}
