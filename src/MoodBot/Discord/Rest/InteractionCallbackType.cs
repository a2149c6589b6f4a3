namespace MoodBot.Discord.Rest;

internal enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,

    /// <summary>For buttons: "working on it", then an edit of the message the button is on.</summary>
    DeferredUpdateMessage = 6,
}
