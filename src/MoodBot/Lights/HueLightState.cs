namespace MoodBot.Lights;

/// <summary>
/// What a mood asks of a Hue light or group: either a colour (<see cref="Xy"/>) or a white
/// (<see cref="Mirek"/>), never both.
/// </summary>
/// <param name="Brightness">Percent, 1..100 (Hue treats 0 as its lowest level anyway).</param>
internal sealed record HueLightState(double Brightness, CieXy? Xy, int? Mirek, int TransitionMs);
