using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Audio.Gcs;

/// <summary>
/// A loopback Kestrel server speaking the one JSON API call the catalogue makes,
/// <c>GET /storage/v1/b/{bucket}/o</c> with <c>prefix</c>, <c>maxResults</c> and <c>pageToken</c>,
/// answering as Google documents it (objects#list: kind, items, nextPageToken; sizes as strings).
/// </summary>
public sealed class FakeGcsJsonApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeGcsRequest> _requests = new();
    private readonly ConcurrentDictionary<string, List<FakeGcsObject>> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _denied = new(StringComparer.Ordinal);

    private FakeGcsJsonApi(WebApplication app)
    {
        _app = app;
        _app.MapGet("/storage/v1/b/{bucket}/o", List);
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeGcsRequest> Requests => [.. _requests];

    public static async Task<FakeGcsJsonApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeGcsJsonApi(builder.Build());
        fake._app.Use(async (context, next) =>
        {
            fake._requests.Enqueue(new FakeGcsRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers.Authorization.Count > 0));
            await next(context);
        });
        await fake._app.StartAsync();
        fake.BaseUri = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/storage/v1/");
        return fake;
    }

    public void Add(string bucket, params FakeGcsObject[] objects) =>
        _buckets.GetOrAdd(bucket, _ => []).AddRange(objects);

    public void Deny(string bucket) => _denied[bucket] = true;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult List(string bucket, string? prefix, int? maxResults, string? pageToken)
    {
        if (_denied.ContainsKey(bucket))
        {
            return Error(HttpStatusCode.Forbidden, "forbidden",
                $"anonymous caller does not have storage.objects.list access to the Google Cloud Storage bucket {bucket}.");
        }

        if (!_buckets.TryGetValue(bucket, out var objects))
        {
            return Error(HttpStatusCode.NotFound, "notFound", "The specified bucket does not exist.");
        }

        var matching = objects.Where(o => prefix is null || o.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var start = pageToken is null ? 0 : int.Parse(pageToken, CultureInfo.InvariantCulture);
        var page = matching.Skip(start).Take(maxResults ?? 1000).ToList();
        var next = start + page.Count;

        var body = new JsonObject
        {
            ["kind"] = "storage#objects",
            ["items"] = new JsonArray([.. page.Select(o => (JsonNode)Item(bucket, o))]),
        };
        if (next < matching.Count)
        {
            body["nextPageToken"] = next.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static JsonObject Item(string bucket, FakeGcsObject o)
    {
        var item = new JsonObject
        {
            ["kind"] = "storage#object",
            ["id"] = $"{bucket}/{o.Name}/1700000000000000",
            ["name"] = o.Name,
            ["bucket"] = bucket,
            ["generation"] = "1700000000000000",
            ["size"] = o.Size.ToString(CultureInfo.InvariantCulture),
        };
        if (o.ContentType is not null)
        {
            item["contentType"] = o.ContentType;
        }

        if (o.Metadata is not null)
        {
            item["metadata"] = new JsonObject([.. o.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))]);
        }

        return item;
    }

    private static IResult Error(HttpStatusCode status, string reason, string message)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = (int)status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
            },
        };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: (int)status);
    }
}
