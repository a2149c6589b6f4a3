using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoodBot.Voice.Gateway;

/// <summary>
/// Session Description sends <c>secret_key</c> as an array of numbers, where System.Text.Json
/// would read and write a byte[] as base64.
/// </summary>
public sealed class ByteArrayAsNumbersConverter : JsonConverter<byte[]>
{
    /// <inheritdoc />
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of byte values.");
        }

        var bytes = new List<byte>(32);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            bytes.Add(reader.GetByte());
        }

        return [.. bytes];
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var b in value)
        {
            writer.WriteNumberValue(b);
        }

        writer.WriteEndArray();
    }
}
