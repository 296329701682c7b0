using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Fusion;
using CartLedger.Registration.LeadMeasurement;
using CartLedger.Registration.Model;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// Lead measurement against the phantom's truth: every electrode of the LV lead clicked in both views (the true pixel
/// plus a 0.5 mm SD click error), snapped to the detected electrode, triangulated and located on the epicardium with
/// the true registration (so the figure is the measurement's own, not the registration's). The truth 3D point is the
/// electrode at the two frames' breathing poses, averaged: the views are taken at different moments.
/// </summary>
public static class LeadBench
{
    public const double ClickSdMm = 0.5;

    public sealed record Electrode(double ErrorMm, int TrueSegment36, int FoundSegment36);

    public static IReadOnlyList<Electrode> Run(BenchPatient p)
    {
        var lead = p.Patient.Truth.Lead;
        if (lead is null)
        {
            return [];
        }
        var random = new Random(p.Seed + 400_000);
        var surface = SegmentedSurface.FromFrame(p.Model, p.LvFrame, []);
        var found = new List<Electrode>();
        for (var e = 0; e < lead.Electrodes.Count; e++)
        {
            var clicks = p.Frames.Select((f, v) =>
            {
                var pixel = p.Patient.Truth.Views[v].ElectrodePixels[e];
                var sdPx = ClickSdMm * f.Geometry.MagnificationAtIsocenter / f.Geometry.DetectorPixelSpacingXMm;
                return new ElectrodeClick(f, new Vec2(pixel.X + sdPx * AccuracyBench.Gaussian(random), pixel.Y + sdPx * AccuracyBench.Gaussian(random)));
            }).ToArray();
            var result = FluoroscopyFusion.MeasureElectrode(clicks, p.Truth[0], surface, new LeadPlan(null, [], null));
            var truth = p.Truth.Select(t => t.Apply(lead.Electrodes[e])).Aggregate(Vec3.Zero, (a, b) => a + b) / p.Truth.Length;
            found.Add(new Electrode(result.ElectrodeLps.DistanceTo(truth), lead.ElectrodeSegments36[e], result.Segments.Segment36.Number));
        }
        return found;
    }

    public static LeadFigures Summarise(IReadOnlyList<Electrode> electrodes)
    {
        var onLv = electrodes.Where(e => e.TrueSegment36 is >= 1 and <= 36).ToArray();
        bool Near(Electrode e) => e.FoundSegment36 is >= 1 and <= 36
            && LeadClassifier.Classify(SegmentId.Of36(e.FoundSegment36), SegmentId.Of36(e.TrueSegment36)) is LeadCategory.Within or LeadCategory.Adjacent;
        return new LeadFigures(electrodes.Count, electrodes.Count == 0 ? double.NaN : electrodes.Average(e => e.ErrorMm), electrodes.Count == 0 ? double.NaN : electrodes.Max(e => e.ErrorMm),
            onLv.Length == 0 ? double.NaN : onLv.Count(e => e.FoundSegment36 == e.TrueSegment36) / (double)onLv.Length,
            onLv.Length == 0 ? double.NaN : onLv.Count(Near) / (double)onLv.Length);
    }
}
