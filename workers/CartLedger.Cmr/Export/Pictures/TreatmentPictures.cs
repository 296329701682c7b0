using System.Globalization;
using CartLedger.Cmr.Motion;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Export.Pictures;

/// <summary>What a target bullseye shows for one 36-segment.</summary>
public enum TargetCategory { Eligible, PrimaryTarget, TargetArea, OtherProposedSite, Scar, Septal, NotMeasured }

/// <summary>
/// The pictures of the treatment files: 36-segment bullseyes (anterior up, septum left, viewed from the apex; basal
/// ring outside, apical ring inside, the apical cap in the centre; SegmentConventions) of scar transmurality, activation
/// time and targets, and the circumferential strain curves. Colours are fixed here and listed in docs/cmr.md.
/// </summary>
public static class TreatmentPictures
{
    private const int Size = 360;
    private const double Cx = 175, Cy = 175;
    private static readonly double[] RingRadii = [130, 97, 64, 31];
    private static readonly RgbColour Outline = new(60, 60, 60);

    /// <summary>Scar: white (0 %) through orange and red to dark red (100 % transmural).</summary>
    public static ColourMap ScarColours { get; } = new("scar", RgbColour.White, new(253, 174, 97), new(215, 48, 39), new(103, 0, 13));

    /// <summary>Target categories (Okabe-Ito based, readable by colour-blind readers).</summary>
    public static RgbColour CategoryColour(TargetCategory category) => category switch
    {
        TargetCategory.PrimaryTarget => new RgbColour(213, 94, 0),
        TargetCategory.TargetArea => new RgbColour(240, 190, 60),
        TargetCategory.OtherProposedSite => new RgbColour(86, 180, 233),
        TargetCategory.Scar => new RgbColour(80, 80, 80),
        TargetCategory.Septal => new RgbColour(200, 200, 200),
        TargetCategory.NotMeasured => new RgbColour(235, 235, 235),
        _ => RgbColour.White,
    };

    /// <summary>Scar transmurality (%) per 36-segment (index 1-36).</summary>
    public static Drawing ScarBullseye(IReadOnlyList<double> transmuralityPercent)
    {
        var drawing = Frame("Scar transmurality (%)");
        Rings(drawing, n => ScarColours.Map(transmuralityPercent[n], 0, 100), n => Number(transmuralityPercent[n], "0"), n => $"{Percent(transmuralityPercent[n])} scar");
        ColourBar(drawing, ScarColours, 0, 100, "0 %", "100 %");
        return drawing;
    }

    /// <summary>Time to peak circumferential strain (ms) per 36-segment (index 1-36, null where not measured); viridis from earliest to latest.</summary>
    public static Drawing ActivationBullseye(IReadOnlyList<double?> timeToPeakMs)
    {
        var measured = timeToPeakMs.Skip(1).OfType<double>().ToList();
        double low = measured.Count > 0 ? measured.Min() : 0, high = measured.Count > 0 ? measured.Max() : 1;
        var drawing = Frame("Activation: time to peak strain (ms)");
        Rings(drawing, n => timeToPeakMs[n] is { } t ? ColourMap.Viridis.Map(t, low, high) : CategoryColour(TargetCategory.NotMeasured),
            n => timeToPeakMs[n] is { } t ? Number(t, "0") : "-", n => timeToPeakMs[n] is { } t ? $"{Number(t, "0")} ms" : "not measured");
        ColourBar(drawing, ColourMap.Viridis, low, high, $"{Number(low, "0")} ms", $"{Number(high, "0")} ms");
        return drawing;
    }

    /// <summary>The chosen target, the target area, the other proposed sites and why the rest are excluded.</summary>
    public static Drawing TargetBullseye(IReadOnlyList<TargetCategory> categories)
    {
        var drawing = Frame("LV lead targets");
        Rings(drawing, n => CategoryColour(categories[n]), n => categories[n] == TargetCategory.PrimaryTarget ? "P" : "", n => Describe(categories[n]));
        TargetCategory[] legend = [TargetCategory.PrimaryTarget, TargetCategory.TargetArea, TargetCategory.OtherProposedSite, TargetCategory.Scar, TargetCategory.Septal, TargetCategory.Eligible];
        for (var i = 0; i < legend.Length; i++)
        {
            var y = 60 + 22 * i;
            drawing.Rectangle(317, y, 12, 12, CategoryColour(legend[i]), Outline).Text(333, y + 10, Describe(legend[i]), 9);
        }
        return drawing;
    }

    /// <summary>The category of every 36-segment (index 0 = apical cap) from the proposal and the cardiologist's choice.</summary>
    public static TargetCategory[] Categories(TargetProposal proposal, SegmentId primary, IReadOnlyCollection<SegmentId> targetArea, IReadOnlyCollection<SegmentMeasurement> measurements)
    {
        var categories = new TargetCategory[37];
        var measured = measurements.Select(m => m.Segment.Number).ToHashSet();
        for (var n = 0; n <= 36; n++)
        {
            var id = SegmentId.Of36(n);
            categories[n] = id == primary ? TargetCategory.PrimaryTarget
                : targetArea.Contains(id) ? TargetCategory.TargetArea
                : proposal.Sites.Any(s => s.Segment == id) ? TargetCategory.OtherProposedSite
                : proposal.IsExcludedFor(id, ExclusionReason.Scar) ? TargetCategory.Scar
                : proposal.IsExcludedFor(id, ExclusionReason.Septal) ? TargetCategory.Septal
                : n == 0 || !measured.Contains(n) ? TargetCategory.NotMeasured
                : TargetCategory.Eligible;
        }
        return categories;
    }

    /// <summary>
    /// Endocardial circumferential strain (%) of every measured 36-segment through the cycle, coloured by wall;
    /// the primary target drawn thick and black, each curve's time to peak marked with a dot.
    /// </summary>
    public static Drawing StrainCurves(ActivationResult activation, SegmentId? primary)
    {
        const int width = 560, height = 340;
        const double left = 60, right = 420, top = 40, bottom = 290;
        var drawing = new Drawing(width, height);
        drawing.Text(left, 22, "Endocardial circumferential strain (%)", 14, bold: true);
        var curves = activation.Segments.Where(s => !s.BorrowedFromNeighbourLevel && s.CircumferentialPercent.Count == activation.PhaseTimesMs.Count).ToList();
        var times = activation.PhaseTimesMs;
        var tMax = Math.Max(activation.RrIntervalMs, times.Count > 0 ? times.Max() : 1);
        var values = curves.SelectMany(c => c.CircumferentialPercent).Where(double.IsFinite).ToList();
        var low = Math.Floor(Math.Min(values.Count > 0 ? values.Min() : -20, -5) / 5) * 5;
        var high = Math.Ceiling(Math.Max(values.Count > 0 ? values.Max() : 5, 5) / 5) * 5;
        double X(double t) => left + (right - left) * t / tMax;
        double Y(double v) => bottom - (bottom - top) * (v - low) / (high - low);
        drawing.Rectangle(left, top, right - left, bottom - top, null, Outline);
        for (var v = low; v <= high + 1e-9; v += 5)
        {
            drawing.Line(left - 4, Y(v), left, Y(v), Outline).Text(left - 6, Y(v) + 3, Number(v, "0"), 9, "end");
        }
        drawing.Line(left, Y(0), right, Y(0), new RgbColour(170, 170, 170));
        var step = tMax > 1200 ? 400 : 200;
        for (var t = 0.0; t <= tMax + 1e-9; t += step)
        {
            drawing.Line(X(t), bottom, X(t), bottom + 4, Outline).Text(X(t), bottom + 15, Number(t, "0"), 9, "middle");
        }
        drawing.Text((left + right) / 2, bottom + 32, "time from R wave (ms)", 10, "middle");
        foreach (var curve in curves.OrderBy(c => c.Segment == primary))
        {
            var isPrimary = curve.Segment == primary;
            var colour = isPrimary ? RgbColour.Black : WallColour(SegmentModels.Describe(curve.Segment).Wall);
            var points = curve.CircumferentialPercent.Select((v, i) => new Vec2(X(times[i]), Y(double.IsFinite(v) ? v : 0))).ToList();
            drawing.Polyline(points, colour, isPrimary ? 3 : 1);
            if (curve.TimeToPeakMs is { } ttp)
            {
                drawing.Circle(X(ttp), Y(curve.PeakCircumferentialPercent), isPrimary ? 4 : 2, colour);
            }
        }
        var walls = SegmentConventions.SixWalls;
        for (var i = 0; i < walls.Count; i++)
        {
            var y = top + 10 + 20 * i;
            drawing.Line(432, y, 452, y, WallColour(walls[i]), 3).Text(458, y + 4, walls[i].ToString().ToLowerInvariant(), 10);
        }
        if (primary is { } p)
        {
            drawing.Line(432, top + 130, 452, top + 130, RgbColour.Black, 3).Text(458, top + 134, $"primary {p}", 10);
        }
        return drawing;
    }

    /// <summary>One colour per 60 degree wall (Okabe-Ito).</summary>
    public static RgbColour WallColour(Wall wall) => wall switch
    {
        Wall.Anterior => new RgbColour(0, 114, 178),
        Wall.Anteroseptal => new RgbColour(86, 180, 233),
        Wall.Inferoseptal => new RgbColour(0, 158, 115),
        Wall.Inferior => new RgbColour(230, 159, 0),
        Wall.Inferolateral => new RgbColour(213, 94, 0),
        Wall.Anterolateral => new RgbColour(204, 121, 167),
        _ => new RgbColour(128, 128, 128),
    };

    private static Drawing Frame(string title)
    {
        var drawing = new Drawing(Size + 90, Size);
        drawing.Text(Cx, 22, title, 14, "middle", bold: true);
        drawing.Text(Cx, Cy - RingRadii[0] - 4, "anterior", 9, "middle").Text(Cx - RingRadii[0] - 4, Cy + 3, "septal", 9, "end");
        drawing.Text(Cx, Cy + RingRadii[0] + 12, "inferior", 9, "middle");
        return drawing;
    }

    /// <summary>Basal (outer), mid and apical rings of twelve 30 degree wedges, then the cap.</summary>
    private static void Rings(Drawing drawing, Func<int, RgbColour> fill, Func<int, string> label, Func<int, string> tooltip)
    {
        foreach (var info in SegmentModels.ThirtySix.Segments)
        {
            var n = info.Id.Number;
            if (info.IsApicalCap)
            {
                drawing.Wedge(Cx, Cy, 0, RingRadii[3], 0, 360, fill(n), Outline, $"{info.Label}: {tooltip(n)}");
                continue;
            }
            var ring = info.Level switch { SegmentLevel.Basal => 0, SegmentLevel.Mid => 1, _ => 2 };
            // Bullseye angle counter-clockwise from 12 o'clock = theta + offset; the SVG wedge runs clockwise.
            double end = -(info.Range.StartDeg + SegmentConventions.BullseyeOffsetDeg);
            var start = end - info.Range.WidthDeg;
            start -= Math.Floor(start / 360) * 360;
            var (outer, inner) = (RingRadii[ring], RingRadii[ring + 1]);
            drawing.Wedge(Cx, Cy, inner, outer, start, start + info.Range.WidthDeg, fill(n), Outline, $"{info.Label}: {tooltip(n)}");
            var mid = (start + info.Range.WidthDeg / 2.0) * Math.PI / 180;
            var r = (outer + inner) / 2;
            var text = label(n);
            if (text.Length > 0)
            {
                drawing.Text(Cx + r * Math.Sin(mid), Cy - r * Math.Cos(mid) + 3, text, 8, "middle");
            }
        }
    }

    private static void ColourBar(Drawing drawing, ColourMap map, double low, double high, string lowLabel, string highLabel)
    {
        const double x = 335, y = 60, w = 16, h = 220;
        const int steps = 44;
        for (var s = 0; s < steps; s++)
        {
            var value = high - (high - low) * (s + 0.5) / steps;
            drawing.Rectangle(x, y + h * s / steps, w, h / steps + 0.5, map.Map(value, low, high));
        }
        drawing.Rectangle(x, y, w, h, null, Outline);
        drawing.Text(x + w / 2, y - 6, highLabel, 9, "middle").Text(x + w / 2, y + h + 14, lowLabel, 9, "middle");
    }

    private static string Describe(TargetCategory category) => category switch
    {
        TargetCategory.PrimaryTarget => "primary target",
        TargetCategory.TargetArea => "target area",
        TargetCategory.OtherProposedSite => "other proposed site",
        TargetCategory.Scar => "excluded: scar",
        TargetCategory.Septal => "excluded: septum",
        TargetCategory.NotMeasured => "not measured",
        _ => "eligible",
    };

    private static string Percent(double value) => $"{Number(value, "0")} %";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
