using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace MoodBot.Tests.Discord.Rest;

/// <summary>
/// Request-body schemas from Discord's official OpenAPI 3.1 document (../shared/reference/discord).
/// Its schemas are JSON Schema 2020-12; each one is built as a schema whose <c>$defs</c> are the
/// document's components, with <c>#/components/schemas/X</c> refs pointed at <c>#/$defs/X</c>.
/// </summary>
internal static partial class DiscordOpenApi
{
    private static readonly Lazy<JsonObject> Document = new(() =>
    {
        var shared = RepoPaths.Shared ?? throw new InvalidOperationException("../shared (the Discord reference) is missing");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "reference", "discord", "openapi.json")))!.AsObject();
    });

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The spec's path template matching a concrete request path, e.g. /channels/{channel_id}/messages.</summary>
    public static string PathTemplate(string path)
    {
        var matches = Document.Value["paths"]!.AsObject()
            .Select(p => p.Key)
            .Where(template => Regex.IsMatch(path, "^" + ParameterPattern().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"))
            .ToList();
        // A literal segment (messages/@original) beats a parameter that would also match it.
        return matches.OrderBy(t => t.Count(c => c == '{')).FirstOrDefault()
            ?? throw new InvalidOperationException("no path in the OpenAPI document matches " + path);
    }

    public static bool IsValidRequest(string method, string path, string body) =>
        Schema(method, PathTemplate(path)).Evaluate(JsonNode.Parse(body)).IsValid;

    public static void AssertValidRequest(string method, string path, string body)
    {
        var template = PathTemplate(path);
        var result = Schema(method, template).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
        Assert.True(result.IsValid, $"{method} {template} body violates the OpenAPI request schema:\n" + string.Join("\n", errors.Take(40)) + "\n" + body);
    }

    /// <summary>Whether the document has <paramref name="method"/> on <paramref name="template"/>, and it takes no request body.</summary>
    public static bool HasBodilessOperation(string method, string template) =>
        Document.Value["paths"]?[template]?[method.ToLowerInvariant()] is JsonObject operation && operation["requestBody"] is null;

    /// <summary>
    /// The properties of the schema a 200 response of <paramref name="method"/>
    /// <paramref name="template"/> refers to: whether each is required, and the component a
    /// property that is itself a ref names.
    /// </summary>
    public static IReadOnlyDictionary<string, (bool Required, string? Ref)> ResponseProperties(string method, string template) =>
        Properties(ResponseSchema(method, template));

    public static IReadOnlyDictionary<string, (bool Required, string? Ref)> ComponentProperties(string name) =>
        Properties(Document.Value["components"]!["schemas"]![name]!);

    public static void AssertValidResponse(string method, string template, string body)
    {
        var root = ResponseSchema(method, template).DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Document.Value["components"]!["schemas"]!.DeepClone();
        Rewrite(root);
        var result = JsonSchema.FromText(root.ToJsonString()).Evaluate(JsonNode.Parse(body));
        Assert.True(result.IsValid, $"{method} {template} response violates the OpenAPI schema:\n{body}");
    }

    private static JsonNode ResponseSchema(string method, string template) =>
        Document.Value["paths"]![template]![method.ToLowerInvariant()]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

    private static Dictionary<string, (bool Required, string? Ref)> Properties(JsonNode schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            schema = Document.Value["components"]!["schemas"]![ComponentName(reference.GetValue<string>())]!;
        }

        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        return schema["properties"]!.AsObject().ToDictionary(
            p => p.Key,
            p => (required.Contains(p.Key), p.Value?["$ref"] is JsonValue r ? ComponentName(r.GetValue<string>()) : null),
            StringComparer.Ordinal);
    }

    private static string ComponentName(string reference) => reference["#/components/schemas/".Length..];

    private static JsonSchema Schema(string method, string template) =>
        Schemas.GetOrAdd(method.ToLowerInvariant() + " " + template, _ => Build(template, method.ToLowerInvariant()));

    private static JsonSchema Build(string template, string method)
    {
        var requestSchema = Document.Value["paths"]![template]![method]?["requestBody"]?["content"]?["application/json"]?["schema"]
            ?? throw new InvalidOperationException($"{method} {template} has no JSON request body in the OpenAPI document");
        var root = requestSchema.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Document.Value["components"]!["schemas"]!.DeepClone();
        Rewrite(root);
        return JsonSchema.FromText(root.ToJsonString());
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is var target
                    && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + target["#/components/schemas/".Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }

                break;
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
