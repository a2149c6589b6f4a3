using System.Text.Json.Serialization;
using MoodBot.Mood.Reading;

namespace MoodBot.Mood;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(MoodFile))]
internal sealed partial class MoodJsonContext : JsonSerializerContext;

/// <summary>The soundscape contract on the wire: null fields are written, so every adapter sees the same shape.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(RoundedDoubleConverter)])]
[JsonSerializable(typeof(MoodReading))]
internal sealed partial class ReadingJsonContext : JsonSerializerContext;
