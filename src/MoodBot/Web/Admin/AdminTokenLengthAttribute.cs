using System.ComponentModel.DataAnnotations;

namespace MoodBot.Web.Admin;

/// <summary>
/// An admin token is empty (not set: the bot's own machine only) or long enough not to be guessed;
/// a short one would turn the gate into a formality, so the host refuses to start with it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AdminTokenLengthAttribute : ValidationAttribute
{
    public const int MinLength = 16;

    public AdminTokenLengthAttribute()
        : base($"Web:AdminToken must be empty or at least {MinLength} characters (e.g. the output of `openssl rand -hex 24`).")
    {
    }

    public override bool IsValid(object? value) => value is not string token || token.Length == 0 || token.Length >= MinLength;
}
