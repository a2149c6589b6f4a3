namespace MoodBot.Audio.Synth.Composition;

/// <summary>
/// Drum patterns on a 16-step grid. Every style marks each beat (kick or backbeat) so the pulse is
/// unambiguous, and gets busier with energy: soft (kick 1 and 3, backbeat, eighth shakers),
/// groove (syncopated kick, eighth hats), driving (four on the floor, sixteenth hats, open hats on the off-beats).
/// Without a kit, a "pulse" texture gets a soft heartbeat and a tick on every beat (and a quieter
/// one between them once the music has some energy).
/// </summary>
internal static class DrumWriter
{
    public static List<DrumHit> Write(LoopPlan plan)
    {
        var random = plan.Random(40);
        var hits = new List<DrumHit>();
        var orchestration = plan.Orchestration;
        var step = plan.StepSamples;
        var backbeat = orchestration.Has(Instrument.Claps) ? DrumSound.Clap : orchestration.Brushed ? DrumSound.Brush : DrumSound.Snare;
        var lightOnly = !orchestration.Has(Instrument.Drums) && !orchestration.Has(Instrument.Claps);
        for (var bar = 0; bar < plan.Bars; bar++)
        {
            var barStart = bar * plan.BarSamples;
            void Hit(DrumSound sound, int s, float velocity, float pan)
            {
                var v = Math.Clamp(velocity + (0.07f * random.NextBipolar()), 0.1f, 1f);
                hits.Add(new DrumHit(sound, barStart + (s * step) + (plan.Humanise(ref random) / 2), v, pan));
            }

            if (!orchestration.HasKit)
            {
                // A pulse, not a beat: a soft heartbeat thump on 1 and 3 and a light tick on every beat.
                Hit(DrumSound.SoftKick, 0, 0.7f, 0);
                Hit(DrumSound.SoftKick, 8, 0.55f, 0);
                for (var beat = 0; beat < 4; beat++)
                {
                    Hit(DrumSound.Shaker, beat * 4, beat % 2 == 0 ? 0.55f : 0.45f, 0.25f);

                    // Past the middle of the energy range the pulse becomes a tick-tock: a quiet hat on
                    // each off-beat, the steady clockwork of a lo-fi study beat.
                    if (plan.Energy >= 0.5)
                    {
                        Hit(DrumSound.ClosedHat, (beat * 4) + 2, 0.3f, -0.25f);
                    }
                }

                continue;
            }

            if (lightOnly || plan.Energy < 0.6)
            {
                Hit(lightOnly ? DrumSound.SoftKick : DrumSound.Kick, 0, 0.85f, 0);
                Hit(lightOnly ? DrumSound.SoftKick : DrumSound.Kick, 8, 0.75f, 0);
                Hit(backbeat, 4, 0.7f, 0.1f);
                Hit(backbeat, 12, 0.72f, 0.1f);
                for (var s = 0; s < 16; s += 2)
                {
                    Hit(DrumSound.Shaker, s, s % 4 == 0 ? 0.55f : 0.4f, 0.35f);
                }
            }
            else if (plan.Energy < 0.85)
            {
                int[] kicks = bar % 4 == 3 ? [0, 7, 8, 14] : [0, 7, 8];
                foreach (var s in kicks)
                {
                    Hit(DrumSound.Kick, s, s % 8 == 0 ? 0.95f : 0.7f, 0);
                }

                Hit(backbeat, 4, 0.85f, 0.08f);
                Hit(backbeat, 12, 0.88f, 0.08f);
                for (var s = 0; s < 16; s += 2)
                {
                    Hit(DrumSound.ClosedHat, s, s % 4 == 0 ? 0.6f : 0.42f, -0.3f);
                }
            }
            else
            {
                for (var beat = 0; beat < 4; beat++)
                {
                    Hit(DrumSound.Kick, beat * 4, 1f, 0);
                    Hit(DrumSound.OpenHat, (beat * 4) + 2, 0.5f, -0.25f);
                }

                Hit(backbeat, 4, 0.9f, 0.05f);
                Hit(backbeat, 12, 0.92f, 0.05f);
                for (var s = 0; s < 16; s++)
                {
                    if (s % 4 != 2)
                    {
                        Hit(DrumSound.ClosedHat, s, s % 2 == 0 ? 0.5f : 0.32f, 0.3f);
                    }
                }
            }
        }

        return hits;
    }
}
