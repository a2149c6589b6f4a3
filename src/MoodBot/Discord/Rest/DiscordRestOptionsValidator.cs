using Microsoft.Extensions.Options;

namespace MoodBot.Discord.Rest;

[OptionsValidator]
internal sealed partial class DiscordRestOptionsValidator : IValidateOptions<DiscordRestOptions>;
