namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// What a tissue looks like in each modality the phantom synthesises.
/// </summary>
/// <param name="Name">Tissue name (for docs and tests).</param>
/// <param name="ContrastCtHu">Contrast-enhanced CT (arterial-to-venous phase), Hounsfield units.</param>
/// <param name="NativeHu">The same tissue without iodine: what fluoroscopy sees (no contrast in the heart during CRT).</param>
/// <param name="Ssfp">Relative balanced-SSFP cine signal (blood = 1): T2/T1-weighted, bright blood and fat.</param>
/// <param name="Lge">Relative late-gadolinium-enhancement signal (dense scar = 1) with normal myocardium nulled.</param>
public sealed record Tissue(string Name, float ContrastCtHu, float NativeHu, float Ssfp, float Lge);

/// <summary>
/// The tissue table. Values are typical, not one scanner's: CT from clinical ranges (fat -100, muscle 40-60,
/// enhanced left-heart blood 300-450, right heart 200-300 from mixing, cortical bone ~1000+); SSFP and LGE ratios
/// from typical 1.5 T appearance (blood:myocardium about 3:1 in cine; in LGE scar ~1, blood 0.5-0.7 at 10-15 min,
/// nulled myocardium near the noise floor). Per-patient contrast timing scales the iodine part of the CT values (see <c>ThoraxBuilder</c>).
/// </summary>
public static class Tissues
{
    public static readonly Tissue Air = new("air", -1000, -1000, 0f, 0f);
    public static readonly Tissue Lung = new("lung", -860, -860, 0.05f, 0.03f);
    public static readonly Tissue Fat = new("fat", -100, -100, 0.85f, 0.5f);
    public static readonly Tissue Muscle = new("muscle", 50, 50, 0.27f, 0.12f);
    public static readonly Tissue SoftTissue = new("soft tissue", 40, 40, 0.3f, 0.15f);
    public static readonly Tissue Liver = new("liver", 95, 55, 0.33f, 0.3f);
    public static readonly Tissue Spleen = new("spleen", 110, 50, 0.4f, 0.3f);
    public static readonly Tissue CorticalBone = new("cortical bone", 1150, 1150, 0.02f, 0.02f);
    public static readonly Tissue Marrow = new("cancellous bone", 260, 260, 0.5f, 0.35f);
    public static readonly Tissue Cartilage = new("cartilage", 140, 140, 0.25f, 0.1f);
    public static readonly Tissue Disc = new("intervertebral disc", 90, 90, 0.5f, 0.1f);
    public static readonly Tissue Csf = new("cerebrospinal fluid", 10, 10, 0.9f, 0.05f);
    public static readonly Tissue LeftHeartBlood = new("left-heart blood", 380, 45, 1.0f, 0.6f);
    public static readonly Tissue RightHeartBlood = new("right-heart blood", 260, 45, 0.95f, 0.6f);
    public static readonly Tissue VenousBlood = new("coronary-venous blood", 210, 45, 0.8f, 0.55f);
    public static readonly Tissue Myocardium = new("myocardium", 115, 45, 0.28f, 0.05f);
    public static readonly Tissue Scar = new("scar", 85, 50, 0.3f, 1.0f);
    public static readonly Tissue Pericardium = new("pericardium", 45, 45, 0.12f, 0.2f);
    public static readonly Tissue Nerve = new("pericardiophrenic bundle", 45, 45, 0.3f, 0.2f);
    public static readonly Tissue Breast = new("breast", -60, -60, 0.6f, 0.35f);
}
