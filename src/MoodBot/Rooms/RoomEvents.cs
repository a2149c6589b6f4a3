using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MoodBot.Rooms;

/// <summary>
/// <c>GET /api/rooms/{slug}/events</c>: the room's state on connect and after every change, the
/// position as a heartbeat, and <c>deleted</c> when the room goes. An open stream is a listener.
/// </summary>
internal static class RoomEvents
{
    public const string StateEvent = "state";
    public const string PositionEvent = "position";
    public const string DeletedEvent = "deleted";

    // Wake just after the playing track ends, so the next one is announced without waiting for a heartbeat.
    private static readonly TimeSpan TrackEndSlack = TimeSpan.FromMilliseconds(50);

    public static IResult Stream(string slug, HttpContext context, RoomService rooms, RoomHub hub, TimeProvider time, IOptions<RoomOptions> options)
    {
        var (room, _, error) = RoomsApi.Resolve(slug, context, rooms);
        return error ?? TypedResults.ServerSentEvents(Events(room!.Slug, rooms, hub, time, options.Value.HeartbeatInterval, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        string slug, RoomService rooms, RoomHub hub, TimeProvider time, TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var listening = hub.Listen(slug);
        long sent = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var state = await rooms.GetAsync(slug, cancellationToken);
            if (state is null)
            {
                yield return new SseItem<string>("{}", DeletedEvent);
                yield break;
            }

            if (state.Version != sent)
            {
                sent = state.Version;
                yield return new SseItem<string>(JsonSerializer.Serialize(state, RoomsJsonContext.Default.RoomState), StateEvent);
            }
            else
            {
                var position = new RoomPosition(state.NowPlaying?.Id, state.NowPlaying?.PositionSeconds ?? 0, state.ServerTime, state.Listeners);
                yield return new SseItem<string>(JsonSerializer.Serialize(position, RoomsJsonContext.Default.RoomPosition), PositionEvent);
            }

            var wait = heartbeat;
            if (state.NowPlaying is { } playing && TimeSpan.FromSeconds(playing.DurationSeconds - playing.PositionSeconds) + TrackEndSlack is var left && left < wait)
            {
                wait = left;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var tick = Task.Delay(wait, time, timeout.Token);
            await Task.WhenAny(hub.ChangedAfter(slug, sent), tick);
            await timeout.CancelAsync();
        }
    }
}
