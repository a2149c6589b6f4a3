namespace MoodBot.Discord;

/// <summary>Who the bot is, as the gateway's READY said: mentions are recognised by the user id.</summary>
internal sealed class DiscordSession
{
    private volatile string? _userId;

    public string? UserId => _userId;

    public void Ready(string userId) => _userId = userId;
}
