namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Maps a free-text texture ("old upright piano", "swagger drums") to an instrument by keyword.
/// Order matters: the more specific word wins ("distorted guitar" before "guitar", "synth pad"
/// before "synth"). Words it does not know get a pad in quiet music and a synth in busy music.
/// </summary>
internal static class TextureMapper
{
    private static readonly (string Keyword, Instrument Instrument)[] Keywords =
    [
        ("distort", Instrument.DistortedGuitar), ("overdrive", Instrument.DistortedGuitar), ("power chord", Instrument.DistortedGuitar),
        ("chime", Instrument.Chimes),
        ("rain", Instrument.Rain), ("storm", Instrument.Rain), ("drizzle", Instrument.Rain),
        ("vinyl", Instrument.Vinyl), ("crackle", Instrument.Vinyl), ("record", Instrument.Vinyl), ("fire", Instrument.Vinyl),
        ("hiss", Instrument.Hiss), ("tape", Instrument.Hiss), ("static", Instrument.Hiss), ("noise", Instrument.Hiss),
        ("wave", Instrument.Waves), ("ocean", Instrument.Waves), ("sea", Instrument.Waves), ("surf", Instrument.Waves), ("shore", Instrument.Waves), ("stream", Instrument.Waves), ("river", Instrument.Waves),
        ("wind", Instrument.Wind), ("breeze", Instrument.Wind), ("air", Instrument.Pad), ("breath", Instrument.Pad),
        ("electric piano", Instrument.ElectricPiano), ("rhodes", Instrument.ElectricPiano), ("wurli", Instrument.ElectricPiano), ("keys", Instrument.ElectricPiano),
        ("piano", Instrument.Piano),
        ("guitar", Instrument.Guitar), ("harp", Instrument.Guitar), ("pluck", Instrument.Guitar), ("ukulele", Instrument.Guitar), ("banjo", Instrument.Guitar),
        ("cello", Instrument.Cello), ("viola", Instrument.Cello),
        ("string", Instrument.Strings), ("violin", Instrument.Strings), ("orchestra", Instrument.Strings),
        ("brass", Instrument.Brass), ("horn", Instrument.Brass), ("trumpet", Instrument.Brass), ("sax", Instrument.Brass), ("trombone", Instrument.Brass),
        ("pad", Instrument.Pad), ("choir", Instrument.Pad), ("ambient", Instrument.Pad),
        ("drone", Instrument.Drone), ("hum", Instrument.Drone), ("organ", Instrument.Drone),
        ("bass", Instrument.Bass), ("sub", Instrument.Bass), ("drop", Instrument.Bass), ("808", Instrument.Bass),
        ("synth", Instrument.Synth), ("stab", Instrument.Synth), ("lead", Instrument.Synth), ("arp", Instrument.Synth),
        ("glocken", Instrument.Bells), ("bell", Instrument.Bells), ("celesta", Instrument.Bells), ("music box", Instrument.Bells), ("marimba", Instrument.Bells), ("vibraphone", Instrument.Bells),
        ("clap", Instrument.Claps), ("snap", Instrument.Claps),
        ("kick", Instrument.Drums), ("drum", Instrument.Drums), ("beat", Instrument.Drums), ("breakbeat", Instrument.Drums),
        ("percussion", Instrument.Percussion), ("shaker", Instrument.Percussion), ("tambourine", Instrument.Percussion), ("conga", Instrument.Percussion), ("bongo", Instrument.Percussion),
        ("pulse", Instrument.Pulse), ("heartbeat", Instrument.Pulse), ("tick", Instrument.Pulse), ("clock", Instrument.Pulse),
    ];

    public static Instrument Map(string texture, double energy)
    {
        foreach (var (keyword, instrument) in Keywords)
        {
            if (texture.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return instrument;
            }
        }

        return energy >= 0.6 ? Instrument.Synth : Instrument.Pad;
    }
}
