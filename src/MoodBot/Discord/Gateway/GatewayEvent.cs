using System.Text.Json;

namespace MoodBot.Discord.Gateway;

/// <summary>A dispatch (op 0): the event name, its sequence number and its raw data.</summary>
internal sealed record GatewayEvent(string Name, int Sequence, JsonElement Data);
