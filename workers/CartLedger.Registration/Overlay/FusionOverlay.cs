using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Overlay;

/// <summary>
/// What an overlay shows, all in model coordinates (the plan's frame, mm): the epicardial surface and, optionally,
/// which of its vertices are scar and target, the left phrenic nerve's course and the coronary sinus ostium. The CT
/// model set (<paramref name="Ct"/>), when registered on its own, is drawn with its own pose.
/// </summary>
public sealed record OverlayScene(
    TriangleMesh Epicardium,
    IReadOnlyList<bool>? ScarVertices = null,
    IReadOnlyList<bool>? TargetVertices = null,
    IReadOnlyList<Vec3>? PhrenicNerve = null,
    Vec3? CoronarySinusOstium = null,
    CtModelOverlay? Ct = null);

/// <summary>
/// The CT model set (seed 1: CT and CMR fused separately): its phrenic nerve and CS ostium in the CT's frame (mm) and
/// the CT registration's pose (CT frame to patient LPS), which places them instead of the CMR pose.
/// </summary>
public sealed record CtModelOverlay(RigidTransform CtToPatient, IReadOnlyList<Vec3>? PhrenicNerve = null, Vec3? CoronarySinusOstium = null);

/// <summary>
/// The fluoroscopy frame with the registered plan drawn over it through the frame's own C-arm geometry (so another
/// view re-projects the same pose): scar and target areas as tinted fills, the epicardial outline, the phrenic nerve
/// and the CS ostium, each in its own colour, with a legend in the picture. PNG for screens, RGB Secondary Capture for
/// the record.
/// </summary>
public static class FusionOverlay
{
    public static readonly RgbColour EpicardiumColour = new(255, 215, 0);
    public static readonly RgbColour ScarColour = new(235, 45, 45);
    public static readonly RgbColour TargetColour = new(40, 210, 70);
    public static readonly RgbColour PhrenicNerveColour = new(230, 70, 230);
    public static readonly RgbColour OstiumColour = new(0, 200, 255);

    public static RgbImage Render(XrayFrame frame, RigidTransform modelToPatient, OverlayScene scene, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(scene);
        var g = frame.Geometry;
        var canvas = new OverlayCanvas(Greyscale(frame));
        var (w, h) = (g.Columns, g.Rows);
        var scale = Math.Max(1, Math.Min(w, h) / 320);
        var projection = g.ToProjectionMatrix().Compose(modelToPatient);
        var legend = new List<(string Label, RgbColour Colour)>();
        if (scene.ScarVertices is { } scar && Tint(canvas, scene.Epicardium, scar, projection, ScarColour))
        {
            legend.Add(("scar", ScarColour));
        }
        if (scene.TargetVertices is { } target && Tint(canvas, scene.Epicardium, target, projection, TargetColour))
        {
            legend.Add(("target", TargetColour));
        }
        var outline = SilhouetteMask.Project(scene.Epicardium, modelToPatient, g.ToProjectionMatrix(), PixelGrid.Detector(g)).Outline();
        for (var i = 0; i < outline.Length; i++)
        {
            if (outline[i])
            {
                canvas.Disc(i % w, i / w, scale / 2.0, EpicardiumColour);
            }
        }
        legend.Insert(0, ("epicardium", EpicardiumColour));
        DrawStructures(canvas, projection, scene.PhrenicNerve, scene.CoronarySinusOstium, scale, legend, "");
        if (scene.Ct is { } ct)
        {
            DrawStructures(canvas, g.ToProjectionMatrix().Compose(ct.CtToPatient), ct.PhrenicNerve, ct.CoronarySinusOstium, scale, legend, " (CT)");
        }
        DrawLegend(canvas, legend, caption ?? ViewName(g), scale);
        return canvas.Picture;
    }

    /// <summary>The phrenic nerve and the CS ostium of one model set through its own projection (model to pixels).</summary>
    private static void DrawStructures(OverlayCanvas canvas, ProjectionMatrix projection, IReadOnlyList<Vec3>? phrenicNerve, Vec3? coronarySinusOstium, int scale,
        List<(string Label, RgbColour Colour)> legend, string setSuffix)
    {
        if (phrenicNerve is { Count: > 0 } nerve)
        {
            var pixels = nerve.Select(projection.Project).ToArray();
            for (var i = 0; i + 1 < pixels.Length; i++)
            {
                canvas.Line(pixels[i], pixels[i + 1], 1.5 * scale, PhrenicNerveColour);
            }
            if (pixels.Length == 1)
            {
                canvas.Disc(pixels[0].X, pixels[0].Y, 2 * scale, PhrenicNerveColour);
            }
            legend.Add(("phrenic nerve" + setSuffix, PhrenicNerveColour));
        }
        if (coronarySinusOstium is { } ostium)
        {
            var p = projection.Project(ostium);
            canvas.Ring(p.X, p.Y, 5 * scale, 1.5 * scale, OstiumColour);
            canvas.Disc(p.X, p.Y, scale, OstiumColour);
            legend.Add(("CS ostium" + setSuffix, OstiumColour));
        }
    }

    /// <summary>Writes <paramref name="picture"/> as an RGB Secondary Capture in the X-ray's study (identifiers derived, never the wall clock).</summary>
    public static WrittenInstance WriteSecondaryCapture(string path, RgbImage picture, string? patientId, string? studyInstanceUid, string seriesDescription, int seriesNumber = 900)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var study = studyInstanceUid ?? DicomUid.FromParts("cartledger", "overlay study", patientId ?? "");
        var series = new DicomSeries(
            new DicomStudy(new DicomPatient(patientId ?? "ANONYMOUS"), study),
            DicomUid.FromParts("cartledger", "overlay series", study, seriesDescription, seriesNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            DicomUid.FromParts("cartledger", "overlay frame", study),
            seriesNumber,
            seriesDescription);
        return DicomWriter.WriteSecondaryCapture(path, new DicomInstance(series, 1), picture);
    }

    /// <summary>"LAO 40 CRA 0" style name of a view.</summary>
    public static string ViewName(CArmGeometry g) => FormattableString.Invariant(
        $"{(g.PrimaryAngleDeg >= 0 ? "LAO" : "RAO")} {Math.Abs(g.PrimaryAngleDeg):0} {(g.SecondaryAngleDeg >= 0 ? "CRA" : "CAU")} {Math.Abs(g.SecondaryAngleDeg):0}");

    /// <summary>The frame in display polarity (dense dark), windowed between its 1st and 99th percentiles.</summary>
    private static RgbImage Greyscale(XrayFrame frame)
    {
        var values = frame.Polarity == XrayPolarity.DenseIsBright ? frame.Pixels.Pixels.Select(v => -v).ToArray() : frame.Pixels.Pixels;
        var sorted = values.Where(float.IsFinite).Order().ToArray();
        var (lo, hi) = sorted.Length == 0 ? (0f, 1f) : (sorted[(int)(0.01 * (sorted.Length - 1))], sorted[(int)(0.99 * (sorted.Length - 1))]);
        var range = Math.Max(hi - lo, 1e-6f);
        var rgb = new byte[3 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = (byte)Math.Clamp(Math.Round(255 * (values[i] - lo) / range), 0, 255);
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = v;
        }
        return new RgbImage(frame.Pixels.Width, frame.Pixels.Height, rgb);
    }

    /// <summary>Tints the projection of every triangle whose three vertices are flagged; false when none is.</summary>
    private static bool Tint(OverlayCanvas canvas, TriangleMesh mesh, IReadOnlyList<bool> flags, ProjectionMatrix projection, RgbColour colour)
    {
        if (flags.Count != mesh.Vertices.Count)
        {
            throw new RegistrationInputException("overlay", $"{flags.Count} vertex flags for a mesh of {mesh.Vertices.Count} vertices");
        }
        var (w, h) = (canvas.Picture.Width, canvas.Picture.Height);
        var mask = new bool[w * h];
        var pixels = mesh.Vertices.Select(projection.Project).ToArray();
        var any = false;
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            int a = mesh.Indices[3 * t], b = mesh.Indices[3 * t + 1], c = mesh.Indices[3 * t + 2];
            if (flags[a] && flags[b] && flags[c])
            {
                OverlayCanvas.FillTriangle(pixels[a], pixels[b], pixels[c], mask, w, h);
                any = true;
            }
        }
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                canvas.Blend(i % w, i / w, colour, 0.45);
            }
        }
        return any;
    }

    private static void DrawLegend(OverlayCanvas canvas, List<(string Label, RgbColour Colour)> rows, string caption, int scale)
    {
        var line = (PixelFont.GlyphHeight + 4) * scale;
        var pad = 3 * scale;
        var swatch = PixelFont.GlyphHeight * scale;
        var width = Math.Max(PixelFont.Width(caption, scale), rows.Max(r => PixelFont.Width(r.Label, scale) + swatch + 2 * scale)) + 2 * pad;
        var height = (rows.Count + 1) * line + 2 * pad;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                canvas.Blend(x, y, RgbColour.Black, 0.7);
            }
        }
        PixelFont.Draw(caption, pad, pad, scale, (x, y) => canvas.Set(x, y, RgbColour.White));
        for (var r = 0; r < rows.Count; r++)
        {
            var top = pad + (r + 1) * line;
            for (var y = 0; y < swatch; y++)
            {
                for (var x = 0; x < swatch; x++)
                {
                    canvas.Set(pad + x, top + y, rows[r].Colour);
                }
            }
            PixelFont.Draw(rows[r].Label, pad + swatch + 2 * scale, top, scale, (x, y) => canvas.Set(x, y, rows[r].Colour));
        }
    }
}
