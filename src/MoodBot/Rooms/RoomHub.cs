namespace MoodBot.Rooms;

/// <summary>
/// What only this process knows about a room: who is listening (open event streams), and a
/// version that moves on every change, so each stream knows when to send the new state.
/// </summary>
internal sealed class RoomHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Presence> _rooms = new(StringComparer.Ordinal);

    public int Listeners(string slug)
    {
        lock (_gate)
        {
            return _rooms.GetValueOrDefault(slug)?.Listeners ?? 0;
        }
    }

    public long Version(string slug)
    {
        lock (_gate)
        {
            return _rooms.GetValueOrDefault(slug)?.Version ?? 0;
        }
    }

    /// <summary>Counts a listener until the returned handle is disposed.</summary>
    public IDisposable Listen(string slug)
    {
        lock (_gate)
        {
            var presence = For(slug);
            presence.Listeners++;
            presence.Bump();
        }

        return new Listening(this, slug);
    }

    public void Notify(string slug)
    {
        lock (_gate)
        {
            For(slug).Bump();
        }
    }

    /// <summary>Completes once the room's version is past <paramref name="version"/>.</summary>
    public Task ChangedAfter(string slug, long version)
    {
        lock (_gate)
        {
            var presence = For(slug);
            return presence.Version > version ? Task.CompletedTask : presence.Changed.Task;
        }
    }

    private void Leave(string slug)
    {
        lock (_gate)
        {
            var presence = For(slug);
            presence.Listeners--;
            presence.Bump();
        }
    }

    private Presence For(string slug)
    {
        if (!_rooms.TryGetValue(slug, out var presence))
        {
            presence = new Presence();
            _rooms[slug] = presence;
        }

        return presence;
    }

    private sealed class Presence
    {
        public int Listeners { get; set; }

        public long Version { get; private set; }

        public TaskCompletionSource Changed { get; private set; } = NewSignal();

        public void Bump()
        {
            Version++;
            var changed = Changed;
            Changed = NewSignal();
            changed.TrySetResult();
        }

        // Waiters continue on the thread pool, never inline under the hub's lock.
        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Listening(RoomHub hub, string slug) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Leave(slug);
            }
        }
    }
}
