using MoodBot.State;

namespace MoodBot.Tests.State;

public sealed class StateOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreSqliteAndPass()
    {
        var options = new StateOptions();

        Assert.True(new StateOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new StateProviderValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsPostgres);
    }

    [Theory]
    [InlineData("mysql", null, "State:Provider must be sqlite or postgres")]
    [InlineData("postgres", null, "State:ConnectionString is required")]
    [InlineData("postgres", " ", "State:ConnectionString is required")]
    [InlineData("postgres", "Host=db;Password=hunter2;Colour=blue", "not a valid PostgreSQL connection string")]
    [InlineData("postgres", "Host=db;Password=hunter2;Port=eighty", "not a valid PostgreSQL connection string")]
    public void Validate_BadProviderSettings_FailWithOneClearMessage_NeverTheSecret(string provider, string? connectionString, string message)
    {
        var result = new StateProviderValidator().Validate(null, new StateOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
        Assert.DoesNotContain("hunter2", result.FailureMessage);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    [InlineData("Postgres")]
    public void Validate_KnownProvider_IsCaseInsensitive(string provider)
    {
        var options = new StateOptions { Provider = provider, ConnectionString = "Host=db;Username=moodbot;Password=hunter2;Database=moodbot" };

        Assert.True(new StateProviderValidator().Validate(null, options).Succeeded);
    }
}
