using System.Text.Json.Serialization;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack;

/// <summary>Slack's JSON, snake_case; nulls are left out so each body carries only the fields its method takes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocketMessage))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(SlackReply))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(BlockActions))]
[JsonSerializable(typeof(UrlVerificationAnswer))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
