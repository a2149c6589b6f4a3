using System.Text.Json.Serialization;

namespace MoodBot.Audio.Catalogue;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(CatalogueFile))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
