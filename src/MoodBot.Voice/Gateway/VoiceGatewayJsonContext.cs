using System.Text.Json.Serialization;

namespace MoodBot.Voice.Gateway;

/// <summary>Source-generated JSON for the voice gateway's payloads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VoiceGatewayMessage))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(IdentifyData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(SelectProtocolData))]
[JsonSerializable(typeof(SessionDescriptionData))]
[JsonSerializable(typeof(SpeakingData))]
[JsonSerializable(typeof(HeartbeatData))]
[JsonSerializable(typeof(ResumeData))]
[JsonSerializable(typeof(SpeakingUserData))]
[JsonSerializable(typeof(ClientsConnectData))]
[JsonSerializable(typeof(ClientDisconnectData))]
public sealed partial class VoiceGatewayJsonContext : JsonSerializerContext;
