namespace MoodBot.Audio.Analysis;

/// <summary>What <see cref="LoudnessMeter"/> reports: integrated LUFS, true peak in dBTP, sample peak in dBFS.</summary>
internal sealed record LoudnessMeasurement(double IntegratedLufs, double TruePeakDbtp, double SamplePeakDbfs);
