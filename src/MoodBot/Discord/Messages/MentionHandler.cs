using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MoodBot.Discord.Gateway;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Messages;

/// <summary>
/// "@MoodBot rough day", or a reply to one of MoodBot's messages: the text is read as a mood and
/// answered in the channel as a reply. Mentions carry their text even without the privileged
/// message-content intent.
/// </summary>
internal sealed partial class MentionHandler(
    DiscordSession session, MoodReplies replies, DiscordRestClient rest, ReplyTasks tasks, ILogger<MentionHandler> logger) : IGatewayEventHandler
{
    public const string Help = "Tell me how you feel, in your own words: `@MoodBot rough day, need something gentle`";

    public string EventName => "MESSAGE_CREATE";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        ChannelMessage? message;
        try
        {
            message = gatewayEvent.Data.Deserialize(MessageJsonContext.Default.ChannelMessage);
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, gatewayEvent.Sequence, ex.Message);
            return ValueTask.CompletedTask;
        }

        // Never answer bots, this one included: two bots could otherwise talk forever.
        if (message is null || message.Author.Bot || session.UserId is not { } self || !IsTalkingTo(message, self))
        {
            return ValueTask.CompletedTask;
        }

        var text = Mention().Replace(message.Content ?? "", m => m.Groups[1].Value == self ? " " : m.Value).Trim();
        tasks.Run("message " + message.Id, () => ReplyAsync(message, text, cancellationToken));
        return ValueTask.CompletedTask;
    }

    private async Task ReplyAsync(ChannelMessage message, string text, CancellationToken cancellationToken)
    {
        var reply = string.IsNullOrWhiteSpace(text)
            ? new MessageCreate(Help)
            : await replies.ReadAsync("discord:" + message.ChannelId, message.ChannelId, text, cancellationToken).ConfigureAwait(false);
        await rest.CreateMessageAsync(message.ChannelId, reply with { MessageReference = new MessageReference(message.Id) }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsTalkingTo(ChannelMessage message, string self) =>
        message.Mentions?.Any(user => user.Id == self) == true || message.ReferencedMessage?.Author?.Id == self;

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex Mention();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "MESSAGE_CREATE #{Sequence} could not be read: {Reason}")]
        public static partial void Malformed(ILogger logger, int sequence, string reason);
    }
}
