using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

/// <summary>
/// The answer to creating a room: the only time its tokens are shown (only their hashes are
/// kept), so the creator must save the admin token and share the join link.
/// </summary>
/// <param name="JoinUrl">The room's page; for a private room it carries the join token.</param>
internal sealed record CreatedRoom(
    string Slug,
    string Name,
    bool Private,
    string AdminToken,
    [property: JsonPropertyName("join_url")] string JoinUrl);
