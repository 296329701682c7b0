namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>`bench cmr --real`: the real scans in the shared data folder.</summary>
public sealed record CmrRealResult(SunnybrookFigures Sunnybrook);

public static class CmrRealBench
{
    public static CmrRealResult Run(string sharedData, Action<string> progress)
    {
        var sunnybrook = SunnybrookBench.Run(Path.Combine(sharedData, "sunnybrook"), "SCD0000101", "SC-HF-I-1");
        progress($"Sunnybrook {sunnybrook.Patient}: endocardium Dice {sunnybrook.DiceEndocardium:F3} ({sunnybrook.EndocardialContours} contours; ED {sunnybrook.DiceEndocardiumEd:F3}, ES {sunnybrook.DiceEndocardiumEs:F3}), " +
            $"myocardium Dice {sunnybrook.DiceMyocardium:F3} ({sunnybrook.EpicardialContours} contours)");
        return new CmrRealResult(sunnybrook);
    }
}
