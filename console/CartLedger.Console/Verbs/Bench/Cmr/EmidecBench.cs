using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Scar;
using CartLedger.Console.Cli;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Console.Verbs.Bench.Cmr;

/// <summary>FWHM on the real EMIDEC LGE slices against their expert infarct labels, for one parameter set.</summary>
/// <param name="Name">Which FWHM: "plain" (the `cmr scar` verb, as the papers), a contrast guard of 2 or 3 SD, or the worker's own settings ("chain").</param>
/// <param name="InfarctDiceMean">Mean over the pathological cases of the case's pooled scar Dice.</param>
/// <param name="InfarctDiceMedian">Median of the same.</param>
/// <param name="BurdenAbsErrorPctMean">Mean over the pathological cases of |found - expert| scar burden, percentage points.</param>
/// <param name="NormalFalseScarPctMean">Mean over the normal cases of the found scar burden (the expert's is 0), percent.</param>
public sealed record EmidecFwhmFigures(string Name, double InfarctDiceMean, double InfarctDiceMedian, double BurdenAbsErrorPctMean, double NormalFalseScarPctMean);

/// <param name="PathologicalCases">Cases named Case_P*, with infarct (labels 3 and 4) in the expert labels.</param>
/// <param name="NormalCases">Cases named Case_N*, without infarct.</param>
/// <param name="Slices">Slices read.</param>
/// <param name="Fwhm">Figures per FWHM parameter set.</param>
/// <param name="Seconds">Wall-clock seconds for the whole run.</param>
public sealed record EmidecFigures(int PathologicalCases, int NormalCases, int Slices, IReadOnlyList<EmidecFwhmFigures> Fwhm, double Seconds);

/// <summary>
/// EMIDEC (Lalande et al. 2020): 8-bit LGE short-axis PNGs with expert labels (0 background, 1 cavity, 2 normal
/// myocardium, 3 infarct, 4 no-reflow). The expert myocardium (2+3+4) is given, as the issue asks; FWHM runs on each
/// case as one study (one maximum over all its slices), with the myocardial-minimum floor because the PNGs were
/// rescaled with an intensity offset (0 is not 'no signal'). Scar = labels 3 and 4.
/// </summary>
public static class EmidecBench
{
    /// <summary>
    /// The PNGs carry no geometry; sizes in mm^2 (smallest scar and hyperenhanced region, blood-pool inset) assume 1.2 mm pixels:
    /// EMIDEC's myocardium covers about 950 pixels per slice, and a mid-ventricular LV wall about 1,300 mm^2.
    /// </summary>
    private static readonly PixelGrid AssumedGrid = new(1.2, 1.2);

    public static EmidecFigures Run(string emidecFolder)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var images = Path.Combine(emidecFolder, "images");
        var labels = Path.Combine(emidecFolder, "labels");
        if (!Directory.Exists(images) || !Directory.Exists(labels))
        {
            throw new CommandFailedException($"{emidecFolder}: EMIDEC images/ and labels/ folders not found");
        }
        var cases = Directory.GetFiles(images, "Case_*_slice*.png")
            .Select(path => (Path: path, Case: Path.GetFileName(path).Split("_slice")[0]))
            .GroupBy(f => f.Case, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Case: g.Key, Slices: g.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => ReadSlice(f.Path, Path.Combine(labels, Path.GetFileName(f.Path)))).ToList()))
            .ToList();
        // Plain FWHM, the contrast guard at 2 and 3 SD, and the worker's own settings: how much the guard that keeps
        // scar-free hearts clean costs on real infarcts.
        var chain = Analysis.CmrParametersForPng();
        FwhmParameters[] settings =
        [
            new(0.5, SignalFloor.MyocardialMinimum),
            Analysis.CmrParametersForPng(2),
            Analysis.CmrParametersForPng(3),
            chain,
        ];
        string[] names = ["plain", "guard-2sd", "guard-3sd", "chain"];
        var figures = new List<EmidecFwhmFigures>();
        for (var s = 0; s < settings.Length; s++)
        {
            var dice = new List<double>();
            var burdenError = new List<double>();
            var falseScar = new List<double>();
            foreach (var (name, slices) in cases)
            {
                var inputs = slices.Select(x => new FwhmInput(x.Image, x.Myocardium, LgeBloodPool.EnclosedBy(x.Myocardium, AssumedGrid), AssumedGrid.PixelAreaMm2)).ToList();
                var threshold = FwhmScar.ThresholdOf(inputs, settings[s]);
                var scars = slices.Select(slice =>
                {
                    var scar = FwhmScar.WithoutFat(FwhmScar.Segment(slice.Image, slice.Myocardium, threshold, settings[s]), slice.Myocardium, settings[s]);
                    return settings[s].MinRegionMm2 > 0 ? Regions.RemoveSmall(scar, (int)Math.Ceiling(settings[s].MinRegionMm2 / AssumedGrid.PixelAreaMm2 - 1e-9)) : scar;
                }).ToArray();
                if (settings[s].MinIsolatedRegionMm2 > 0)
                {
                    // No contours on the PNGs: the LV centre is the myocardium's centroid; slices are in file order.
                    scars = ThroughPlaneSupport.Filter(slices.Select((slice, n) =>
                    {
                        var (x, y) = slice.Myocardium.Centroid() ?? (0, 0);
                        return new ThroughPlaneSupport.Slice(scars[n], x, y, n, AssumedGrid.PixelAreaMm2);
                    }).ToList(), settings[s].MinIsolatedRegionMm2);
                }
                int found = 0, truth = 0, both = 0, myocardium = 0;
                for (var n = 0; n < slices.Count; n++)
                {
                    var slice = slices[n];
                    found += scars[n].Count();
                    truth += slice.Infarct.Count();
                    both += scars[n].OverlapCount(slice.Infarct);
                    myocardium += slice.Myocardium.Count();
                }
                var foundPct = 100.0 * found / myocardium;
                if (truth > 0)
                {
                    dice.Add(2.0 * both / (found + truth));
                    burdenError.Add(Math.Abs(foundPct - 100.0 * truth / myocardium));
                }
                else
                {
                    falseScar.Add(foundPct);
                }
            }
            figures.Add(new EmidecFwhmFigures(names[s], Mean(dice), Median(dice), Mean(burdenError), Mean(falseScar)));
        }
        var pathological = cases.Count(c => c.Slices.Any(x => !x.Infarct.IsEmpty));
        return new EmidecFigures(pathological, cases.Count - pathological, cases.Sum(c => c.Slices.Count), figures, Math.Round(started.Elapsed.TotalSeconds, 2));
    }

    private sealed record Slice(Image2D Image, Mask2D Myocardium, Mask2D Infarct);

    private static Slice ReadSlice(string imagePath, string labelPath)
    {
        if (!File.Exists(labelPath))
        {
            throw new CommandFailedException($"{imagePath}: no expert label {labelPath}");
        }
        var image = PngDecoder.Read(imagePath).ToImage2D();
        var label = PngDecoder.Read(labelPath).ToImage2D();
        if (label.Width != image.Width || label.Height != image.Height)
        {
            throw new CommandFailedException($"{labelPath}: label is {label.Width}x{label.Height}, image {image.Width}x{image.Height}");
        }
        var myocardium = new Mask2D(image.Width, image.Height);
        var infarct = new Mask2D(image.Width, image.Height);
        for (var i = 0; i < myocardium.Bits.Length; i++)
        {
            var value = (int)label.Pixels[i];
            myocardium.Bits[i] = value is 2 or 3 or 4 ? (byte)1 : (byte)0;
            infarct.Bits[i] = value is 3 or 4 ? (byte)1 : (byte)0;
        }
        return new Slice(image, myocardium, infarct);
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : Math.Round(values.Average(), 3);

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 3);
    }

    private static class Analysis
    {
        /// <summary>
        /// The worker's FWHM settings with the PNG floor and without the border margin (the expert's myocardium is drawn on the
        /// LGE itself); a contrast guard replaces the worker's when given.
        /// </summary>
        public static FwhmParameters CmrParametersForPng(double? minimumContrastSd = null)
        {
            var worker = CartLedger.Cmr.Analysis.CmrParameters.Default.Scar;
            var chain = new FwhmParameters(worker.ThresholdFraction, SignalFloor.MyocardialMinimum, worker.FillEnclosedHoles, 0, worker.MinRegionMm2, worker.MinimumContrastSd,
                worker.MinimumEnhancement, worker.MinHyperenhancedMm2, worker.ExcludeEpicardialFat, worker.CutAtMinimumEnhancement, worker.MinIsolatedRegionMm2);
            return minimumContrastSd is { } sd ? new FwhmParameters(worker.ThresholdFraction, SignalFloor.MyocardialMinimum, worker.FillEnclosedHoles, MinimumContrastSd: sd) : chain;
        }
    }
}
