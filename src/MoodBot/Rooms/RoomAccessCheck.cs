using Microsoft.AspNetCore.Http;

namespace MoodBot.Rooms;

internal static class RoomAccessCheck
{
    private const string Bearer = "Bearer ";

    /// <summary>Admins send <c>Authorization: Bearer &lt;admin token&gt;</c>; a private room's listeners its <c>?token=</c>.</summary>
    public static RoomAccess Of(RoomRecord room, HttpContext context)
    {
        if (RoomTokens.Matches(BearerToken(context), room.AdminTokenHash))
        {
            return RoomAccess.Admin;
        }

        return !room.Private || RoomTokens.Matches(context.Request.Query["token"].ToString(), room.JoinTokenHash)
            ? RoomAccess.Listener
            : RoomAccess.None;
    }

    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : null;
    }
}
