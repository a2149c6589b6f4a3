namespace MoodBot.Audio.Codecs.Opus;

/// <summary>What goes into the OpusTags header; null fields are left out.</summary>
internal sealed record OggOpusTags(string? Title = null, string? Artist = null)
{
    public static OggOpusTags None { get; } = new();
}
