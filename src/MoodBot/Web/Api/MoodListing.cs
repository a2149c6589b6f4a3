namespace MoodBot.Web.Api;

/// <summary>How the page shows a mood: <c>GET /api/moods</c> lists the 12 of <c>data/moods.json</c>.</summary>
internal sealed record MoodListing(string Id, string Label, string Emoji, string Color);
