using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;
using MoodBot.Audio.Synth.Instruments;

namespace MoodBot.Audio.Synth;

/// <summary>
/// Renders a soundscape into a seamless, mastered loop: the plan (grid, key, chords, roles), each
/// part into a shared bus, the tails folded onto the start, the reverb warmed up on the loop's own
/// end, then <see cref="MasterChain"/>. Single-threaded, so the same request always gives the same
/// bytes, and a 30 s loop takes a small fraction of a second. The inner loops are marked
/// AggressiveOptimization: the host renders on demand, and tier-0 code would make the first
/// render after start-up several times slower than the rest.
/// </summary>
internal sealed class SoundscapeRenderer
{
    /// <summary>The loop length aimed at: long enough not to sound like a loop, short enough to render in a blink.</summary>
    public static readonly TimeSpan DefaultLoopLength = TimeSpan.FromSeconds(28);

    private readonly double _targetSeconds;

    /// <param name="loopLength">
    /// Roughly how long a loop should be; it is rounded to whole four-bar phrases at the tempo.
    /// Tests pass a shorter one to save time; every length takes the same code path.
    /// </param>
    public SoundscapeRenderer(TimeSpan? loopLength = null)
    {
        _targetSeconds = (loopLength ?? DefaultLoopLength).TotalSeconds;
    }

    public RenderedLoop RenderLoop(SynthRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = LoopPlan.Create(request, _targetSeconds);
        var orchestration = plan.Orchestration;
        var energy = (float)plan.Energy;
        var brightness = 0.55f + (0.75f * energy);
        using var bus = new MixBus(plan.LoopSamples, 8 * AudioFormat.SampleRate);

        var hasComp = orchestration.Comp is not null;
        PadSynth.Render(bus, plan, hasComp ? 0.05f : 0.08f);
        ct.ThrowIfCancellationRequested();

        // One piano or guitar that both comps and leads plays one merged part; any other comping
        // instrument plays its accompaniment beside the melody (synth stabs under a synth lead,
        // power-chord chugs under a single-note guitar line).
        var melodyInstrument = orchestration.Melody;
        var merged = orchestration.Comp == melodyInstrument && melodyInstrument is Instrument.Piano or Instrument.Guitar;
        if (orchestration.Comp is { } comp && !merged)
        {
            RenderPart(bus, plan, comp, CompWriter.Write(plan, comp), 0.16f, brightness, lead: false);
            ct.ThrowIfCancellationRequested();
        }

        var melody = merged ? MergeCompAndMelody(plan, melodyInstrument) : MelodyWriter.Write(plan, melodyInstrument);
        RenderPart(bus, plan, melodyInstrument, melody, 0.22f, brightness, lead: !merged);
        ct.ThrowIfCancellationRequested();

        if (orchestration.Has(Instrument.Bass))
        {
            SawVoice.Render(bus, BassWriter.Write(plan), SawPreset.Bass, 0.32f, brightness, [], plan.Seed);
        }

        if (orchestration.Has(Instrument.Chimes))
        {
            Bells.Render(bus, ChimesWriter.Write(plan), 0.06f, 4f);
        }

        if (orchestration.Has(Instrument.Bells) && orchestration.Melody != Instrument.Bells)
        {
            Bells.Render(bus, ChimesWriter.Write(plan), 0.08f, 2f);
        }

        if (orchestration.HasKit || orchestration.Has(Instrument.Pulse))
        {
            new DrumKit(plan.Seed, plan.Energy).Render(bus, DrumWriter.Write(plan), 0.5f + (0.3f * energy));
        }

        ct.ThrowIfCancellationRequested();
        foreach (var texture in (ReadOnlySpan<Instrument>)[Instrument.Rain, Instrument.Vinyl, Instrument.Hiss, Instrument.Waves, Instrument.Wind, Instrument.Drone])
        {
            if (orchestration.Has(texture))
            {
                Ambience.Render(bus, texture, plan, AmbienceLevel(texture, energy));
            }
        }

        bus.FoldTails();
        ct.ThrowIfCancellationRequested();
        AddReverb(bus, energy);
        Tilt(bus.Left[..bus.LoopSamples], bus.Right[..bus.LoopSamples], energy);
        ct.ThrowIfCancellationRequested();

        var samples = MasterChain.Finish(bus.Left, bus.Right, bus.LoopSamples, out var mixLufs);
        return new RenderedLoop(samples, plan.Bars, plan.TempoBpm, mixLufs);
    }

    private static void RenderPart(MixBus bus, LoopPlan plan, Instrument instrument, List<Note> notes, float level, float brightness, bool lead)
    {
        switch (instrument)
        {
            case Instrument.Piano:
                Piano.Render(bus, notes, level * 1.1f, brightness);
                break;
            case Instrument.ElectricPiano:
                ElectricPiano.Render(bus, notes, level * 0.9f);
                break;
            case Instrument.Guitar:
                PluckedString.Render(bus, notes, level * 1.2f, brightness, plan.Seed);
                break;
            case Instrument.DistortedGuitar:
                SawVoice.Render(bus, notes, SawPreset.PowerChord, level * 0.8f, brightness, lead ? [] : [7, 12], plan.Seed);
                break;
            case Instrument.Cello:
                SawVoice.Render(bus, notes, SawPreset.Cello, level, brightness, [], plan.Seed);
                break;
            case Instrument.Strings:
                SawVoice.Render(bus, notes, SawPreset.Strings, level * 0.8f, brightness, [], plan.Seed);
                break;
            case Instrument.Brass:
                SawVoice.Render(bus, notes, SawPreset.Brass, level * 0.8f, brightness, [], plan.Seed);
                break;
            case Instrument.Bells:
                Bells.Render(bus, notes, level * 0.6f, 1.4f);
                break;
            default:
                SawVoice.Render(bus, notes, lead ? SawPreset.Lead : SawPreset.Stab, level * 0.6f, brightness, [], plan.Seed);
                break;
        }
    }

    /// <summary>When one piano or guitar both comps and leads, the melody rides on top of a sparser accompaniment.</summary>
    private static List<Note> MergeCompAndMelody(LoopPlan plan, Instrument instrument)
    {
        var notes = CompWriter.Write(plan, instrument);
        for (var i = 0; i < notes.Count; i++)
        {
            notes[i] = notes[i] with { Velocity = notes[i].Velocity * 0.75f };
        }

        notes.AddRange(MelodyWriter.Write(plan, instrument));
        return notes;
    }

    private static float AmbienceLevel(Instrument texture, float energy) => texture switch
    {
        Instrument.Rain => 0.09f,
        Instrument.Vinyl => 0.12f,
        Instrument.Hiss => 0.04f,
        Instrument.Waves => 0.11f - (0.03f * energy),
        Instrument.Wind => 0.06f,
        _ => 0.06f,
    };

    /// <summary>
    /// A gentle master low-pass (6 dB per octave) that opens with energy, from about 2 kHz for the
    /// sleepiest music to out of the way above 0.9: listeners hear high arousal as bright and low
    /// arousal as dark and warm (Juslin and Laukka 2003), so the whole mix follows, not only the synths.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tilt(Span<float> left, Span<float> right, float energy)
    {
        var cutoff = 1500f * MathF.Pow(2f, 5f * energy);
        if (cutoff >= 20_000f)
        {
            return;
        }

        var coefficient = 1f - MathF.Exp(-2f * MathF.PI * cutoff / AudioFormat.SampleRate);
        var loop = left.Length;
        right = right[..loop];

        // Warm the filter up on the loop's end so the loop start is filtered as every repeat hears it.
        // Both sides in one pass: two independent recursions keep the core busy.
        float stateLeft = 0f, stateRight = 0f;
        for (var n = loop - 2048; n < loop; n++)
        {
            stateLeft += coefficient * (left[n] - stateLeft);
            stateRight += coefficient * (right[n] - stateRight);
        }

        for (var n = 0; n < loop; n++)
        {
            stateLeft += coefficient * (left[n] - stateLeft);
            stateRight += coefficient * (right[n] - stateRight);
            left[n] = stateLeft;
            right[n] = stateRight;
        }
    }

    private static void AddReverb(MixBus bus, float energy)
    {
        // Quiet music sits in a bigger, wetter room.
        var decay = 3.4f - (2.0f * energy);
        var wet = 0.32f - (0.17f * energy);
        var reverb = new FdnReverb(decay, 5200f - (1500f * energy));
        var loop = bus.LoopSamples;
        var preRoll = FdnReverb.TailSamples(decay);

        // Warm the tank up on the loop's end (repeated if the loop is shorter than the tail), so the
        // reverb at the loop start already holds what the end of the previous repeat left ringing.
        var remaining = preRoll;
        while (remaining > 0)
        {
            var chunk = Math.Min(remaining, loop);
            reverb.Warm(bus.Send.Slice(loop - chunk, chunk));
            remaining -= chunk;
        }

        reverb.Process(bus.Send[..loop], bus.Left[..loop], bus.Right[..loop], wet);
    }
}
