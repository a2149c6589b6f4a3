namespace MoodBot.Web.Api;

/// <param name="Text">How the person feels, or a follow-up such as "calmer" or "something else".</param>
/// <param name="Session">
/// The browser's own id (kept in its local storage): follow-ups steer that session's last reading,
/// and its tracks are not repeated too soon.
/// </param>
internal sealed record MoodRequest(string? Text, string? Session);
