using System.Text.Json;

namespace MoodBot.Tests.Rooms;

/// <summary>An open <c>text/event-stream</c> response, read one event at a time (bounded, so a bug fails instead of hanging).</summary>
internal sealed class EventStreamReader(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event named <paramref name="name"/> whose data satisfies <paramref name="match"/>; others are passed over.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? type = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The event stream ended.");
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
            else if (line.Length == 0 && data.Count > 0)
            {
                var element = JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone();
                if (type == name && (match is null || match(element)))
                {
                    return element;
                }

                (type, data) = (null, []);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
