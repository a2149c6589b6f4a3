using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MoodBot.Tests.Slack;

/// <summary>
/// Slack's published specs (../shared/reference/slack): the Web API's Swagger 2.0 document, whose
/// methods take <c>formData</c> parameters (the same names go in a JSON body), and the Events
/// API's event wrapper JSON Schema and AsyncAPI topics.
/// </summary>
internal static class SlackSpecs
{
    private static readonly Lazy<JsonObject> WebApi = new(() => Load("web-api", "slack_web_openapi_v2.json"));
    private static readonly Lazy<JsonObject> EventsApi = new(() => Load("events-api", "slack_events_api_async_v1.json"));
    private static readonly Lazy<JsonSchema> Wrapper = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "events-api", "slack_common_event_wrapper_schema.json"))));

    private static string Folder =>
        Path.Combine(RepoPaths.Shared ?? throw new InvalidOperationException("../shared (the Slack reference) is missing"), "reference", "slack");

    /// <summary>The method's formData parameters (name → required).</summary>
    public static IReadOnlyDictionary<string, bool> Parameters(string method)
    {
        var operation = WebApi.Value["paths"]!["/" + method]?["post"]
            ?? throw new InvalidOperationException($"{method} is not a POST method in the Web API spec");
        return operation["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "formData")
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["required"]?.GetValue<bool>() ?? false, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every field of the JSON body is a documented parameter of the method, every required one is
    /// there, the method takes JSON, and its token (a header parameter) came as a Bearer token.
    /// </summary>
    public static void AssertValidRequest(FakeSlackRequest request)
    {
        var operation = WebApi.Value["paths"]!["/" + request.Method]!["post"]!;
        Assert.Contains("application/json", operation["consumes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("Bearer xoxb-", request.Authorization, StringComparison.Ordinal);

        var parameters = Parameters(request.Method);
        var body = JsonDocument.Parse(request.Body).RootElement;
        var sent = body.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var name in sent)
        {
            Assert.True(parameters.ContainsKey(name), $"{request.Method} has no parameter \"{name}\" in the spec; body: {request.Body}");
        }

        foreach (var (name, required) in parameters)
        {
            Assert.True(!required || sent.Contains(name), $"{request.Method} requires \"{name}\"; body: {request.Body}");
        }
    }

    /// <summary>An Events API callback as Slack sends it matches the published wrapper schema.</summary>
    public static void AssertValidEvent(string json)
    {
        var result = Wrapper.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, "event violates slack_common_event_wrapper_schema.json:\n" + string.Join("\n", errors) + "\n" + json);
    }

    /// <summary>The scopes the Events API spec says an event needs (<c>x-scopes-required</c>); its topics use dots.</summary>
    public static IReadOnlyList<string> ScopesFor(string eventName) =>
        [.. EventsApi.Value["topics"]![eventName.Replace('_', '.')]!["subscribe"]!["x-scopes-required"]!.AsArray().Select(s => s!.GetValue<string>())];

    private static JsonObject Load(string folder, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, folder, file)))!.AsObject();
}
