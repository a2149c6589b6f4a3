namespace MoodBot.Tests.State;

/// <summary>The tests that run against every provider share one PostgreSQL cluster, started on first use.</summary>
[CollectionDefinition(Name)]
public sealed class StateProvidersGroup : ICollectionFixture<PostgresCluster>
{
    public const string Name = "State providers";
}
