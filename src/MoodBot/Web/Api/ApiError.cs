namespace MoodBot.Web.Api;

/// <summary>Every error the API answers, in one shape: a sentence a person can act on.</summary>
internal sealed record ApiError(string Error);
