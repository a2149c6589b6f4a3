namespace MoodBot.Lights.State;

/// <summary>Who last changed a room's lights and when; <paramref name="ColorName"/> is the mood's colour when MoodBot did.</summary>
internal sealed record LightChange(DateTimeOffset At, bool ByMoodBot, string? ColorName);
