using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Imaging.Phantom.Truth;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// Quick-look PNGs of a phantom patient (preview/ in the patient folder), for a person to check by eye: the
/// mid-ventricular cine slice at end-diastole and end-systole (one shared window, so the two compare), the LGE mid
/// slice, an axial and a coronal CT section through the LV centre, and each fluoroscopy view as stored (12-bit log,
/// dense structures dark; windowed on its central field, as the operator's automatic brightness control would be).
/// MR images are enlarged <see cref="MrScale"/> times with bilinear interpolation; CT and fluoroscopy keep their size.
/// </summary>
public static class PhantomPreview
{
    public const int MrScale = 2;

    /// <summary>CT display: -350 to 550 HU, so lung is black, fat dark, myocardium grey, contrast blood bright and bone white.</summary>
    public static readonly WindowLevel CtWindow = new(100, 900);

    /// <summary>One written picture: what it shows, its path relative to the patient folder, and its size in pixels.</summary>
    public sealed record PreviewFile(string Kind, string RelativePath, int Width, int Height, string Description);

    /// <summary>The mid-ventricular slice index (base to apex order, so the middle of the stack).</summary>
    public static int MidSlice(PhantomPatient patient) => patient.Cine.Slices.Count / 2;

    /// <summary>The cine phase whose true LV cavity volume is smallest (end-systole); phase 0 is end-diastole (R wave).</summary>
    public static int EndSystolicPhase(PhantomPatient patient)
    {
        var times = patient.Cine.Slices[MidSlice(patient)].TriggerTimesMs;
        var best = 0;
        var smallest = double.PositiveInfinity;
        for (var f = 0; f < times.Count; f++)
        {
            var volume = SegmentTruthCalculator.CavityVolumeMl(patient.Heart, patient.Heart.Contraction.At(times[f]));
            if (volume < smallest)
            {
                smallest = volume;
                best = f;
            }
        }
        return best;
    }

    /// <summary>"LAO 40 CRA 10" -> "lao40-cra10" (the xa-NAME.png file name).</summary>
    public static string ViewFileName(string viewName) => string.Join('-', viewName.ToLowerInvariant().Split(' ')
        .Chunk(2).Select(pair => string.Concat(pair)));

    public static IReadOnlyList<PreviewFile> Write(PhantomPatient patient, string root)
    {
        var folder = Path.Combine(root, "preview");
        Directory.CreateDirectory(folder);
        var written = new List<PreviewFile>();
        void Save(string kind, string name, Image2D image, WindowLevel window, int scale, string description)
        {
            var enlarged = scale == 1 ? image : Enlarge(image, scale);
            var relative = $"preview/{name}";
            PngEncoder.WriteGrey(Path.Combine(root, relative), window.Apply(enlarged), enlarged.Width, enlarged.Height);
            written.Add(new PreviewFile(kind, relative, enlarged.Width, enlarged.Height, description));
        }

        var mid = MidSlice(patient);
        var cine = patient.Cine.Slices[mid];
        var es = EndSystolicPhase(patient);
        var cineWindow = WindowLevel.FromPercentiles(cine.Frames[0], 1, 99.5);
        Save("cine-ed", "cine-mid-ed-phase00.png", cine.Frames[0], cineWindow, MrScale,
            $"cine slice {mid + 1} of {patient.Cine.Slices.Count}, phase 0 (end-diastole, 0 ms)");
        Save("cine-es", $"cine-mid-es-phase{es:00}.png", cine.Frames[es], cineWindow, MrScale,
            $"cine slice {mid + 1} of {patient.Cine.Slices.Count}, phase {es} (end-systole, {cine.TriggerTimesMs[es]:0} ms), end-diastolic window");
        var lge = patient.Lge.Slices[mid].Frames[0];
        Save("lge", "lge-mid.png", lge, WindowLevel.FromPercentiles(lge, 1, 99.5), MrScale,
            $"LGE slice {mid + 1} of {patient.Lge.Slices.Count}");
        var centre = patient.Ct.Geometry.ToIndex(patient.Heart.LvCentre);
        var k = Math.Clamp((int)Math.Round(centre.Z), 0, patient.Ct.Geometry.SizeK - 1);
        Save("ct-axial", "ct-axial-lv.png", patient.Ct.Slice(k), CtWindow, 1,
            $"CT axial slice {k} through the LV centre (viewed from the feet: patient's left on the image right), window {CtWindow.Centre}/{CtWindow.Width} HU");
        var j = Math.Clamp((int)Math.Round(centre.Y), 0, patient.Ct.Geometry.SizeJ - 1);
        Save("ct-coronal", "ct-coronal-lv.png", Coronal(patient.Ct, j), CtWindow, 1,
            $"CT coronal section {j} through the LV centre (head up, patient's left on the image right), window {CtWindow.Centre}/{CtWindow.Width} HU");
        foreach (var view in patient.Fluoroscopy)
        {
            Save("xa", $"xa-{ViewFileName(view.Name)}.png", view.Image, CentralWindow(view.Image), 1,
                $"fluoroscopy {view.Name}, stored 12-bit log image, windowed on the central half of the field");
        }
        return written;
    }

    /// <summary>The coronal section at row j: columns along i (patient right to left), rows from the top of the volume down.</summary>
    public static Image2D Coronal(Volume volume, int j)
    {
        var g = volume.Geometry;
        var image = new Image2D(g.SizeI, g.SizeK);
        for (var k = 0; k < g.SizeK; k++)
        {
            for (var i = 0; i < g.SizeI; i++)
            {
                image[i, g.SizeK - 1 - k] = volume[i, j, k];
            }
        }
        return image;
    }

    /// <summary>A window from the 1st to the 99th percentile of the central half of the image (width and height).</summary>
    public static WindowLevel CentralWindow(Image2D image)
    {
        int x0 = image.Width / 4, y0 = image.Height / 4, w = Math.Max(1, image.Width / 2), h = Math.Max(1, image.Height / 2);
        var centre = new Image2D(w, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                centre[x, y] = image[x0 + x, y0 + y];
            }
        }
        return WindowLevel.FromPercentiles(centre, 1, 99);
    }

    /// <summary>Bilinear enlargement by an integer factor (pixel centres aligned, edges clamped).</summary>
    public static Image2D Enlarge(Image2D image, int scale)
    {
        var result = new Image2D(image.Width * scale, image.Height * scale);
        for (var y = 0; y < result.Height; y++)
        {
            var sy = Math.Clamp((y + 0.5) / scale - 0.5, 0, image.Height - 1);
            var y0 = Math.Min((int)sy, image.Height - 1);
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var fy = sy - y0;
            for (var x = 0; x < result.Width; x++)
            {
                var sx = Math.Clamp((x + 0.5) / scale - 0.5, 0, image.Width - 1);
                var x0 = Math.Min((int)sx, image.Width - 1);
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var fx = sx - x0;
                var top = image[x0, y0] * (1 - fx) + image[x1, y0] * fx;
                var bottom = image[x0, y1] * (1 - fx) + image[x1, y1] * fx;
                result[x, y] = (float)(top * (1 - fy) + bottom * fy);
            }
        }
        return result;
    }
}
