using Microsoft.Extensions.Options;
using Npgsql;

namespace MoodBot.State;

/// <summary>Checks the provider and its connection string; a message names the setting, never the string's value.</summary>
internal sealed class StateProviderValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        if (!options.IsPostgres && !string.Equals(options.Provider, SqlDialect.Sqlite.Name, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"State:Provider must be sqlite or postgres, not '{options.Provider}'.");
        }

        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "State:ConnectionString is required when State:Provider is postgres: set it in user secrets or the State__ConnectionString environment variable.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The parser's message can quote the string, and the string holds a password.
            return ValidateOptionsResult.Fail("State:ConnectionString is not a valid PostgreSQL connection string (its value is not shown: it is a secret).");
        }

        return ValidateOptionsResult.Success;
    }
}
