using System.Text.Json.Nodes;
using Json.Schema;

namespace MoodBot.Tests;

/// <summary>Checks JSON against data/soundscape.schema.json with a full JSON Schema 2020-12 validator.</summary>
internal static class SchemaValidation
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.File("data", "soundscape.schema.json")));

    public static void AssertValid(string json)
    {
        var result = Schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, "schema violations:\n" + string.Join("\n", errors) + "\n" + json);
    }

    public static bool IsValid(string json) => Schema.Evaluate(JsonNode.Parse(json)).IsValid;
}
