using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace MoodBot.Tests.Lights;

/// <summary>
/// Request and response schemas of the OpenHue CLIP v2 description
/// (../shared/reference/hue/openhue.bundled.json, OpenAPI 3.0.3, every schema inline). Request
/// bodies are checked strictly: a property the spec does not name fails, so a misspelt field
/// cannot pass just because the spec leaves <c>additionalProperties</c> open.
/// </summary>
internal static partial class HueOpenApi
{
    private static readonly Lazy<JsonObject> Document = new(() =>
    {
        var shared = RepoPaths.Shared ?? throw new InvalidOperationException("../shared (the Hue reference) is missing");
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "reference", "hue", "openhue.bundled.json")))!.AsObject();
        RestoreOn(document);
        return document;
    });

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The spec's path template for a concrete path, e.g. /clip/v2/resource/grouped_light/{groupedLightId}.</summary>
    public static string PathTemplate(string path) =>
        Document.Value["paths"]!.AsObject()
            .Select(p => p.Key)
            .Where(template => Regex.IsMatch(path, "^" + ParameterPattern().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"))
            .OrderBy(t => t.Count(c => c == '{'))
            .FirstOrDefault()
        ?? throw new InvalidOperationException("no path in the OpenAPI document matches " + path);

    public static bool IsValidRequest(string method, string path, string body) =>
        Schema("request", method, PathTemplate(path)).Evaluate(JsonNode.Parse(body)).IsValid;

    public static void AssertValidRequest(string method, string path, string body) =>
        AssertValid("request", method, path, body);

    public static void AssertValidResponse(string method, string path, string body) =>
        AssertValid("response", method, path, body);

    private static void AssertValid(string kind, string method, string path, string body)
    {
        var template = PathTemplate(path);
        var result = Schema(kind, method, template).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
        Assert.True(result.IsValid, $"{method} {template} {kind} violates the OpenAPI schema:\n" + string.Join("\n", errors.Take(40)) + "\n" + body);
    }

    private static JsonSchema Schema(string kind, string method, string template) =>
        Schemas.GetOrAdd($"{kind} {method.ToLowerInvariant()} {template}", _ =>
        {
            var operation = Document.Value["paths"]![template]![method.ToLowerInvariant()]
                ?? throw new InvalidOperationException($"{method} {template} is not in the OpenAPI document");
            var schema = (kind == "request"
                ? operation["requestBody"]?["content"]?["application/json"]?["schema"]
                : operation["responses"]?["200"]?["content"]?["application/json"]?["schema"])
                ?? throw new InvalidOperationException($"{method} {template} has no JSON {kind} schema");
            var root = schema.DeepClone().AsObject();
            if (kind == "request")
            {
                Close(root);
            }

            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["components"] = Document.Value["components"]!.DeepClone();
            return JsonSchema.FromText(root.ToJsonString());
        });

    /// <summary>
    /// The bundle was made with PyYAML, which reads YAML 1.1 and so turned every <c>on:</c> key
    /// of the upstream YAML (src/common/On.yaml: <c>on: {type: object, properties: {on: ...}}</c>)
    /// into the boolean <c>true</c>, written out as the key "true". No CLIP v2 property is
    /// called "true", so every such key, and the <c>true</c> in a <c>required</c> list, is "on".
    /// </summary>
    private static void RestoreOn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["required"] is JsonArray required)
                {
                    for (var i = 0; i < required.Count; i++)
                    {
                        if (required[i] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag)
                        {
                            required[i] = "on";
                        }
                    }
                }

                foreach (var (key, child) in obj.ToList())
                {
                    RestoreOn(child);
                    if (key == "true")
                    {
                        obj.Remove(key);
                        obj["on"] = child;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RestoreOn(child);
                }

                break;
        }
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    obj["additionalProperties"] = false;
                    foreach (var (_, child) in properties)
                    {
                        Close(child);
                    }
                }

                Close(obj["items"]);
                break;
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
