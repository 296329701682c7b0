namespace CartLedger.Cmr.Evaluation;

/// <summary>Cohen's kappa for two raters' yes/no calls on the same items (seed 2: scar location kappa 0.866 between observers).</summary>
public static class Agreement
{
    /// <summary>kappa = (p_o - p_e) / (1 - p_e); 1 when both raters agree on every item even if p_e = 1.</summary>
    public static double CohensKappa(IReadOnlyList<bool> rater1, IReadOnlyList<bool> rater2)
    {
        if (rater1.Count != rater2.Count || rater1.Count == 0)
        {
            throw new ArgumentException($"kappa needs two equally long, non-empty rating lists (got {rater1.Count} and {rater2.Count}).", nameof(rater2));
        }
        double n = rater1.Count, agree = 0, yes1 = 0, yes2 = 0;
        for (var i = 0; i < rater1.Count; i++)
        {
            agree += rater1[i] == rater2[i] ? 1 : 0;
            yes1 += rater1[i] ? 1 : 0;
            yes2 += rater2[i] ? 1 : 0;
        }
        var observed = agree / n;
        var expected = yes1 / n * (yes2 / n) + (1 - yes1 / n) * (1 - yes2 / n);
        return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
    }
}
