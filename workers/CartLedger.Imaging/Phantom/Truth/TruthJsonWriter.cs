using System.Text.Json;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Truth;

/// <summary>
/// truth.json: the truth in a plain, stable shape (points as [x, y, z] in LPS mm, transforms as 4x4 row-major,
/// projections as 3x4 row-major), written with a fixed property order and round-trip numbers, so the same patient
/// always gives the same bytes.
/// </summary>
public static class TruthJsonWriter
{
    public sealed record LabelFile(string Series, int Slice, int Phase, string SopInstanceUid, string RelativePath, int Columns, int Rows);

    public static byte[] Write(PhantomPatient patient, IReadOnlyList<LabelFile> labelFiles, IReadOnlyList<PhantomMeshFiles.SurfaceFiles>? meshFiles = null)
    {
        var t = patient.Truth;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("generator", t.GeneratorVersion);
            w.WriteNumber("seed", t.Seed);
            w.WriteString("coordinates", "DICOM patient LPS, millimetres, CT/CMR frame at end-diastole unless stated");
            WriteHeart(w, t.Heart);
            w.WriteNumber("scarBurdenPercent", t.ScarBurdenPercent);
            w.WriteStartArray("segments36");
            foreach (var s in t.Segments36)
            {
                w.WriteStartObject();
                w.WriteNumber("segment", s.Segment36);
                w.WriteString("name", s.Name);
                w.WriteNumber("segment18", s.Segment18);
                w.WriteBoolean("septal", s.IsSeptal);
                w.WriteNumber("transmuralityPercent", Round(s.TransmuralityPercent));
                w.WriteNumber("scarAreaPercent", Round(s.ScarAreaPercent));
                w.WriteNumber("activationDelayMs", Round(s.ActivationDelayMs));
                w.WriteNumber("timeToPeakStrainMs", Round(s.TimeToPeakStrainMs));
                w.WriteNumber("peakStrainPercent", Round(s.PeakStrainPercent));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("targets");
            w.WriteString("rule", t.Targets.Rule);
            w.WriteNumber("primary", t.Targets.Primary);
            w.WriteStartArray("sites");
            foreach (var s in t.Targets.Targets)
            {
                w.WriteNumberValue(s);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("landmarks");
            Point(w, "coronarySinusOstium", t.Landmarks.CoronarySinusOstium);
            Point(w, "lvEpicardialApex", t.Landmarks.LvEpicardialApex);
            Point(w, "lvEndocardialApex", t.Landmarks.LvEndocardialApex);
            Point(w, "mitralPlaneCentre", t.Landmarks.MitralPlaneCentre);
            Point(w, "lvCentre", t.Landmarks.LvCentre);
            w.WriteEndObject();
            Points(w, "phrenicNerve", t.PhrenicNerve);
            if (t.Lead is { } lead)
            {
                w.WriteStartObject("lead");
                w.WriteString("vein", lead.Vein);
                w.WriteNumber("requestedSegment36", lead.RequestedSegment36);
                Points(w, "electrodes", lead.Electrodes);
                w.WriteStartArray("electrodeSegments36");
                foreach (var s in lead.ElectrodeSegments36)
                {
                    w.WriteNumberValue(s);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            WriteViews(w, t.Views);
            if (t.CtFrame is { } ctFrame)
            {
                w.WriteStartObject("ctFrame");
                w.WriteString("frameOfReferenceUid", ctFrame.FrameOfReferenceUid);
                Numbers(w, "ctFromCmr4x4", ctFrame.CtFromCmr.ToMatrix4x4());
                Points(w, "phrenicNerveCt", ctFrame.PhrenicNerveCt);
                Point(w, "coronarySinusOstiumCt", ctFrame.CoronarySinusOstiumCt);
                Point(w, "lvCentreCt", ctFrame.LvCentreCt);
                w.WriteEndObject();
            }
            WriteLabels(w, labelFiles);
            WriteMesh(w, "lvEpicardiumEndDiastole", patient.LvEpicardium);
            WriteMesh(w, "lvEndocardiumEndDiastole", patient.LvEndocardium);
            WriteMeshFiles(w, meshFiles ?? []);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteHeart(Utf8JsonWriter w, HeartTruth h)
    {
        w.WriteStartObject("heart");
        Point(w, "frameOrigin", h.FrameOrigin);
        Point(w, "thetaZeroDirection", h.Ex);
        Point(w, "theta90Direction", h.Et);
        Point(w, "apexToBase", h.Ez);
        w.WriteNumber("edvMl", Round(h.EdvMl));
        w.WriteNumber("esvMl", Round(h.EsvMl));
        w.WriteNumber("ejectionFractionPercent", Round(h.EjectionFractionPercent));
        w.WriteNumber("wallMm", Round(h.WallMm));
        w.WriteNumber("rrMs", Round(h.RrMs));
        w.WriteString("activationPattern", h.ActivationPattern);
        w.WriteNumber("maxActivationDelayMs", Round(h.MaxActivationDelayMs));
        w.WriteNumber("rvInsertionWidthDeg", Round(h.RvInsertionWidthDeg));
        w.WriteNumber("cavityLengthMm", Round(h.CavityLengthMm));
        w.WriteEndObject();
    }

    private static void WriteViews(Utf8JsonWriter w, IReadOnlyList<ViewTruth> views)
    {
        w.WriteStartArray("views");
        foreach (var v in views)
        {
            var g = v.Geometry;
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            w.WriteNumber("primaryAngleDeg", g.PrimaryAngleDeg);
            w.WriteNumber("secondaryAngleDeg", g.SecondaryAngleDeg);
            w.WriteNumber("sourceToDetectorMm", g.SourceToDetectorMm);
            w.WriteNumber("sourceToIsocentreMm", g.SourceToIsocenterMm);
            w.WriteNumber("detectorPixelMm", g.DetectorPixelSpacingXMm);
            w.WriteNumber("columns", g.Columns);
            w.WriteNumber("rows", g.Rows);
            Point(w, "isocentre", g.IsocenterLps);
            Numbers(w, "heartPose4x4", v.HeartPose.ToMatrix4x4());
            Numbers(w, "diaphragmPose4x4", v.DiaphragmPose.ToMatrix4x4());
            Numbers(w, "projection3x4", v.Projection.Values);
            Numbers(w, "modelToImage3x4", v.ModelToImage.Values);
            Pixels(w, "electrodePixels", v.ElectrodePixels);
            Pixels(w, "lvCentrePixel", [v.LvCentrePixel]);
            Pixels(w, "crossPixels", v.CrossPixels);
            Pixels(w, "coronarySinusOstiumPixel", [v.CoronarySinusOstiumPixel]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteLabels(Utf8JsonWriter w, IReadOnlyList<LabelFile> files)
    {
        w.WriteStartObject("labelMaps");
        w.WriteString("values", "0 background, 1 LV blood pool (papillary muscles included), 2 LV myocardium, 3 scar, 4 RV blood pool");
        w.WriteString("format", "raw uint8, row-major, one byte per pixel of the image named by sopInstanceUid");
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            w.WriteStartObject();
            w.WriteString("series", f.Series);
            w.WriteNumber("slice", f.Slice);
            w.WriteNumber("phase", f.Phase);
            w.WriteString("sopInstanceUid", f.SopInstanceUid);
            w.WriteString("path", f.RelativePath);
            w.WriteNumber("columns", f.Columns);
            w.WriteNumber("rows", f.Rows);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMeshFiles(Utf8JsonWriter w, IReadOnlyList<PhantomMeshFiles.SurfaceFiles> surfaces)
    {
        w.WriteStartObject("meshFiles");
        w.WriteString("phase", "end-diastole; patient LPS mm; open at the base plane, closed at the apex; triangles face outwards");
        w.WriteString("scalars", $"in the .vtk only (POINT_DATA): {PhantomMeshFiles.Segment36} (36-segment, 0 on the apical cap), {PhantomMeshFiles.Aha17} (AHA 17-segment), "
            + $"{PhantomMeshFiles.TransmuralityPercent} (scar fraction of the radial chord at the vertex, percent), {PhantomMeshFiles.TimeToPeakMs} (time to peak endocardial circumferential strain at the vertex, ms after R)");
        w.WriteStartArray("surfaces");
        foreach (var surface in surfaces)
        {
            w.WriteStartObject();
            w.WriteString("surface", surface.Surface);
            w.WriteNumber("vertices", surface.VertexCount);
            w.WriteNumber("triangles", surface.TriangleCount);
            w.WriteStartArray("paths");
            foreach (var path in surface.RelativePaths)
            {
                w.WriteStringValue(path);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMesh(Utf8JsonWriter w, string name, TriangleMesh mesh)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("vertices");
        foreach (var v in mesh.Vertices)
        {
            w.WriteNumberValue(Round(v.X, 4));
            w.WriteNumberValue(Round(v.Y, 4));
            w.WriteNumberValue(Round(v.Z, 4));
        }
        w.WriteEndArray();
        w.WriteStartArray("triangles");
        foreach (var i in mesh.Indices)
        {
            w.WriteNumberValue(i);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Point(Utf8JsonWriter w, string name, Vec3 p) => Numbers(w, name, [p.X, p.Y, p.Z]);

    private static void Points(Utf8JsonWriter w, string name, IEnumerable<Vec3> points) => Tuples(w, name, points.Select(p => new[] { p.X, p.Y, p.Z }));

    private static void Pixels(Utf8JsonWriter w, string name, IEnumerable<Vec2> pixels) => Tuples(w, name, pixels.Select(p => new[] { p.X, p.Y }));

    private static void Tuples(Utf8JsonWriter w, string name, IEnumerable<double[]> tuples)
    {
        w.WriteStartArray(name);
        foreach (var tuple in tuples)
        {
            w.WriteStartArray();
            foreach (var v in tuple)
            {
                w.WriteNumberValue(Round(v, 6));
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(Round(v, 9));
        }
        w.WriteEndArray();
    }

    private static double Round(double v, int digits = 3) => Math.Round(v, digits, MidpointRounding.ToEven);

}
