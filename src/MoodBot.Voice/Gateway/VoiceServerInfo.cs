namespace MoodBot.Voice.Gateway;

/// <summary>
/// What the main gateway hands over for one voice connection: the voice endpoint and token from
/// VOICE_SERVER_UPDATE, the session id from VOICE_STATE_UPDATE, and our ids. The token is left out
/// of <c>ToString</c>.
/// </summary>
public sealed record VoiceServerInfo(Uri GatewayUri, string ServerId, string UserId, string SessionId, string Token)
{
    /// <summary>
    /// The v8 voice gateway URL for VOICE_SERVER_UPDATE's <c>endpoint</c> (voice-connections docs);
    /// Discord's are <c>wss</c>, a loopback fake may speak <c>ws</c>.
    /// </summary>
    public static Uri GatewayUriFor(string endpoint, string scheme = "wss") => new($"{scheme}://{endpoint}/?v=8");

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"GatewayUri = {GatewayUri}, ServerId = {ServerId}, UserId = {UserId}, SessionId = {SessionId}");
        return true;
    }
}
