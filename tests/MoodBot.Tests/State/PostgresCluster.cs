namespace MoodBot.Tests.State;

/// <summary>Stops and removes the shared <see cref="PostgresServer"/>, if one was started, when its group is done.</summary>
public sealed class PostgresCluster : IDisposable
{
    public void Dispose() => PostgresServer.StopShared();
}
