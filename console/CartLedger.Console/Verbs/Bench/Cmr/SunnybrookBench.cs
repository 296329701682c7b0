using System.Globalization;
using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Evaluation;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>Sunnybrook figures: Dice of the cavity (endocardium) and of the myocardium against the expert contours.</summary>
public sealed record SunnybrookFigures(string Patient, int EndocardialContours, int EpicardialContours, double DiceEndocardium, double DiceEndocardiumEd, double DiceEndocardiumEs,
    double DiceMyocardium, double MeanHausdorffEndoMm, double MeanHausdorffMyoMm, double Seconds);

/// <summary>
/// Segments the real Sunnybrook cine (GE 1.5 T, 12 slices x 20 phases) fully automatically and compares every image
/// that has an expert contour: i-contours (endocardium, ED and ES) and o-contours (epicardium, ED). Contour files name
/// the image by number (IM-0001-NNNN = NNNN.dcm); points are (column, row) pixels.
/// </summary>
public static class SunnybrookBench
{
    public static SunnybrookFigures Run(string sunnybrookFolder, string patient, string contoursName)
    {
        var dicoms = Path.Combine(sunnybrookFolder, "dicoms", patient);
        var contours = Path.Combine(sunnybrookFolder, "contourfiles", contoursName);
        if (!Directory.Exists(dicoms) || !Directory.Exists(contours))
        {
            throw new CommandFailedException($"Sunnybrook data not found under {sunnybrookFolder} (expected dicoms/{patient} and contourfiles/{contoursName}; see ../shared/data/MANIFEST.md)");
        }
        var import = DicomFolderReader.Read(dicoms);
        var stack = import.Loaded.Select(s => s.Content).OfType<StackContent>().FirstOrDefault()?.Stack
            ?? throw new CommandFailedException($"{dicoms}: no image stack loaded ({string.Join("; ", import.Rejected.SelectMany(r => r.Reasons).Select(r => r.ToString()).Take(3))})");
        var uidOfFile = import.Files.Where(f => f.Header?.SopInstanceUid is not null).ToDictionary(f => Path.GetFileName(f.Path), f => f.Header!.SopInstanceUid!);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var segmentation = CineSegmenter.Segment(stack, SegmentationParameters.Default);
        var seconds = clock.Elapsed.TotalSeconds;
        var ordered = CineOrder.BaseToApex(stack);
        var endoAll = new List<double>();
        var endoEd = new List<double>();
        var endoEs = new List<double>();
        var myo = new List<double>();
        var hdEndo = new List<double>();
        var hdMyo = new List<double>();
        var epicardial = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contours, "i-contours"), "*.txt").Order(StringComparer.Ordinal))
        {
            var number = int.Parse(Path.GetFileName(file).Split('-')[2], CultureInfo.InvariantCulture);
            if (!uidOfFile.TryGetValue($"{number}.dcm", out var uid))
            {
                continue;
            }
            var sliceIndex = ordered.ToList().FindIndex(s => s.SopInstanceUids.Contains(uid));
            var phase = ordered[sliceIndex].SopInstanceUids.ToList().IndexOf(uid);
            var slice = segmentation.SlicesBaseToApex[sliceIndex];
            var (w, h) = (slice.Width, slice.Height);
            var truthEndo = Polygons.Rasterize(ReadContour(file), w, h);
            var foundEndo = slice.HasLv ? slice.Phases[phase].BloodPoolMask(w, h) : new Mask2D(w, h);
            var dice = Overlap.Dice(truthEndo, foundEndo);
            endoAll.Add(dice);
            hdEndo.Add(Hausdorff(truthEndo, foundEndo, slice.Plane));
            // The experts drew the epicardium at end-diastole only: an image with an o-contour is the ED one of its slice.
            var outer = file.Replace("i-contours", "o-contours", StringComparison.Ordinal).Replace("icontour", "ocontour", StringComparison.Ordinal);
            (File.Exists(outer) ? endoEd : endoEs).Add(dice);
            if (File.Exists(outer))
            {
                epicardial++;
                var truthMyo = Polygons.Rasterize(ReadContour(outer), w, h).AndNot(truthEndo);
                var foundMyo = slice.HasLv ? slice.Phases[phase].MyocardiumMask(w, h) : new Mask2D(w, h);
                myo.Add(Overlap.Dice(truthMyo, foundMyo));
                hdMyo.Add(Hausdorff(truthMyo, foundMyo, slice.Plane));
            }
        }
        return new SunnybrookFigures(patient, endoAll.Count, epicardial, Mean(endoAll), Mean(endoEd), Mean(endoEs), Mean(myo), Mean(hdEndo), Mean(hdMyo), seconds);
    }

    private static double Hausdorff(Mask2D truth, Mask2D found, SlicePlane plane) =>
        Overlap.Hausdorff(Overlap.BoundaryPoints(truth, plane).ToList(), Overlap.BoundaryPoints(found, plane).ToList());

    private static double Mean(List<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }

    private static List<Vec2> ReadContour(string path) =>
        File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 2)
            .Select(p => new Vec2(double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
}
