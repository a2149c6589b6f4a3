using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Commands;

/// <summary>
/// Registers the slash commands once per process with one bulk overwrite, which replaces the set
/// as a whole and so is idempotent: restarts and re-identifies never pile up duplicates. Global
/// commands, or one guild's in development (they appear there at once).
/// </summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    private int _registered;

    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        try
        {
            var guild = options.Value.DevelopmentGuildId;
            var registered = string.IsNullOrWhiteSpace(guild)
                ? await rest.BulkOverwriteGlobalCommandsAsync(applicationId, DiscordCommands.All, cancellationToken).ConfigureAwait(false)
                : await rest.BulkOverwriteGuildCommandsAsync(applicationId, guild, DiscordCommands.All, cancellationToken).ConfigureAwait(false);
            Log.Registered(logger, registered.Count, string.IsNullOrWhiteSpace(guild) ? "globally" : "in guild " + guild);
        }
        catch
        {
            // The next READY tries again.
            Volatile.Write(ref _registered, 0);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Registered {Count} Discord commands {Where}")]
        public static partial void Registered(ILogger logger, int count, string where);
    }
}
