namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>`bench cmr --real`: the real scans in the shared data folder.</summary>
public sealed record CmrRealResult(SunnybrookFigures Sunnybrook, EmidecFigures Emidec);

public static class CmrRealBench
{
    public static CmrRealResult Run(string sharedData, Action<string> progress)
    {
        var sunnybrook = SunnybrookBench.Run(Path.Combine(sharedData, "sunnybrook"), "SCD0000101", "SC-HF-I-1");
        progress($"Sunnybrook {sunnybrook.Patient}: endocardium Dice {sunnybrook.DiceEndocardium:F3} ({sunnybrook.EndocardialContours} contours; ED {sunnybrook.DiceEndocardiumEd:F3}, ES {sunnybrook.DiceEndocardiumEs:F3}), " +
            $"myocardium Dice {sunnybrook.DiceMyocardium:F3} ({sunnybrook.EpicardialContours} contours)");
        var emidec = EmidecBench.Run(Path.Combine(sharedData, "emidec"));
        foreach (var f in emidec.Fwhm)
        {
            progress($"EMIDEC FWHM ({f.Name}) over {emidec.PathologicalCases} infarct cases: Dice mean {f.InfarctDiceMean:F3} (median {f.InfarctDiceMedian:F3}), " +
                $"burden error {f.BurdenAbsErrorPctMean:F1} points; false scar in {emidec.NormalCases} normal cases {f.NormalFalseScarPctMean:F1} %");
        }
        return new CmrRealResult(sunnybrook, emidec);
    }
}
