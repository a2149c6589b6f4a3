namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Which instrument plays which role. The melody goes to a lead-like texture (cello, strings,
/// brass, bells) when there is one, else to a keyboard or guitar texture; chords are comped by a
/// keyboard or guitar texture; the pad is always there underneath, quieter when something comps.
/// </summary>
internal sealed record Orchestration(
    Instrument Melody,
    Instrument? Comp,
    IReadOnlySet<Instrument> Present,
    bool Brushed)
{
    private static readonly Instrument[] LeadLike = [Instrument.Cello, Instrument.Strings, Instrument.Brass, Instrument.Bells];
    private static readonly Instrument[] CompLike =
        [Instrument.Piano, Instrument.ElectricPiano, Instrument.Guitar, Instrument.DistortedGuitar, Instrument.Synth];

    public bool HasKit => Present.Contains(Instrument.Drums) || Present.Contains(Instrument.Claps) || Present.Contains(Instrument.Percussion);

    public bool Has(Instrument instrument) => Present.Contains(instrument);

    public static Orchestration From(IReadOnlyList<string> textures, double energy)
    {
        var ordered = new List<Instrument>();
        var brushed = false;
        foreach (var texture in textures)
        {
            ordered.Add(TextureMapper.Map(texture, energy));
            brushed |= texture.Contains("brush", StringComparison.OrdinalIgnoreCase);
        }

        var present = new HashSet<Instrument>(ordered) { Instrument.Pad };
        var comps = ordered.Where(i => Array.IndexOf(CompLike, i) >= 0).ToList();
        var lead = ordered.FirstOrDefault(i => Array.IndexOf(LeadLike, i) >= 0, Instrument.Pad);
        var hasBeat = present.Contains(Instrument.Drums) || present.Contains(Instrument.Claps) || present.Contains(Instrument.Percussion);
        var melody = lead != Instrument.Pad ? lead
            : comps.Count >= 2 ? comps[1]
            : comps.Count == 1 ? comps[0]
            : energy >= 0.6 && hasBeat ? Instrument.Synth : Instrument.Piano;

        // Busy music always gets a bass line; so does anything with a beat.
        if (energy >= 0.45 || hasBeat)
        {
            present.Add(Instrument.Bass);
        }

        present.Add(melody);
        return new Orchestration(melody, comps.Count > 0 ? comps[0] : null, present, brushed);
    }
}
