using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Projection;
using CartLedger.Registration.Intensity;

namespace CartLedger.Registration.CtModel;

/// <summary>
/// One view, one level of <see cref="CtDrrRegistration"/>: the DRR rendered once at the pose so far, turned about the
/// model centre's projection for each candidate rotation, and every integer-pixel shift scored by gradient correlation
/// against the X-ray on a central window (pixels off the detector do not count); the best shift is refined to a
/// sub-pixel by a parabola through its neighbours.
/// </summary>
internal static class CtInPlaneSearch
{
    public sealed record Step(InPlanePose InPlane, double Correlation, double Prominence);

    private const int MarginPx = 4;

    public static Step Run(AttenuationVolume ct, XrayFrame frame, RigidTransform pose, Vec3 centreCt, CtSearchLevel level)
    {
        var view = frame.Geometry;
        var centre = pose.Apply(centreCt);
        var region = DetectorRegion.AroundPoint(view, centre, level.FieldMm, level.Pixels);
        var grid = region.Apply(view.ToProjectionMatrix());
        var (width, height) = (region.OutputWidth, region.OutputHeight);
        var drr = SiddonProjector.Render(ct, grid.Compose(pose), width, height, maxThreads: 1);
        var fixedGradients = Gradients.Of(Bin(frame.Attenuation(), region));

        var c0 = grid.Project(centre);
        var perMmColumn = (grid.Project(centre + view.ColumnDirection) - c0);
        var perMmRow = (grid.Project(centre + view.RowDirection) - c0);
        var searchPx = (int)Math.Ceiling(level.SearchMm * Math.Max(perMmColumn.Length, perMmRow.Length));
        var window = new Window(searchPx + MarginPx, searchPx + MarginPx, width - searchPx - MarginPx, height - searchPx - MarginPx);

        var rotations = (int)Math.Round(level.SearchDeg / level.StepDeg);
        var scores = new List<double>();
        var best = (Rz: 0.0, Sx: 0, Sy: 0, Gc: double.NegativeInfinity, Map: (double[,]?)null);
        for (var r = -rotations; r <= rotations; r++)
        {
            var rz = r * level.StepDeg;
            var turned = Gradients.Of(Turn(drr, c0, ImageAngleRad(view, pose, centreCt, grid, rz)));
            var map = new double[2 * searchPx + 1, 2 * searchPx + 1];
            for (var sy = -searchPx; sy <= searchPx; sy++)
            {
                for (var sx = -searchPx; sx <= searchPx; sx++)
                {
                    var gc = Gradients.Correlation(fixedGradients, turned, sx, sy, window);
                    map[sy + searchPx, sx + searchPx] = gc;
                    scores.Add(gc);
                    if (gc > best.Gc)
                    {
                        best = (rz, sx, sy, gc, map);
                    }
                }
            }
        }
        var (dx, dy) = SubPixel(best.Map!, best.Sx + searchPx, best.Sy + searchPx);
        var shift = new Vec2(best.Sx + dx, best.Sy + dy);
        // shift = tx perMmColumn + ty perMmRow: solve the 2x2 system for the in-plane translation in mm.
        var det = perMmColumn.X * perMmRow.Y - perMmColumn.Y * perMmRow.X;
        var tx = (shift.X * perMmRow.Y - shift.Y * perMmRow.X) / det;
        var ty = (perMmColumn.X * shift.Y - perMmColumn.Y * shift.X) / det;
        scores.Sort();
        var median = scores[scores.Count / 2];
        var prominence = Math.Clamp((best.Gc - median) / Math.Max(1 - median, 1e-9), 0, 1);
        return new Step(new InPlanePose(tx, ty, best.Rz), best.Gc, prominence);
    }

    /// <summary>The image-plane angle (radians) by which an in-plane rotation of <paramref name="rzDeg"/> turns the model's projection.</summary>
    private static double ImageAngleRad(CArmGeometry view, RigidTransform pose, Vec3 centreCt, ProjectionMatrix grid, double rzDeg)
    {
        var centre = pose.Apply(centreCt);
        var arm = centre + view.ColumnDirection * 20;
        var turned = new InPlanePose(0, 0, rzDeg).ToTransform(view, pose, centre).Apply(pose.Inverse().Apply(arm));
        var c0 = grid.Project(centre);
        var a = grid.Project(arm) - c0;
        var b = grid.Project(turned) - c0;
        return Math.Atan2(a.X * b.Y - a.Y * b.X, a.X * b.X + a.Y * b.Y);
    }

    /// <summary>The image turned by <paramref name="angleRad"/> about <paramref name="centre"/> (bilinear; outside is 0, masked by the window).</summary>
    private static Image2D Turn(Image2D image, Vec2 centre, double angleRad)
    {
        if (angleRad == 0)
        {
            return image;
        }
        var result = new Image2D(image.Width, image.Height);
        double cos = Math.Cos(angleRad), sin = Math.Sin(angleRad);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                double u = x - centre.X, v = y - centre.Y;
                result[x, y] = image.Sample(centre.X + cos * u + sin * v, centre.Y - sin * u + cos * v);
            }
        }
        return result;
    }

    /// <summary>The X-ray on the region's grid: the mean of each binned block; NaN where the block leaves the detector.</summary>
    private static Image2D Bin(Image2D detector, DetectorRegion region)
    {
        var b = region.Binning;
        var result = new Image2D(region.OutputWidth, region.OutputHeight);
        for (var y = 0; y < region.OutputHeight; y++)
        {
            for (var x = 0; x < region.OutputWidth; x++)
            {
                int x0 = region.X0 + x * b, y0 = region.Y0 + y * b;
                if (x0 < 0 || y0 < 0 || x0 + b > detector.Width || y0 + b > detector.Height)
                {
                    result[x, y] = float.NaN;
                    continue;
                }
                var sum = 0.0;
                for (var j = 0; j < b; j++)
                {
                    for (var i = 0; i < b; i++)
                    {
                        sum += detector[x0 + i, y0 + j];
                    }
                }
                result[x, y] = (float)(sum / (b * b));
            }
        }
        return result;
    }

    private static (double Dx, double Dy) SubPixel(double[,] map, int x, int y)
    {
        static double Vertex(double minus, double centre, double plus)
        {
            var curvature = minus - 2 * centre + plus;
            return curvature < 0 ? Math.Clamp(0.5 * (minus - plus) / curvature, -0.5, 0.5) : 0;
        }
        int rows = map.GetLength(0), columns = map.GetLength(1);
        var dx = x > 0 && x < columns - 1 ? Vertex(map[y, x - 1], map[y, x], map[y, x + 1]) : 0;
        var dy = y > 0 && y < rows - 1 ? Vertex(map[y - 1, x], map[y, x], map[y + 1, x]) : 0;
        return (dx, dy);
    }
}

/// <summary>The pixels a correlation counts: x in [X0, X1), y in [Y0, Y1) of the fixed image.</summary>
internal readonly record struct Window(int X0, int Y0, int X1, int Y1);

/// <summary>Central-difference gradients and their correlation (Penney's gradient correlation: the mean of the x and y NCCs).</summary>
internal sealed record Gradients(int Width, int Height, float[] X, float[] Y)
{
    public static Gradients Of(Image2D image)
    {
        int w = image.Width, h = image.Height;
        var gx = new float[w * h];
        var gy = new float[w * h];
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                gx[y * w + x] = 0.5f * (image[x + 1, y] - image[x - 1, y]);
                gy[y * w + x] = 0.5f * (image[x, y + 1] - image[x, y - 1]);
            }
        }
        return new Gradients(w, h, gx, gy);
    }

    /// <summary>GC between this (fixed) at p and <paramref name="moving"/> at p - (sx, sy), over the window; NaN fixed pixels are skipped.</summary>
    public static double Correlation(Gradients fixedImage, Gradients moving, int sx, int sy, Window window)
    {
        var x = new Ncc();
        var y = new Ncc();
        for (var py = window.Y0; py < window.Y1; py++)
        {
            for (var px = window.X0; px < window.X1; px++)
            {
                var f = py * fixedImage.Width + px;
                if (float.IsNaN(fixedImage.X[f]) || float.IsNaN(fixedImage.Y[f]))
                {
                    continue;
                }
                var m = (py - sy) * moving.Width + (px - sx);
                x.Add(fixedImage.X[f], moving.X[m]);
                y.Add(fixedImage.Y[f], moving.Y[m]);
            }
        }
        return 0.5 * (x.Value + y.Value);
    }

    private struct Ncc
    {
        private double _n, _a, _b, _aa, _bb, _ab;

        public void Add(double a, double b)
        {
            _n++;
            _a += a;
            _b += b;
            _aa += a * a;
            _bb += b * b;
            _ab += a * b;
        }

        public readonly double Value
        {
            get
            {
                if (_n < 2)
                {
                    return 0;
                }
                var cov = _ab - _a * _b / _n;
                var va = _aa - _a * _a / _n;
                var vb = _bb - _b * _b / _n;
                return va <= 0 || vb <= 0 ? 0 : cov / Math.Sqrt(va * vb);
            }
        }
    }
}
