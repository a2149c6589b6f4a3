using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Voice.Gateway;

/// <summary>
/// A JSON voice gateway message: <c>{"op", "d", "seq"}</c>. The server numbers its messages with
/// <c>seq</c> (v8), which heartbeats and Resume acknowledge; clients send none.
/// </summary>
public sealed record VoiceGatewayMessage(
    [property: JsonPropertyName("op")] int Op,
    [property: JsonPropertyName("d")] JsonElement Data,
    [property: JsonPropertyName("seq")] int? Seq = null);

/// <summary>Op 8 Hello.</summary>
public sealed record HelloData([property: JsonPropertyName("heartbeat_interval"), JsonRequired] double HeartbeatIntervalMs);

/// <summary>Op 0 Identify. The token is left out of <c>ToString</c>.</summary>
public sealed record IdentifyData(
    [property: JsonPropertyName("server_id")] string ServerId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("max_dave_protocol_version")] int MaxDaveProtocolVersion)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"ServerId = {ServerId}, UserId = {UserId}, SessionId = {SessionId}, MaxDaveProtocolVersion = {MaxDaveProtocolVersion}");
        return true;
    }
}

/// <summary>Op 2 Ready. Its <c>heartbeat_interval</c> is a leftover the docs say to ignore.</summary>
public sealed record ReadyData(
    [property: JsonPropertyName("ssrc"), JsonRequired] uint Ssrc,
    [property: JsonPropertyName("ip"), JsonRequired] string Ip,
    [property: JsonPropertyName("port"), JsonRequired] int Port,
    [property: JsonPropertyName("modes"), JsonRequired] IReadOnlyList<string> Modes);

/// <summary>Op 1 Select Protocol.</summary>
public sealed record SelectProtocolData(
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("data")] SelectProtocolConnection Data);

/// <summary>The <c>data</c> of Select Protocol: our discovered address and the chosen mode.</summary>
public sealed record SelectProtocolConnection(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("mode")] string Mode);

/// <summary>Op 4 Session Description. The key is left out of <c>ToString</c>.</summary>
public sealed record SessionDescriptionData(
    [property: JsonPropertyName("mode"), JsonRequired] string Mode,
    [property: JsonPropertyName("secret_key"), JsonRequired, JsonConverter(typeof(ByteArrayAsNumbersConverter))] byte[] SecretKey,
    [property: JsonPropertyName("dave_protocol_version")] int DaveProtocolVersion)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Mode = {Mode}, DaveProtocolVersion = {DaveProtocolVersion}");
        return true;
    }
}

/// <summary>Op 5 Speaking: flags (1 = microphone), delay 0 for bots, our SSRC.</summary>
public sealed record SpeakingData(
    [property: JsonPropertyName("speaking")] int Speaking,
    [property: JsonPropertyName("delay")] int Delay,
    [property: JsonPropertyName("ssrc")] uint Ssrc);

/// <summary>Op 3 Heartbeat: a nonce echoed by the ACK and the last <c>seq</c> received (-1 for none).</summary>
public sealed record HeartbeatData(
    [property: JsonPropertyName("t")] long Nonce,
    [property: JsonPropertyName("seq_ack")] int SeqAck);

/// <summary>Op 7 Resume. The token is left out of <c>ToString</c>.</summary>
public sealed record ResumeData(
    [property: JsonPropertyName("server_id")] string ServerId,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("seq_ack")] int SeqAck)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"ServerId = {ServerId}, SessionId = {SessionId}, SeqAck = {SeqAck}");
        return true;
    }
}

/// <summary>Op 5 Speaking from the server: another user's SSRC, so their packets can be told apart (voice-connections docs).</summary>
public sealed record SpeakingUserData(
    [property: JsonPropertyName("user_id"), JsonRequired] string UserId,
    [property: JsonPropertyName("ssrc"), JsonRequired] uint Ssrc,
    [property: JsonPropertyName("speaking")] int Speaking);

/// <summary>Op 11 Clients Connect: users now in the call (DAVE whitepaper, "Voice Gateway Opcodes").</summary>
public sealed record ClientsConnectData([property: JsonPropertyName("user_ids"), JsonRequired] IReadOnlyList<string> UserIds);

/// <summary>Op 13 Client Disconnect: a user left the call.</summary>
public sealed record ClientDisconnectData([property: JsonPropertyName("user_id"), JsonRequired] string UserId);
