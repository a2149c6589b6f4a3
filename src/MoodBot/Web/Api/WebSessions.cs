using System.Text.RegularExpressions;

namespace MoodBot.Web.Api;

/// <summary>
/// The browser session a page names in its requests: what its follow-ups ("calmer") steer and
/// what its music memory is kept under. The chat page and a room share one conversation per session.
/// </summary>
internal static partial class WebSessions
{
    public const string Anonymous = "anonymous";

    /// <summary>A session id as the page makes it (letters, digits, '-', '_'; at most 64), or null when it is not one.</summary>
    public static string? Normalise(string? session) =>
        session is null ? Anonymous : SessionId().IsMatch(session) ? session : null;

    public static string Conversation(string session) => "web:" + session;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SessionId();
}
