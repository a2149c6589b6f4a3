namespace MoodBot.Discord.Rest;

/// <summary>
/// One queue per route and major parameter, so a response's rate-limit headers are known before
/// the next request of that bucket decides whether to wait. A queue lives only while requests
/// use it: every interaction token is a route of its own, and keeping them all would grow without end.
/// </summary>
internal sealed class RouteQueues
{
    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);

    /// <summary>Queues currently held open by requests (for tests: it returns to zero).</summary>
    public int Count
    {
        get
        {
            lock (_queues)
            {
                return _queues.Count;
            }
        }
    }

    /// <summary>Waits for the route's turn; disposing the result lets the next request of the route go.</summary>
    public async ValueTask<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Queue queue;
        lock (_queues)
        {
            if (!_queues.TryGetValue(key, out queue!))
            {
                queue = new Queue(this, key);
                _queues[key] = queue;
            }

            queue.Users++;
        }

        try
        {
            await queue.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(queue);
            throw;
        }

        return queue;
    }

    private void Leave(Queue queue)
    {
        lock (_queues)
        {
            if (--queue.Users == 0)
            {
                _queues.Remove(queue.Key);
            }
        }
    }

    private sealed class Queue(RouteQueues owner, string key) : IDisposable
    {
        public string Key { get; } = key;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Requests holding or waiting for this queue; guarded by the owner's lock.</summary>
        public int Users { get; set; }

        public void Dispose()
        {
            Gate.Release();
            owner.Leave(this);
        }
    }
}
