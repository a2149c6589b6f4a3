using System.Runtime.CompilerServices;
namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// Attack-decay-sustain-release with a linear attack and exponential decay and release (how
/// analogue envelopes and real instruments fade). Attack is the rise time, decay the time constant
/// towards sustain, release the time to fall 60 dB after the gate closes at <c>gateSamples</c>.
/// Mutable struct, one per note.
/// </summary>
internal struct Adsr
{
    private readonly float _attackStep, _decayCoef, _sustain, _releaseCoef;
    private readonly int _gate;
    private int _n;
    private float _level;
    private bool _attacking;

    public Adsr(float attack, float decay, float sustain, float release, int gateSamples)
    {
        _attackStep = 1f / Math.Max(1f, attack * AudioFormat.SampleRate);
        _decayCoef = Coefficient(decay);
        _sustain = sustain;
        _releaseCoef = Coefficient(release / 6.9f);
        _gate = gateSamples;
        _n = 0;
        _level = 0;
        _attacking = true;
    }

    /// <summary>How long a note rings after its gate: the release, in samples.</summary>
    public static int ReleaseSamples(float release) => (int)(release * AudioFormat.SampleRate);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Next()
    {
        if (_n++ >= _gate)
        {
            _level *= _releaseCoef;
        }
        else if (_attacking)
        {
            _level += _attackStep;
            if (_level >= 1f)
            {
                _level = 1f;
                _attacking = false;
            }
        }
        else
        {
            _level = _sustain + ((_level - _sustain) * _decayCoef);
        }

        return _level;
    }

    /// <summary>Per-sample multiplier for an exponential fall with time constant <paramref name="seconds"/>.</summary>
    public static float Coefficient(float seconds) => MathF.Exp(-1f / Math.Max(1f, seconds * AudioFormat.SampleRate));
}
