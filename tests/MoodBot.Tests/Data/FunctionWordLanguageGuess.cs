using System.Text.RegularExpressions;

namespace MoodBot.Tests.Data;

/// <summary>
/// A deliberately crude language guess from function words, good enough to check that the data
/// really holds chat in other languages: a row counts for a language when at least two of its
/// function words appear and more than English ones do.
/// </summary>
internal static partial class FunctionWordLanguageGuess
{
    public const string English = "en";

    private static readonly Dictionary<string, HashSet<string>> FunctionWords = new()
    {
        ["es"] = Set("que de no la el en y los se del las un por con una su para es al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde todo nos uno les ni ese eso esto mí qué yo otro otra él tanto esa mucho nada cual poco ella estar algo mi mis tú te ti tu tus estoy estás está estamos están tengo tiene hoy"),
        ["fr"] = Set("de la le et les des en un du une que est pour qui dans par pas au sur ne se plus ce il sont avec ses son nous vous je tu on mais ou où donc ni car mon ma mes ton ta tes suis es était ai as avons ont fait très trop c'est j'ai"),
        ["de"] = Set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man ich bin du mir mich dich heute sehr ganz schon"),
        ["pt"] = Set("de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha hoje tô tá estou"),
        ["it"] = Set("di e il la che è per un in del a non una da sono con si le i gli al ma come lo più anche dei della io mi ho ha oggi sei siamo molto troppo tutto questo questa mio mia sto ancora già"),
        ["nl"] = Set("de en van het een in is dat op te zijn met voor niet aan er maar om ook als dan bij nog wel uit naar kan ik je mij ben heb was zo heel echt vandaag geen wat"),
        [English] = Set("the and i to a of it is in my so that this for was me just but you on with be at have not im i'm it's like all out up get got what about today really feel"),
    };

    public static IEnumerable<string> OtherLanguages => FunctionWords.Keys.Where(k => k != English);

    public static string Guess(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var counts = FunctionWords.ToDictionary(kv => kv.Key, kv => words.Count(kv.Value.Contains));
        var best = OtherLanguages.MaxBy(language => counts[language])!;
        return counts[best] >= 2 && counts[best] > counts[English] ? best : English;
    }

    private static HashSet<string> Set(string words) => [.. words.Split(' ')];

    [GeneratedRegex(@"[\w']+")]
    private static partial Regex Word();
}
