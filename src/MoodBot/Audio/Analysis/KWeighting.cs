namespace MoodBot.Audio.Analysis;

/// <summary>
/// The two-stage K-weighting pre-filter of ITU-R BS.1770-4 §2.1: a high shelf (+4 dB above about
/// 1.5 kHz, the head's acoustic effect) followed by the RLB high-pass. The Recommendation tabulates
/// coefficients only for 48 kHz; these are derived from the analogue prototypes (the same
/// derivation libebur128 uses) so other rates work too, and at 48 kHz they match the table to 1e-8.
/// </summary>
internal readonly record struct KWeighting(Biquad Shelf, Biquad HighPass)
{
    public static KWeighting ForSampleRate(int sampleRate)
    {
        // Stage 1: high shelf.
        const double ShelfF0 = 1681.974450955533;
        const double ShelfGainDb = 3.999843853973347;
        const double ShelfQ = 0.7071752369554196;
        var k = Math.Tan(Math.PI * ShelfF0 / sampleRate);
        var vh = Math.Pow(10.0, ShelfGainDb / 20.0);
        var vb = Math.Pow(vh, 0.4996667741545416);
        var a0 = 1.0 + (k / ShelfQ) + (k * k);
        var shelf = new Biquad(
            (vh + (vb * k / ShelfQ) + (k * k)) / a0,
            2.0 * ((k * k) - vh) / a0,
            (vh - (vb * k / ShelfQ) + (k * k)) / a0,
            2.0 * ((k * k) - 1.0) / a0,
            (1.0 - (k / ShelfQ) + (k * k)) / a0);

        // Stage 2: RLB high-pass; its numerator is exactly 1, -2, 1 in the Recommendation's table.
        const double HighPassF0 = 38.13547087602444;
        const double HighPassQ = 0.5003270373238773;
        k = Math.Tan(Math.PI * HighPassF0 / sampleRate);
        a0 = 1.0 + (k / HighPassQ) + (k * k);
        var highPass = new Biquad(1.0, -2.0, 1.0, 2.0 * ((k * k) - 1.0) / a0, (1.0 - (k / HighPassQ) + (k * k)) / a0);
        return new KWeighting(shelf, highPass);
    }
}
