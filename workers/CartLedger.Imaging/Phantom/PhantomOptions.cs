using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// What to generate. Everything not given is drawn from <see cref="Seed"/>; the same options always give the same
/// patient, bit for bit.
/// </summary>
public sealed record PhantomOptions
{
    /// <summary>
    /// A patient whose CMR is all that is used (CMR benchmarks and tests): coarse CT, a 64-pixel detector of 2 mm, no
    /// LV lead, so the CT and fluoroscopy cost little. Everything else as the seed draws it; adjust with <c>with</c>.
    /// </summary>
    public static PhantomOptions CmrOnly(int seed) => new() { Seed = seed, Ct = CtResolution.Fast, DetectorPixels = 64, DetectorPixelMm = 2, Lead = LeadPlacement.None };

    public int Seed { get; init; } = 1;

    /// <summary>Requested scar per 36-segment; null lets the seed choose (ischaemic territory, mid-wall stripe or none); empty means no scar.</summary>
    public IReadOnlyList<ScarSpec>? Scar { get; init; }

    public ActivationPattern Activation { get; init; } = ActivationPattern.Lbbb;

    /// <summary>Forces the site of latest activation into this 36-segment (else the seed chooses).</summary>
    public int? LateSegment36 { get; init; }

    /// <summary>Fluoroscopy views as (primary, secondary) angles in degrees: LAO/cranial positive. Default LAO 40 and RAO 30.</summary>
    public IReadOnlyList<(double PrimaryDeg, double SecondaryDeg)> Views { get; init; } = [(40, 0), (-30, 0)];

    /// <summary>Contrast in the coronary sinus and its branches (balloon-occlusion venogram) in the fluoroscopy.</summary>
    public bool Venogram { get; init; } = true;

    /// <summary>Where the LV lead is: none, at the true primary target, or in a given 36-segment.</summary>
    public LeadPlacement Lead { get; init; } = LeadPlacement.AtTarget;

    /// <summary>Which 36-segment, when <see cref="Lead"/> is <see cref="LeadPlacement.InSegment"/>.</summary>
    public int? LeadSegment36 { get; init; }

    public CtResolution Ct { get; init; } = CtResolution.Full;

    /// <summary>
    /// The CT in its own frame of reference (<see cref="CtFrameOffset"/>: a seeded table shift and tilt from the CMR
    /// frame), with its own FrameOfReferenceUID; off by default: CT and CMR share one frame, as before.
    /// </summary>
    public bool CtOwnFrame { get; init; }

    /// <summary>Detector pixels per side (square detector) and their pitch at the detector, mm.</summary>
    public int DetectorPixels { get; init; } = 1024;
    public double DetectorPixelMm { get; init; } = 0.3;

    public int CinePhases { get; init; } = 30;

    public void Validate()
    {
        foreach (var spec in Scar ?? [])
        {
            spec.Validate();
        }
        if (Scar is { } scar && scar.Select(s => s.Segment36).Distinct().Count() != scar.Count)
        {
            throw new ArgumentException("each scar segment may be given once");
        }
        if (Views.Count < 1)
        {
            throw new ArgumentException("at least one fluoroscopy view is needed");
        }
        foreach (var (primary, secondary) in Views)
        {
            if (primary is < -180 or > 180 || secondary is < -90 or > 90)
            {
                throw new ArgumentException($"view angles ({primary}, {secondary}) are outside primary -180..180 and secondary -90..90 degrees");
            }
        }
        if (Lead == LeadPlacement.InSegment && LeadSegment36 is not (>= 1 and <= 36))
        {
            throw new ArgumentException("a lead placed in a segment needs a 36-segment number (1-36)");
        }
        if (LateSegment36 is { } late && late is < 1 or > 36)
        {
            throw new ArgumentException($"late activation segment {late} is not a 36-segment number (1-36)");
        }
        if (CinePhases is < 2 or > 100)
        {
            throw new ArgumentException($"cine phases {CinePhases} is outside 2..100");
        }
        if (DetectorPixels is < 64 or > 2048 || DetectorPixelMm is <= 0.05 or > 2)
        {
            throw new ArgumentException($"detector {DetectorPixels} pixels of {DetectorPixelMm} mm is outside 64..2048 pixels of 0.05..2 mm");
        }
    }
}

public enum LeadPlacement
{
    None,
    AtTarget,
    InSegment,
}

/// <summary>CT voxel size: Full = 1 mm isotropic over the thorax (the default); Fast = 2 mm for benchmarks that generate many patients.</summary>
public enum CtResolution
{
    Full,
    Fast,
}
