using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Interactions;

/// <summary>
/// How to answer one interaction: the initial response (sent within Discord's 3 s), and, when
/// that was a deferral, the work whose message then replaces the original response.
/// </summary>
internal sealed record InteractionReply(InteractionResponse Initial, Func<CancellationToken, ValueTask<MessageCreate>>? Later = null)
{
    public static InteractionReply Pong { get; } = new(new InteractionResponse(InteractionCallbackType.Pong));

    /// <summary>An answer only the person who asked sees, sent at once.</summary>
    public static InteractionReply Private(string content) =>
        new(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, MessageCreate.Private(content)));

    /// <summary>An answer everyone in the channel sees, sent at once.</summary>
    public static InteractionReply Public(string content) =>
        new(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new MessageCreate(content)));

    /// <summary>"MoodBot is thinking…" in the channel, then the message <paramref name="later"/> makes.</summary>
    public static InteractionReply Deferred(Func<CancellationToken, ValueTask<MessageCreate>> later) =>
        new(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), later);

    /// <summary>
    /// "MoodBot is thinking…" to the person who asked alone, then the message <paramref name="later"/>
    /// makes, private too: for slow answers that are not the channel's business.
    /// </summary>
    public static InteractionReply DeferredPrivate(Func<CancellationToken, ValueTask<MessageCreate>> later) =>
        new(new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new MessageCreate(null) { Flags = MessageCreate.Ephemeral }), later);

    /// <summary>For a button: keep the message as it is, then replace it with what <paramref name="later"/> makes.</summary>
    public static InteractionReply DeferredUpdate(Func<CancellationToken, ValueTask<MessageCreate>> later) =>
        new(new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage), later);
}
