using System.Text.Json.Serialization;

namespace MoodBot.Web.Admin;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AdminBridges))]
[JsonSerializable(typeof(AdminLights))]
[JsonSerializable(typeof(PairRequest))]
[JsonSerializable(typeof(PairingStatus))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
