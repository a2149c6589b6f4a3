namespace MoodBot.Mood.Reading;

/// <summary>
/// A short reply that steers the last reading instead of describing a new feeling ("calmer",
/// "something else"): how far it moves valence and arousal, or, for <see cref="SomethingElse"/>,
/// only asks for other tracks.
/// </summary>
internal sealed record FollowUp(string Name, double Valence, double Arousal)
{
    public static readonly FollowUp Calmer = new("calmer", 0, -0.35);
    public static readonly FollowUp MoreUpbeat = new("more upbeat", 0.3, 0.25);
    public static readonly FollowUp MoreEnergy = new("more energy", 0.05, 0.4);
    public static readonly FollowUp LessSad = new("less sad", 0.35, 0.05);
    public static readonly FollowUp SomethingElse = new("something else", 0, 0);

    private static readonly Dictionary<string, FollowUp> Phrases = new(StringComparer.Ordinal)
    {
        ["calmer"] = Calmer,
        ["more calm"] = Calmer,
        ["slower"] = Calmer,
        ["chiller"] = Calmer,
        ["calm it down"] = Calmer,
        ["more upbeat"] = MoreUpbeat,
        ["upbeat"] = MoreUpbeat,
        ["happier"] = MoreUpbeat,
        ["brighter"] = MoreUpbeat,
        ["cheer me up"] = MoreUpbeat,
        ["more energy"] = MoreEnergy,
        ["more energetic"] = MoreEnergy,
        ["faster"] = MoreEnergy,
        ["pump it up"] = MoreEnergy,
        ["less sad"] = LessSad,
        ["not so sad"] = LessSad,
        ["less gloomy"] = LessSad,
        ["something else"] = SomethingElse,
        ["another"] = SomethingElse,
        ["another one"] = SomethingElse,
        ["next"] = SomethingElse,
        ["different"] = SomethingElse,
        ["something different"] = SomethingElse,
    };

    private static readonly string[] Fillers = ["please", "pls", "a bit", "a little", "bit", "make it", "something", "even", "much", "way"];

    /// <summary>
    /// The follow-up a whole message asks for, or null. Only short messages that are nothing but
    /// the request count: "I feel calmer now" is a new feeling to read, not a follow-up.
    /// </summary>
    public static FollowUp? Parse(string text)
    {
        if (text.Length > 40)
        {
            return null;
        }

        var words = new string([.. text.ToLowerInvariant().Select(c => char.IsLetter(c) || c == ' ' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var phrase = string.Join(' ', words);
        if (Phrases.TryGetValue(phrase, out var exact))
        {
            return exact;
        }

        foreach (var filler in Fillers)
        {
            phrase = $" {phrase} ".Replace($" {filler} ", " ", StringComparison.Ordinal).Trim();
        }

        return Phrases.GetValueOrDefault(phrase);
    }
}
