using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Meshes;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Segments;
using CartLedger.Imaging.Phantom.Truth;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// The end-diastolic LV surfaces for other tools (3D Slicer, ParaView, mesh viewers): meshes/lv-epicardium and
/// meshes/lv-endocardium as .vtk (with per-vertex scalars), .obj and .stl (geometry only; the formats hold no
/// scalars). Vertices are patient LPS mm, the CT/CMR frame at end-diastole.
/// </summary>
public static class PhantomMeshFiles
{
    /// <summary>36-segment number of the vertex (0 on the apical cap and the apex).</summary>
    public const string Segment36 = "segment36";

    /// <summary>AHA 17-segment number of the vertex (17 on the apical cap).</summary>
    public const string Aha17 = "aha17";

    /// <summary>Percent of the radial wall chord at the vertex's (s, theta) with scar density >= 0.5 (SCIENCE.md 3, one chord).</summary>
    public const string TransmuralityPercent = "scar_transmurality_percent";

    /// <summary>Time (ms after the R wave, 1 ms steps) to the most negative endocardial circumferential strain at the vertex's (s, theta).</summary>
    public const string TimeToPeakMs = "time_to_peak_ms";

    public static readonly IReadOnlyList<string> ScalarNames = [Segment36, Aha17, TransmuralityPercent, TimeToPeakMs];

    public static readonly IReadOnlyList<string> Extensions = [".vtk", ".obj", ".stl"];

    /// <summary>One written surface: its name (lv-epicardium), the files relative to the patient folder, and its size.</summary>
    public sealed record SurfaceFiles(string Surface, IReadOnlyList<string> RelativePaths, int VertexCount, int TriangleCount);

    /// <summary>The mesh with its scalars (the VTK content).</summary>
    public static MeshData WithScalars(HeartModel heart, TriangleMesh mesh)
    {
        var contraction = heart.Contraction;
        var times = Enumerable.Range(0, (int)Math.Floor(contraction.RrMs)).Select(t => (double)t).ToArray();
        var means = times.Select(contraction.MeanActive).ToArray();
        var count = mesh.Vertices.Count;
        double[] segment = new double[count], aha = new double[count], transmurality = new double[count], ttp = new double[count];
        Parallel.For(0, count, i =>
        {
            var local = heart.Frame.ToLocal(mesh.Vertices[i]);
            var s = heart.Lv.LevelFraction(local.Z);
            // The apex itself has no angle; atan2(0, 0) = 0 is as good as any (its segment is the cap either way).
            var theta = HeartFrame.ThetaDeg(local);
            var wall = Math.Clamp(s, 0, 1);
            segment[i] = SegmentLabels.Segment36(Math.Max(s, 0), theta);
            aha[i] = SegmentLabels.Aha17(Math.Max(s, 0), theta);
            transmurality[i] = 100 * SegmentTruthCalculator.ChordScarFraction(heart, wall, theta);
            var best = 0;
            var bestStrain = double.PositiveInfinity;
            for (var t = 0; t < times.Length; t++)
            {
                var strain = contraction.Strain(wall, theta, times[t], means[t]);
                if (strain < bestStrain)
                {
                    bestStrain = strain;
                    best = t;
                }
            }
            ttp[i] = times[best];
        });
        return MeshData.From(mesh, new Dictionary<string, IReadOnlyList<double>>
        {
            [Segment36] = segment,
            [Aha17] = aha,
            [TransmuralityPercent] = transmurality,
            [TimeToPeakMs] = ttp,
        });
    }

    /// <summary>Writes both surfaces in the three formats under <paramref name="root"/>/meshes.</summary>
    public static IReadOnlyList<SurfaceFiles> Write(PhantomPatient patient, string root)
    {
        var folder = Path.Combine(root, "meshes");
        Directory.CreateDirectory(folder);
        var written = new List<SurfaceFiles>();
        foreach (var (name, mesh) in new[] { ("lv-epicardium", patient.LvEpicardium), ("lv-endocardium", patient.LvEndocardium) })
        {
            var withScalars = WithScalars(patient.Heart, mesh);
            var paths = new List<string>();
            foreach (var extension in Extensions)
            {
                var relative = $"meshes/{name}{extension}";
                MeshFiles.Write(Path.Combine(root, relative), extension == ".vtk" ? withScalars : MeshData.From(mesh));
                paths.Add(relative);
            }
            written.Add(new SurfaceFiles(name, paths, mesh.Vertices.Count, mesh.TriangleCount));
        }
        return written;
    }
}
