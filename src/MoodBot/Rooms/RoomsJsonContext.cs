using System.Text.Json.Serialization;

namespace MoodBot.Rooms;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreateRoomRequest))]
[JsonSerializable(typeof(UpdateRoomRequest))]
[JsonSerializable(typeof(SkipRequest))]
[JsonSerializable(typeof(CreatedRoom))]
[JsonSerializable(typeof(RoomState))]
[JsonSerializable(typeof(RoomPosition))]
[JsonSerializable(typeof(RoomLights))]
internal sealed partial class RoomsJsonContext : JsonSerializerContext;
