namespace MoodBot.Web.Api;

/// <param name="Track">A track's <c>id</c> from a reading.</param>
/// <param name="Mood">The mood it was offered for: feedback counts per track and mood.</param>
internal sealed record FeedbackRequest(string? Track, string? Mood, bool? Liked);
