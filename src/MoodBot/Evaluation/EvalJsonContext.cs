using System.Text.Json.Serialization;
using MoodBot.Mood.Reading;
using MoodBot.Mood.Training;

namespace MoodBot.Evaluation;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    Converters = [typeof(RoundedDoubleConverter)])]
[JsonSerializable(typeof(EvalReport))]
[JsonSerializable(typeof(ModelMetrics))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
