using MoodBot.State;

namespace MoodBot.Rooms;

/// <summary>
/// Which chat channels and voice channels belong to which room. A target belongs to at most one
/// room: linking it again moves it. (Hue rooms follow places, rooms among them, in
/// <see cref="Lights.Links.LightLinkStore"/>.)
/// </summary>
internal sealed class RoomLinkStore(StateStore state)
{
    public void Link(string room, string kind, string target)
    {
        if (!RoomLinkKind.All.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"A link is one of: {string.Join(", ", RoomLinkKind.All)}.");
        }

        using var connection = state.Open();
        connection.Execute(
            "INSERT INTO room_links (room, kind, target) VALUES (@room, @kind, @target) ON CONFLICT (kind, target) DO UPDATE SET room = excluded.room",
            ("@room", room), ("@kind", kind), ("@target", target));
    }

    public bool Unlink(string kind, string target)
    {
        using var connection = state.Open();
        return connection.Execute("DELETE FROM room_links WHERE kind = @kind AND target = @target", ("@kind", kind), ("@target", target)) == 1;
    }

    /// <summary>The room a channel or group is linked to, if any.</summary>
    public string? RoomOf(string kind, string target)
    {
        using var connection = state.Open();
        return connection.Scalar("SELECT room FROM room_links WHERE kind = @kind AND target = @target", ("@kind", kind), ("@target", target)) as string;
    }

    public IReadOnlyList<RoomLink> LinksOf(string room)
    {
        using var connection = state.Open();
        using var command = connection.Command("SELECT kind, target FROM room_links WHERE room = @room ORDER BY kind, target", ("@room", room));
        using var reader = command.ExecuteReader();
        var links = new List<RoomLink>();
        while (reader.Read())
        {
            links.Add(new RoomLink(room, reader.GetString(0), reader.GetString(1)));
        }

        return links;
    }
}
