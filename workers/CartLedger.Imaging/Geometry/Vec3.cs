namespace CartLedger.Imaging.Geometry;

/// <summary>
/// A point or direction in patient space, millimetres, DICOM LPS (x towards the patient's left,
/// y towards posterior, z towards the head). Double precision: round trips through DICOM must hold to 1e-3 mm.
/// </summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static readonly Vec3 Zero = new(0, 0, 0);
    public static readonly Vec3 UnitX = new(1, 0, 0);
    public static readonly Vec3 UnitY = new(0, 1, 0);
    public static readonly Vec3 UnitZ = new(0, 0, 1);

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vec3 operator *(double s, Vec3 a) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public double LengthSquared => X * X + Y * Y + Z * Z;
    public double DistanceTo(Vec3 b) => (this - b).Length;

    /// <summary>The unit vector in this direction; throws for a zero-length vector rather than returning NaNs.</summary>
    public Vec3 Normalized()
    {
        var length = Length;
        if (length < 1e-12)
        {
            throw new InvalidOperationException("Cannot normalise a zero-length vector.");
        }
        return this / length;
    }

    public static Vec3 Lerp(Vec3 a, Vec3 b, double t) => a + (b - a) * t;

    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    public override string ToString() => FormattableString.Invariant($"({X:0.###}, {Y:0.###}, {Z:0.###})");
}

/// <summary>A point in an image, in pixels: X along columns (left to right), Y along rows (top to bottom).</summary>
public readonly record struct Vec2(double X, double Y)
{
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);
    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);
    public static Vec2 operator *(Vec2 a, double s) => new(a.X * s, a.Y * s);
    public double Dot(Vec2 b) => X * b.X + Y * b.Y;
    public double Length => Math.Sqrt(X * X + Y * Y);
    public double DistanceTo(Vec2 b) => (this - b).Length;
    public override string ToString() => FormattableString.Invariant($"({X:0.###}, {Y:0.###})");
}
