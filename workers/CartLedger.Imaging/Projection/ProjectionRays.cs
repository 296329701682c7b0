using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// The rays of a 3x4 projection matrix P = [M | p4]: the source is the camera centre C = -M^-1 p4 and the ray
/// through pixel (x, y) runs along M^-1 (x, y, 1). Any matrix works: a C-arm view, a cropped region, a binned grid.
/// </summary>
public sealed class ProjectionRays
{
    private readonly Mat3 _inverse;

    public ProjectionRays(ProjectionMatrix projection)
    {
        var m = new Mat3(
            projection[0, 0], projection[0, 1], projection[0, 2],
            projection[1, 0], projection[1, 1], projection[1, 2],
            projection[2, 0], projection[2, 1], projection[2, 2]);
        var det = m.Determinant;
        if (Math.Abs(det) < 1e-12)
        {
            throw new ArgumentException("The projection matrix has a singular left 3x3 block: it is not a perspective camera.", nameof(projection));
        }
        _inverse = Invert(m, det);
        var p4 = new Vec3(projection[0, 3], projection[1, 3], projection[2, 3]);
        SourceLps = -(_inverse * p4);
    }

    /// <summary>The X-ray focal spot in patient LPS, mm.</summary>
    public Vec3 SourceLps { get; }

    /// <summary>Direction of the ray through pixel (x, y), scaled so that one unit advances the depth w by 1 mm.</summary>
    public Vec3 Direction(double x, double y) => _inverse * new Vec3(x, y, 1);

    private static Mat3 Invert(Mat3 m, double det) => new(
        (m.M11 * m.M22 - m.M12 * m.M21) / det, (m.M02 * m.M21 - m.M01 * m.M22) / det, (m.M01 * m.M12 - m.M02 * m.M11) / det,
        (m.M12 * m.M20 - m.M10 * m.M22) / det, (m.M00 * m.M22 - m.M02 * m.M20) / det, (m.M02 * m.M10 - m.M00 * m.M12) / det,
        (m.M10 * m.M21 - m.M11 * m.M20) / det, (m.M01 * m.M20 - m.M00 * m.M21) / det, (m.M00 * m.M11 - m.M01 * m.M10) / det);
}
