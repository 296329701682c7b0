using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Optimisation;
using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Landmarks;

/// <summary>One click: a pixel (column x, row y) in one view.</summary>
public sealed record ViewPoint(CArmGeometry View, Vec2 Pixel);

/// <summary>A point seen in several views, its 3D position and how well it agrees with each click.</summary>
/// <param name="PointLps">The triangulated point, patient LPS mm.</param>
/// <param name="ResidualsPx">Per view: distance between the click and the reprojected point, pixels.</param>
/// <param name="ResidualsMm">Per view: the same distance at the point's depth, mm (the pick error in the patient).</param>
public sealed record TriangulatedPoint(Vec3 PointLps, IReadOnlyList<double> ResidualsPx, IReadOnlyList<double> ResidualsMm)
{
    public double MaxResidualMm => ResidualsMm.Max();
}

/// <summary>
/// Triangulation of a point clicked in two or more C-arm views: the linear DLT solution (Hartley and Zisserman 12.2)
/// refined by Levenberg-Marquardt on the reprojection error. Views closer than <see cref="MinimumSeparationDeg"/>
/// are refused: the depth along the beams becomes ill-conditioned (error grows as 1/sin of the angle).
/// </summary>
public static class Triangulation
{
    /// <summary>The smallest angle between beams that triangulation accepts. Seed 2 recommends at least 60 degrees.</summary>
    public const double MinimumSeparationDeg = 30;

    /// <summary>The separation seed 2 uses for landmark fusion (e.g. LAO 40 / RAO 30 are 70 degrees apart).</summary>
    public const double RecommendedSeparationDeg = 60;

    public static TriangulatedPoint Triangulate(IReadOnlyList<ViewPoint> clicks)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        Validate(clicks);
        var projections = clicks.Select(c => c.View.ToProjectionMatrix()).ToArray();
        var linear = Linear(projections, clicks.Select(c => c.Pixel).ToArray());
        var refined = LevenbergMarquardt.Minimize(
            x => Residuals(projections, clicks, new Vec3(x[0], x[1], x[2])),
            [linear.X, linear.Y, linear.Z], [1e-4, 1e-4, 1e-4]);
        var point = new Vec3(refined.Point[0], refined.Point[1], refined.Point[2]);
        var px = new double[clicks.Count];
        var mm = new double[clicks.Count];
        for (var v = 0; v < clicks.Count; v++)
        {
            var reprojected = projections[v].Project(point, out var depth);
            px[v] = reprojected.DistanceTo(clicks[v].Pixel);
            mm[v] = PixelsToMillimetresAtDepth(clicks[v].View, px[v], depth);
        }
        return new TriangulatedPoint(point, px, mm);
    }

    /// <summary>A detector distance in pixels expressed in mm at a depth along the beam (undoing the magnification).</summary>
    public static double PixelsToMillimetresAtDepth(CArmGeometry view, double pixels, double depthMm) =>
        pixels * Math.Sqrt(view.DetectorPixelSpacingXMm * view.DetectorPixelSpacingYMm) * depthMm / view.SourceToDetectorMm;

    private static void Validate(IReadOnlyList<ViewPoint> clicks)
    {
        if (clicks.Count < 2)
        {
            throw new RegistrationInputException("clicks", $"a point needs clicks in two views to be triangulated, got {clicks.Count}");
        }
        for (var v = 0; v < clicks.Count; v++)
        {
            var (view, pixel) = (clicks[v].View, clicks[v].Pixel);
            if (!(pixel.X >= -0.5 && pixel.Y >= -0.5 && pixel.X <= view.Columns - 0.5 && pixel.Y <= view.Rows - 0.5))
            {
                throw new LandmarkOutsideImageException($"clicks[{v}]", $"pixel {pixel} lies outside the {view.Columns}x{view.Rows} image");
            }
        }
        var widest = 0.0;
        for (var a = 0; a < clicks.Count; a++)
        {
            for (var b = a + 1; b < clicks.Count; b++)
            {
                widest = Math.Max(widest, clicks[a].View.AngleBetweenViewsDeg(clicks[b].View));
            }
        }
        if (widest < MinimumSeparationDeg)
        {
            throw new ViewsTooCloseException("views",
                $"the views are only {widest:0.#} degrees apart; triangulation needs at least {MinimumSeparationDeg:0} (seed 2 recommends {RecommendedSeparationDeg:0}, e.g. LAO 40 / RAO 30)", widest);
        }
    }

    /// <summary>DLT: each view gives x p3 - p1 = 0 and y p3 - p2 = 0; rows are normalised, the null vector comes from the SVD.</summary>
    private static Vec3 Linear(ProjectionMatrix[] projections, Vec2[] pixels)
    {
        var a = Matrix<double>.Build.Dense(2 * projections.Length, 4);
        for (var v = 0; v < projections.Length; v++)
        {
            var p = projections[v];
            for (var c = 0; c < 4; c++)
            {
                a[2 * v, c] = pixels[v].X * p[2, c] - p[0, c];
                a[2 * v + 1, c] = pixels[v].Y * p[2, c] - p[1, c];
            }
            for (var row = 2 * v; row < 2 * v + 2; row++)
            {
                var norm = a.Row(row).L2Norm();
                a.SetRow(row, a.Row(row) / norm);
            }
        }
        var svd = a.Svd(computeVectors: true);
        var x = svd.VT.Row(3);
        return new Vec3(x[0] / x[3], x[1] / x[3], x[2] / x[3]);
    }

    private static double[] Residuals(ProjectionMatrix[] projections, IReadOnlyList<ViewPoint> clicks, Vec3 point)
    {
        var r = new double[2 * projections.Length];
        for (var v = 0; v < projections.Length; v++)
        {
            var d = projections[v].Project(point) - clicks[v].Pixel;
            r[2 * v] = d.X;
            r[2 * v + 1] = d.Y;
        }
        return r;
    }
}
