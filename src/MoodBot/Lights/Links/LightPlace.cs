namespace MoodBot.Lights.Links;

/// <summary>
/// Where moods are posted, as the key light links are stored under: a Discord channel, a Slack
/// channel or a web listening room. A place can drive several Hue rooms, on several bridges.
/// </summary>
internal static class LightPlace
{
    public static string Discord(string channelId) => "discord:" + channelId;

    public static string Slack(string channelId) => "slack:" + channelId;

    public static string Room(string slug) => "room:" + slug;
}
