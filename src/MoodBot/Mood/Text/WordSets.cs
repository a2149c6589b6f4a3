using System.Collections.Frozen;

namespace MoodBot.Mood.Text;

/// <summary>
/// Small closed word classes the analyser needs in every language of the data (en, es, fr, de, pt,
/// it, nl). All entries are folded (lower-case, no accents), as tokens are.
/// </summary>
internal static class WordSets
{
    public static readonly FrozenSet<string> Negators = Build(
        "not", "no", "never", "nothing", "nobody", "nor", "neither", "without", "hardly", "barely", "cannot",
        "dont", "don't", "cant", "can't", "wont", "won't", "isnt", "isn't", "aint", "ain't", "didnt", "didn't",
        "doesnt", "doesn't", "wasnt", "wasn't", "werent", "weren't", "arent", "aren't", "havent", "haven't",
        "hasnt", "hasn't", "couldnt", "couldn't", "shouldnt", "shouldn't", "wouldnt", "wouldn't", "im'nt", "nah",
        "nunca", "ni", "tampoco", "nada", "sin",
        "pas", "ne", "jamais", "rien", "sans",
        "nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "ohne",
        "nao", "nem", "sem",
        "non", "mai", "senza", "neanche",
        "niet", "geen", "nooit", "zonder");

    /// <summary>Words after which the feeling that follows is the real one ("not sad, just tired").</summary>
    public static readonly FrozenSet<string> ScopeEnders = Build(
        "but", "just", "only", "though", "although", "instead", "more", "rather",
        "pero", "solo", "sino", "mais", "juste", "plutot", "aber", "nur", "sondern", "eher", "mas", "apenas",
        "ma", "piuttosto", "maar", "alleen", "eerder");

    public static readonly FrozenSet<string> Intensifiers = Build(
        "so", "very", "really", "super", "extremely", "totally", "completely", "absolutely", "utterly", "incredibly",
        "insanely", "literally", "seriously", "fully", "deeply", "truly", "mega", "hella", "af", "sooo", "soo",
        "too", "most", "ever", "damn", "freaking", "fucking", "bloody", "crazy", "way",
        "muy", "tan", "muchisimo", "demasiado", "super", "tres", "trop", "vraiment", "grave", "sehr", "total",
        "voll", "echt", "mega", "so", "muito", "demais", "tao", "molto", "troppo", "davvero", "tanto",
        "heel", "zo", "erg", "echt", "super", "enorm");

    public static readonly FrozenSet<string> Downtoners = Build(
        "bit", "kinda", "sorta", "somewhat", "slightly", "little", "mildly", "fairly", "abit", "lil",
        "poco", "algo", "peu", "etwas", "bisschen", "pouco", "meio", "po", "beetje");

    private static FrozenSet<string> Build(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal);
}
