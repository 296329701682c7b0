namespace CartLedger.Imaging.Geometry;

/// <summary>A 3x3 matrix, row-major, immutable. Used for rotations and direction-cosine frames.</summary>
public readonly record struct Mat3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static readonly Mat3 Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Mat3 FromRows(Vec3 r0, Vec3 r1, Vec3 r2) => new(r0.X, r0.Y, r0.Z, r1.X, r1.Y, r1.Z, r2.X, r2.Y, r2.Z);
    public static Mat3 FromColumns(Vec3 c0, Vec3 c1, Vec3 c2) => new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    public Vec3 Row0 => new(M00, M01, M02);
    public Vec3 Row1 => new(M10, M11, M12);
    public Vec3 Row2 => new(M20, M21, M22);
    public Vec3 Column0 => new(M00, M10, M20);
    public Vec3 Column1 => new(M01, M11, M21);
    public Vec3 Column2 => new(M02, M12, M22);

    public static Vec3 operator *(Mat3 m, Vec3 v) => new(
        m.M00 * v.X + m.M01 * v.Y + m.M02 * v.Z,
        m.M10 * v.X + m.M11 * v.Y + m.M12 * v.Z,
        m.M20 * v.X + m.M21 * v.Y + m.M22 * v.Z);

    public static Mat3 operator *(Mat3 a, Mat3 b) => FromColumns(a * b.Column0, a * b.Column1, a * b.Column2);

    public Mat3 Transposed() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>Rotation about a unit axis by an angle in degrees (right-hand rule).</summary>
    public static Mat3 RotationAboutAxis(Vec3 axis, double angleDeg)
    {
        var a = axis.Normalized();
        var t = angleDeg * Math.PI / 180.0;
        double c = Math.Cos(t), s = Math.Sin(t), k = 1 - c;
        return new(
            c + a.X * a.X * k, a.X * a.Y * k - a.Z * s, a.X * a.Z * k + a.Y * s,
            a.Y * a.X * k + a.Z * s, c + a.Y * a.Y * k, a.Y * a.Z * k - a.X * s,
            a.Z * a.X * k - a.Y * s, a.Z * a.Y * k + a.X * s, c + a.Z * a.Z * k);
    }

    /// <summary>R = Rz(rz) * Ry(ry) * Rx(rx), angles in degrees about the LPS axes.</summary>
    public static Mat3 FromEulerDeg(double rxDeg, double ryDeg, double rzDeg) =>
        RotationAboutAxis(Vec3.UnitZ, rzDeg) * RotationAboutAxis(Vec3.UnitY, ryDeg) * RotationAboutAxis(Vec3.UnitX, rxDeg);
}
