using CartLedger.Imaging.Geometry;
using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Landmarks;

/// <summary>The checks that make landmark fusion refuse input with one clear reason instead of returning a bad pose.</summary>
internal static class LandmarkValidation
{
    public static Dictionary<string, Vec3> Validate(IReadOnlyList<CArmGeometry> views, IReadOnlyList<ModelLandmark> landmarks,
        IReadOnlyList<LandmarkClick> clicks, double minimumSpreadMm)
    {
        var byName = new Dictionary<string, Vec3>(StringComparer.Ordinal);
        foreach (var landmark in landmarks)
        {
            if (!byName.TryAdd(landmark.Name, landmark.ModelPoint))
            {
                throw new RegistrationInputException("landmarks", $"the model lists landmark '{landmark.Name}' twice");
            }
        }
        var seen = new HashSet<(string, int)>();
        for (var k = 0; k < clicks.Count; k++)
        {
            var c = clicks[k];
            if (c.ViewIndex < 0 || c.ViewIndex >= views.Count)
            {
                throw new RegistrationInputException($"clicks[{k}].view", $"view {c.ViewIndex} does not exist ({views.Count} views)");
            }
            if (!byName.ContainsKey(c.Name))
            {
                throw new RegistrationInputException($"clicks[{k}].name", $"the model has no landmark '{c.Name}' (it has: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))})");
            }
            var view = views[c.ViewIndex];
            if (!(c.Pixel.X >= -0.5 && c.Pixel.Y >= -0.5 && c.Pixel.X <= view.Columns - 0.5 && c.Pixel.Y <= view.Rows - 0.5))
            {
                throw new LandmarkOutsideImageException($"clicks[{k}].pixel", $"landmark '{c.Name}' at {c.Pixel} lies outside the {view.Columns}x{view.Rows} image of view {c.ViewIndex}");
            }
            if (!seen.Add((c.Name, c.ViewIndex)))
            {
                throw new RegistrationInputException($"clicks[{k}]", $"landmark '{c.Name}' is picked twice in view {c.ViewIndex}");
            }
        }
        var distinct = clicks.Select(c => c.Name).Distinct().ToArray();
        if (distinct.Length < 3 || clicks.Count < 6)
        {
            throw new RegistrationInputException("clicks", $"a rigid pose needs at least 3 different landmarks and 6 picks, got {distinct.Length} landmarks and {clicks.Count} picks");
        }
        if (Spread(distinct.Select(n => byName[n]).ToArray()) < minimumSpreadMm)
        {
            throw new RegistrationInputException("landmarks", "the picked landmarks lie (nearly) on one line: the rotation about it cannot be determined");
        }
        var separation = Separation(views, clicks);
        if (separation < Triangulation.MinimumSeparationDeg)
        {
            throw new ViewsTooCloseException("views",
                $"the picks span views only {separation:0.#} degrees apart; fusion needs at least {Triangulation.MinimumSeparationDeg:0} (seed 2 uses >= {Triangulation.RecommendedSeparationDeg:0}, e.g. LAO 40 / RAO 30)", separation);
        }
        return byName;
    }

    public static double Separation(IReadOnlyList<CArmGeometry> views, IReadOnlyList<LandmarkClick> clicks) =>
        WidestSeparation(clicks.Select(c => c.ViewIndex).Distinct().Select(i => views[i]).ToArray());

    public static double WidestSeparation(CArmGeometry[] views)
    {
        var widest = 0.0;
        for (var a = 0; a < views.Length; a++)
        {
            for (var b = a + 1; b < views.Length; b++)
            {
                widest = Math.Max(widest, views[a].AngleBetweenViewsDeg(views[b]));
            }
        }
        return widest;
    }

    /// <summary>The second singular value of the centred points / sqrt(n): how far they are from lying on one line (mm).</summary>
    public static double Spread(Vec3[] points)
    {
        if (points.Length < 3)
        {
            return 0;
        }
        var centre = LandmarkFusion.Centroid(points);
        var m = Matrix<double>.Build.Dense(points.Length, 3, (i, j) => (points[i] - centre)[j]);
        return m.Svd(computeVectors: false).S[1] / Math.Sqrt(points.Length);
    }
}
