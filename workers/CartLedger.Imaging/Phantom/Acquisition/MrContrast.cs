using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// One MR contrast: the tissue signal, the patient's deviations from the table (LGE: how well the inversion time
/// nulled the myocardium, how bright the blood still is), the noise level and the stored intensity scale.
/// </summary>
public sealed record MrContrast(string Name, Func<Tissue, float> Signal, double NoiseSd, double StoredScale)
{
    public static MrContrast Ssfp(SeededRandom r)
    {
        var blood = (float)r.Uniform(0.9, 1.05);
        return new MrContrast("SSFP cine", t => t == Tissues.LeftHeartBlood || t == Tissues.RightHeartBlood ? blood * t.Ssfp : t.Ssfp,
            1.0 / r.Uniform(22, 40), 800);
    }

    public static MrContrast Lge(SeededRandom r)
    {
        var myocardium = (float)r.Uniform(0.03, 0.14);
        // About 10 minutes after gadolinium the blood pool is grey: well below dense scar, well above nulled myocardium.
        var blood = (float)r.Uniform(0.25, 0.45);
        return new MrContrast("LGE", t =>
            t == Tissues.Myocardium ? myocardium
            : t == Tissues.LeftHeartBlood || t == Tissues.RightHeartBlood || t == Tissues.VenousBlood ? blood
            : t.Lge, 1.0 / r.Uniform(18, 30), 600);
    }
}
