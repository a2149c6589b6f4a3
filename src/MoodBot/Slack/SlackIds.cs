using System.Text.RegularExpressions;

namespace MoodBot.Slack;

/// <summary>Slack's ids as they are shaped, so an id from a payload is safe to put in markup or a key.</summary>
internal static partial class SlackIds
{
    public static bool IsUser(string id) => UserId().IsMatch(id);

    public static bool IsChannel(string id) => ChannelId().IsMatch(id);

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$")]
    private static partial Regex UserId();

    [GeneratedRegex("^[CDG][A-Z0-9]{2,20}$")]
    private static partial Regex ChannelId();
}
