using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Mood.Reading;

/// <summary>Writes figures with three decimals: more is noise to a reader and to BLEU alike.</summary>
internal sealed class RoundedDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value, 3, MidpointRounding.AwayFromZero));
}
