using System.Globalization;
using System.Text;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Registration.Intensity;
using CartLedger.Registration.Overlay;
using CartLedger.Registration.Projection;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Bench.Registration;

/// <summary>
/// What a failing case looks like (`bench registration --diagnose DIR`): a PNG of the frame with the answer's outline
/// (yellow), the truth's (green) and the start's (red), and the metric landscape along tx, ty (mm) and rz (degrees)
/// through the truth and through the answer, so that one sees whether the metric's optimum or the search is wrong.
/// </summary>
public static class RegistrationDiagnosis
{
    private static readonly RgbColour TruthColour = new(40, 220, 60);
    private static readonly RgbColour StartColour = new(230, 40, 40);

    /// <summary>Offsets of the landscape: translations -30..30 mm in 2 mm steps, rotations -15..15 degrees in 1.5 degree steps.</summary>
    private static readonly double[] TranslationOffsetsMm = [.. Enumerable.Range(-15, 31).Select(i => 2.0 * i)];
    private static readonly double[] RotationOffsetsDeg = [.. Enumerable.Range(-10, 21).Select(i => 1.5 * i)];

    public static void Write(string directory, BenchPatient p, int view, SimilarityMethod method, MeshArrays mesh, RigidTransform start, RigidTransform answer, double treMm)
    {
        Directory.CreateDirectory(directory);
        var name = Path.Combine(directory, FormattableString.Invariant($"seed{p.Seed}-view{view}-{method.ShortName().Replace('+', 'p')}"));
        var frame = p.Frames[view];
        var picture = FusionOverlay.Render(frame, answer, new OverlayScene(p.Model), FormattableString.Invariant($"{method.ShortName()} TRE {treMm:F1} mm"));
        DrawOutline(picture, frame.Geometry, p.Model, start, StartColour);
        DrawOutline(picture, frame.Geometry, p.Model, p.Truth[view], TruthColour);
        PngEncoder.Write(name + ".png", picture);
        var settings = new InPlaneSettings(method);
        var text = new StringBuilder();
        foreach (var (label, reference) in new[] { ("truth", p.Truth[view]), ("answer", answer) })
        {
            foreach (var axis in new[] { "tx", "ty", "rz" })
            {
                var offsets = axis == "rz" ? RotationOffsetsDeg : TranslationOffsetsMm;
                var poses = offsets.Select(o => axis switch { "tx" => new InPlanePose(o, 0, 0), "ty" => new InPlanePose(0, o, 0), _ => new InPlanePose(0, 0, o) }).ToArray();
                var scores = InPlaneRegistration.Landscape(frame, mesh, reference, settings, p.CentreModel, poses, settings.RefineLevelsMm[^1]);
                var best = Array.IndexOf(scores, scores.Max());
                text.Append(CultureInfo.InvariantCulture, $"{label} {axis}: max at {offsets[best]:F1}; ");
                text.AppendJoin(' ', scores.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{offsets[i]:F1}:{s:F4}")));
                text.AppendLine();
            }
        }
        File.WriteAllText(name + ".txt", text.ToString());
    }

    private static void DrawOutline(RgbImage picture, CArmGeometry g, TriangleMesh model, RigidTransform pose, RgbColour colour)
    {
        var outline = SilhouetteMask.Project(model, pose, g.ToProjectionMatrix(), PixelGrid.Detector(g)).Outline();
        for (var i = 0; i < outline.Length; i++)
        {
            if (outline[i])
            {
                picture[i % g.Columns, i / g.Columns] = (colour.R, colour.G, colour.B);
            }
        }
    }
}
