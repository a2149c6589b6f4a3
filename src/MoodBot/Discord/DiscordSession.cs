namespace MoodBot.Discord;

/// <summary>Who the bot is, as the gateway's READY said: mentions are recognised by the user id.</summary>
internal sealed class DiscordSession
{
    private volatile string? _userId;
    private volatile string? _applicationId;

    public string? UserId => _userId;

    public string? ApplicationId => _applicationId;

    public void Ready(string userId, string applicationId)
    {
        _userId = userId;
        _applicationId = applicationId;
    }
}
