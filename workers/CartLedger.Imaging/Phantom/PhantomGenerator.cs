using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Acquisition;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Segments;
using CartLedger.Imaging.Phantom.Truth;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// Generates a complete synthetic CRT patient from options and a seed: thorax CT, short-axis cine and LGE, two
/// fluoroscopy views with venogram and leads, and the truth. Deterministic: same options, same bits.
/// </summary>
public static class PhantomGenerator
{
    public const string Version = "phantom-1";

    /// <param name="options">What to generate.</param>
    /// <param name="progress">Called after each stage with its name and how long it took (for CLI progress and benchmarks).</param>
    public static PhantomPatient Generate(PhantomOptions options, Action<string, TimeSpan>? progress = null)
    {
        options.Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name)
        {
            progress?.Invoke(name, clock.Elapsed);
            clock.Restart();
        }
        var seed = options.Seed;
        var thorax = ThoraxLayout.Draw(seed);
        var scar = options.Scar ?? ScarChooser.Draw(seed);
        var request = new HeartBuilder.Request(seed, thorax, scar, options.Activation, options.LateSegment36);
        var heart = HeartBuilder.Build(request, partial => LeadSegment(options, partial) is { } segment ? SegmentLabels.Bounds36(segment).Theta0 + 15 : null);
        var segments = SegmentTruthCalculator.Segments(heart);
        var targets = SegmentTruthCalculator.Targets(segments);

        Stage("heart model and segment truth");
        var thoraxStructures = ThoraxBuilder.Build(thorax);
        var edHeart = heart.AtPhase(heart.EndDiastole);
        var scene = thoraxStructures.Where(s => s.Group != MotionGroup.Skeleton).Append(edHeart)
            .Concat(thoraxStructures.Where(s => s.Group == MotionGroup.Skeleton)).ToList();

        var grid = CtVolumes.Grid(thorax, heart, options.Ct == CtResolution.Full ? 1.0 : 2.0);
        var background = scene.Where(s => s.Group == MotionGroup.Background).ToList();
        var ctRandom = new SeededRandom(seed, "ct");
        var ct = CtVolumes.Synthesize(grid, scene, thorax.IodineScale, ctRandom.Uniform(12, 22), seed);
        var nativeBackground = new float[grid.VoxelCount];
        Array.Fill(nativeBackground, -1000f);
        VolumePainter.Paint(grid, background, [new PaintChannel(nativeBackground, t => t.NativeHu)]);

        Stage("CT");
        var leadSegment = LeadSegment(options, heart);
        var lead = leadSegment is { } ls ? LeadModel.Place(heart, ls) : null;
        var views = RenderViews(options, heart, grid, nativeBackground, scene, lead);

        Stage("fluoroscopy");
        var cineRandom = new SeededRandom(seed, "cine planning");
        var planning = ShortAxisPlanning.Plan(heart, cineRandom, 1.8);
        var times = Enumerable.Range(0, options.CinePhases).Select(f => f * heart.Contraction.RrMs / options.CinePhases).ToArray();
        var cine = MrSynthesizer.Render(planning, scene, heart, times, MrContrast.Ssfp(new SeededRandom(seed, "ssfp")), seed, "cine");
        Stage("cine");
        var lge = MrSynthesizer.Render(planning, scene, heart, [0.0], MrContrast.Lge(new SeededRandom(seed, "lge")), seed, "lge");

        Stage("LGE");
        var truth = new PhantomTruth
        {
            Seed = seed,
            GeneratorVersion = Version,
            Heart = HeartTruthOf(heart, options.Activation),
            Segments36 = segments,
            Targets = targets,
            ScarBurdenPercent = SegmentTruthCalculator.ScarBurdenPercent(heart),
            Landmarks = new LandmarkTruth(heart.CoronarySinusOstium, heart.EpicardialApex, heart.EndocardialApex, heart.BaseCentre, heart.LvCentre),
            PhrenicNerve = heart.PhrenicNerve.Tube.Nodes,
            Lead = lead is null ? null : new LeadTruth(lead.VeinName, leadSegment!.Value, lead.Electrodes, lead.Electrodes.Select(e => SegmentOf(heart, e)).ToList()),
            Views = views.Select(v => ViewTruthOf(v.View, heart, lead)).ToList(),
            CtFrame = options.CtOwnFrame ? CtFrameOffset.Truth(seed, heart) : null,
        };
        Stage("truth");
        return new PhantomPatient
        {
            Options = options,
            Thorax = thorax,
            Heart = heart,
            Ct = ct.ContrastCt,
            Cine = ToStack(seed, "cine", cine, times),
            Lge = ToStack(seed, "lge", lge, [0.0]),
            CineLabels = cine.Select(s => s.Labels).ToList(),
            LgeLabels = lge.Select(s => s.Labels[0]).ToList(),
            Fluoroscopy = views.Select(v => v.View).ToList(),
            Lead = lead,
            Truth = truth,
            LvEpicardium = SurfaceMeshes.Epicardium(heart),
            LvEndocardium = SurfaceMeshes.Endocardium(heart),
        };
    }

    private static int? LeadSegment(PhantomOptions options, HeartModel heart) => options.Lead switch
    {
        LeadPlacement.None => null,
        LeadPlacement.InSegment => options.LeadSegment36,
        _ => SegmentTruthCalculator.Targets(SegmentTruthCalculator.Segments(heart)).Primary is var p and > 0 ? p : 12,
    };

    private sealed record RenderedView(FluoroscopyView View);

    private static List<RenderedView> RenderViews(PhantomOptions options, HeartModel heart, VolumeGeometry grid, float[] nativeBackground, List<Structure> scene, LeadModel? lead)
    {
        var r = new SeededRandom(options.Seed, "c-arm");
        var isocentre = heart.LvCentre + new Vec3(r.Uniform(-15, 15), r.Uniform(-15, 15), r.Uniform(-15, 15));
        var sid = r.Uniform(1150, 1250);
        var sod = r.Uniform(770, 830);
        var result = new List<RenderedView>();
        for (var v = 0; v < options.Views.Count; v++)
        {
            var (primary, secondary) = options.Views[v];
            var geometry = new CArmGeometry(primary, secondary, sid, sod, options.DetectorPixelMm, options.DetectorPixelMm, options.DetectorPixels, options.DetectorPixels, isocentre);
            var breathing = RespiratoryState.Draw(new SeededRandom(SeededRandom.Mix(options.Seed, "breathing", v), "view"), heart.LvCentre);
            var voxels = (float[])nativeBackground.Clone();
            var moving = scene.Where(s => s.Group != MotionGroup.Background).Select(s => s.Group switch
            {
                MotionGroup.Heart => PosedStructure.Apply(s, breathing.HeartPose),
                MotionGroup.Diaphragm => PosedStructure.Apply(s, breathing.DiaphragmPose),
                _ => s,
            });
            VolumePainter.Paint(grid, moving, [new PaintChannel(voxels, t => t.NativeHu)]);
            var frame = FluoroscopySynthesizer.Render(new Volume(grid, voxels), geometry, breathing, heart, lead, options.Venogram, SeededRandom.Mix(options.Seed, "fluoro", v));
            result.Add(new RenderedView(new FluoroscopyView(ViewName(primary, secondary), geometry, frame.Image, frame.LineIntegrals, breathing)));
        }
        return result;
    }

    public static string ViewName(double primary, double secondary)
    {
        var p = primary >= 0 ? $"LAO {primary:0.#}" : $"RAO {-primary:0.#}";
        return secondary == 0 ? p : secondary > 0 ? $"{p} CRA {secondary:0.#}" : $"{p} CAU {-secondary:0.#}";
    }

    private static ViewTruth ViewTruthOf(FluoroscopyView view, HeartModel heart, LeadModel? lead)
    {
        var projection = view.Geometry.ToProjectionMatrix();
        var pose = view.Breathing.HeartPose;
        var modelToImage = projection.Compose(pose);
        var centre = heart.LvCentre;
        var cross = new[] { view.Geometry.ColumnDirection, -view.Geometry.ColumnDirection, view.Geometry.RowDirection, -view.Geometry.RowDirection }
            .Select(d => modelToImage.Project(centre + pose.Inverse().ApplyToDirection(d) * 10)).ToList();
        return new ViewTruth(view.Name, view.Geometry, pose, view.Breathing.DiaphragmPose, projection, modelToImage,
            lead?.Electrodes.Select(e => modelToImage.Project(e)).ToList() ?? [], modelToImage.Project(centre), cross,
            modelToImage.Project(heart.CoronarySinusOstium), 0);
    }

    private static int SegmentOf(HeartModel heart, Vec3 p)
    {
        var local = heart.Frame.ToLocal(p);
        var s = heart.Lv.LevelFraction(local.Z);
        return s < 0 ? 0 : SegmentLabels.IsApicalCap(s) ? SegmentLabels.ApicalCap : SegmentLabels.Segment36(s, HeartFrame.ThetaDeg(local));
    }

    private static HeartTruth HeartTruthOf(HeartModel heart, ActivationPattern pattern)
    {
        var edv = SegmentTruthCalculator.CavityVolumeMl(heart, heart.EndDiastole);
        var esv = Enumerable.Range(0, 60).Select(i => SegmentTruthCalculator.CavityVolumeMl(heart, heart.Contraction.At(i * heart.Contraction.RrMs / 60))).Min();
        var f = heart.Frame;
        return new HeartTruth(f.Origin, f.Ex, f.Et, f.Ez, edv, esv, 100 * (edv - esv) / edv, heart.Lv.WallMm, heart.Contraction.RrMs,
            pattern.ToString(), heart.ActivationSites.MaxDelayMs,
            heart.Rv.WidthDeg, heart.Lv.CavityLengthMm);
    }

    private static CineStack ToStack(int seed, string series, List<MrSynthesizer.SliceSeries> slices, IReadOnlyList<double> times)
    {
        var list = slices.Select((s, k) => new CineSlice(s.Plane, s.Frames, times, s.Frames.Select((_, f) => PhantomUids.For(seed, series, k, f)).ToList())).ToList();
        return new CineStack(PhantomUids.For(seed, series, "series"), PhantomUids.For(seed, "cmr frame of reference"), list);
    }
}
