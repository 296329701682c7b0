using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Acquisition;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Truth;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// One synthetic CRT patient in memory: the studies (CT, cine, LGE, fluoroscopy) and the truth they are scored
/// against. Generate with <c>PhantomGenerator.Generate</c>.
/// </summary>
public sealed class PhantomPatient
{
    public required PhantomOptions Options { get; init; }
    public required ThoraxLayout Thorax { get; init; }
    public required HeartModel Heart { get; init; }

    /// <summary>Contrast-enhanced thorax CT in HU, placed in the CMR frame (the generator's one patient frame).</summary>
    public required Volume Ct { get; init; }

    /// <summary>The CT as its study stores it: in its own frame when <see cref="PhantomOptions.CtOwnFrame"/>, else <see cref="Ct"/>.</summary>
    public Volume CtAsAcquired => Truth.CtFrame is { } frame ? new Volume(CtFrameOffset.InCtFrame(Ct.Geometry, frame.CtFromCmr), Ct.Voxels) : Ct;

    /// <summary>Short-axis SSFP cine, base to apex, <see cref="PhantomOptions.CinePhases"/> phases per slice.</summary>
    public required CineStack Cine { get; init; }

    /// <summary>Short-axis LGE at the cine positions, one (end-diastolic) frame per slice.</summary>
    public required CineStack Lge { get; init; }

    /// <summary>Label maps on each cine image's grid: [slice][phase], row-major, values <see cref="MrSynthesizer"/>'s label constants.</summary>
    public required IReadOnlyList<byte[][]> CineLabels { get; init; }

    /// <summary>Label maps of the LGE images: [slice].</summary>
    public required IReadOnlyList<byte[]> LgeLabels { get; init; }

    public required IReadOnlyList<FluoroscopyView> Fluoroscopy { get; init; }
    public required LeadModel? Lead { get; init; }
    public required PhantomTruth Truth { get; init; }

    /// <summary>LV epicardial surface at end-diastole (open at the base plane), patient LPS.</summary>
    public required TriangleMesh LvEpicardium { get; init; }

    /// <summary>LV endocardial surface at end-diastole (open at the base plane), patient LPS.</summary>
    public required TriangleMesh LvEndocardium { get; init; }
}

/// <summary>One fluoroscopy frame with its geometry: <see cref="Image"/> is what the X-ray system stores (12-bit, log).</summary>
public sealed record FluoroscopyView(string Name, CArmGeometry Geometry, Image2D Image, Image2D LineIntegrals, RespiratoryState Breathing);
