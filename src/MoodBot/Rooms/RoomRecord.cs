namespace MoodBot.Rooms;

/// <summary>A room as stored: tokens only as SHA-256 hashes, so a copied database grants nothing.</summary>
internal sealed record RoomRecord(
    string Slug,
    string Name,
    bool Private,
    byte[]? JoinTokenHash,
    byte[] AdminTokenHash,
    bool Locked,
    string? Mood,
    DateTimeOffset CreatedAt);
