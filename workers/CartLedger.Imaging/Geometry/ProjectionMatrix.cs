namespace CartLedger.Imaging.Geometry;

/// <summary>
/// A 3x4 perspective projection from patient LPS (mm) to image pixels (column x, row y):
/// [x w, y w, w]^T = P [X, Y, Z, 1]^T, with w the depth along the beam from the source (mm), positive
/// in front of the source. Row-major 12 values.
/// </summary>
public sealed class ProjectionMatrix
{
    private readonly double[] _m;

    public ProjectionMatrix(IReadOnlyList<double> values)
    {
        if (values.Count != 12)
        {
            throw new ArgumentException($"A 3x4 projection matrix has 12 values, got {values.Count}.", nameof(values));
        }
        _m = [.. values];
    }

    public double this[int row, int column] => _m[row * 4 + column];

    public IReadOnlyList<double> Values => _m;

    /// <summary>
    /// P = K [R | -R S]: R has rows (e_c, e_r, u), K = [[SID/px, 0, cx], [0, SID/py, cy], [0, 0, 1]].
    /// R has determinant -1 because DICOM displays the image as seen from the detector side.
    /// </summary>
    public static ProjectionMatrix FromCArm(CArmGeometry g)
    {
        var ec = g.ColumnDirection;
        var er = g.RowDirection;
        var u = g.SourceToDetectorDirection;
        var s = g.SourceLps;
        var fx = g.SourceToDetectorMm / g.DetectorPixelSpacingXMm;
        var fy = g.SourceToDetectorMm / g.DetectorPixelSpacingYMm;
        var pp = g.PrincipalPoint;
        double tx = -ec.Dot(s), ty = -er.Dot(s), tz = -u.Dot(s);
        return new ProjectionMatrix(
        [
            fx * ec.X + pp.X * u.X, fx * ec.Y + pp.X * u.Y, fx * ec.Z + pp.X * u.Z, fx * tx + pp.X * tz,
            fy * er.X + pp.Y * u.X, fy * er.Y + pp.Y * u.Y, fy * er.Z + pp.Y * u.Z, fy * ty + pp.Y * tz,
            u.X, u.Y, u.Z, tz,
        ]);
    }

    /// <summary>Projects a patient point to pixel coordinates; <paramref name="depthMm"/> is the distance from the source along the beam.</summary>
    public Vec2 Project(Vec3 p, out double depthMm)
    {
        var m = _m;
        var x = m[0] * p.X + m[1] * p.Y + m[2] * p.Z + m[3];
        var y = m[4] * p.X + m[5] * p.Y + m[6] * p.Z + m[7];
        var w = m[8] * p.X + m[9] * p.Y + m[10] * p.Z + m[11];
        depthMm = w;
        return new Vec2(x / w, y / w);
    }

    public Vec2 Project(Vec3 p) => Project(p, out _);

    /// <summary>The projection of a model posed by <paramref name="pose"/>: P * [R t; 0 1].</summary>
    public ProjectionMatrix Compose(RigidTransform pose)
    {
        var r = pose.Rotation;
        var t = pose.Translation;
        var v = new double[12];
        for (var row = 0; row < 3; row++)
        {
            double a = _m[row * 4], b = _m[row * 4 + 1], c = _m[row * 4 + 2];
            v[row * 4 + 0] = a * r.M00 + b * r.M10 + c * r.M20;
            v[row * 4 + 1] = a * r.M01 + b * r.M11 + c * r.M21;
            v[row * 4 + 2] = a * r.M02 + b * r.M12 + c * r.M22;
            v[row * 4 + 3] = a * t.X + b * t.Y + c * t.Z + _m[row * 4 + 3];
        }
        return new ProjectionMatrix(v);
    }
}
