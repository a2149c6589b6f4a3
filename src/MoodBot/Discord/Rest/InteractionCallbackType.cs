namespace MoodBot.Discord.Rest;

internal enum InteractionCallbackType
{
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
}
