using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Contours;

/// <summary>
/// A star-shaped closed contour: radii (mm) at <see cref="AngleCount"/> equally spaced angles around a centre
/// (pixels). Angle k is 2 pi k / K from the image +x axis towards +y, measured in mm space. Every LV boundary
/// the segmenter finds has this shape; it makes rays, chords and angle correspondence between phases exact.
/// </summary>
public sealed record PolarContour(Vec2 Centre, IReadOnlyList<double> RadiiMm, PixelGrid Grid)
{
    public int AngleCount => RadiiMm.Count;

    public double AngleStepRad => 2 * Math.PI / AngleCount;

    public double AngleOf(int k) => k * AngleStepRad;

    public Vec2 PointAt(int k) => Centre + Grid.Offset(RadiiMm[k], AngleOf(k));

    /// <summary>The radius along any angle (radians), interpolated linearly between the two nearest samples.</summary>
    public double RadiusAt(double angleRad)
    {
        var position = angleRad / AngleStepRad;
        position -= Math.Floor(position / AngleCount) * AngleCount;
        var k0 = (int)Math.Floor(position) % AngleCount;
        var k1 = (k0 + 1) % AngleCount;
        var f = position - Math.Floor(position);
        return RadiiMm[k0] * (1 - f) + RadiiMm[k1] * f;
    }

    public IReadOnlyList<Vec2> ToPolygon() => Enumerable.Range(0, AngleCount).Select(PointAt).ToArray();

    /// <summary>Enclosed area, mm^2 (shoelace over the polygon in mm).</summary>
    public double AreaMm2()
    {
        double twice = 0;
        for (var k = 0; k < AngleCount; k++)
        {
            var r0 = RadiiMm[k];
            var r1 = RadiiMm[(k + 1) % AngleCount];
            twice += r0 * r1 * Math.Sin(AngleStepRad);
        }
        return 0.5 * twice;
    }

    /// <summary>Perimeter, mm.</summary>
    public double PerimeterMm()
    {
        double length = 0;
        for (var k = 0; k < AngleCount; k++)
        {
            length += Grid.LengthMm(PointAt((k + 1) % AngleCount) - PointAt(k));
        }
        return length;
    }

    public double MeanRadiusMm() => RadiiMm.Average();

    /// <summary>Pixels whose centres lie inside the contour.</summary>
    public Mask2D Rasterize(int width, int height)
    {
        var mask = new Mask2D(width, height);
        var maxR = RadiiMm.Max();
        var x0 = Math.Max(0, (int)Math.Floor(Centre.X - maxR / Grid.XSpacingMm) - 1);
        var x1 = Math.Min(width - 1, (int)Math.Ceiling(Centre.X + maxR / Grid.XSpacingMm) + 1);
        var y0 = Math.Max(0, (int)Math.Floor(Centre.Y - maxR / Grid.YSpacingMm) - 1);
        var y1 = Math.Min(height - 1, (int)Math.Ceiling(Centre.Y + maxR / Grid.YSpacingMm) + 1);
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var d = new Vec2(x - Centre.X, y - Centre.Y);
                var r = Grid.LengthMm(d);
                if (r <= 1e-9 || r <= RadiusAt(Grid.AngleOf(d)))
                {
                    mask[x, y] = true;
                }
            }
        }
        return mask;
    }

    /// <summary>The same boundary re-sampled around another centre (rays cast from it), e.g. to share a centre with a partner contour.</summary>
    public PolarContour Recentred(Vec2 centre, int angleCount) => Polygons.ToPolar(ToPolygon(), centre, angleCount, Grid);

    public PolarContour WithRadii(IReadOnlyList<double> radiiMm) => this with { RadiiMm = radiiMm };
}
