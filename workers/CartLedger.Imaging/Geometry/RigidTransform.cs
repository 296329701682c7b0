namespace CartLedger.Imaging.Geometry;

/// <summary>
/// A rigid transform p' = R p + t (rotation then translation, millimetres). Used for the pose of a model
/// in patient LPS. Compose with <see cref="Then"/>: <c>a.Then(b)</c> applies a first, then b.
/// </summary>
public readonly record struct RigidTransform(Mat3 Rotation, Vec3 Translation)
{
    public static readonly RigidTransform Identity = new(Mat3.Identity, Vec3.Zero);

    public Vec3 Apply(Vec3 p) => Rotation * p + Translation;
    public Vec3 ApplyToDirection(Vec3 d) => Rotation * d;

    public RigidTransform Then(RigidTransform next) =>
        new(next.Rotation * Rotation, next.Rotation * Translation + next.Translation);

    public RigidTransform Inverse()
    {
        var rt = Rotation.Transposed();
        return new(rt, -(rt * Translation));
    }

    public static RigidTransform FromTranslation(Vec3 t) => new(Mat3.Identity, t);

    /// <summary>A rotation about a centre point (the rotation leaves <paramref name="centre"/> fixed).</summary>
    public static RigidTransform RotationAbout(Vec3 centre, Mat3 rotation) => new(rotation, centre - rotation * centre);

    /// <summary>The 4x4 homogeneous matrix, row-major (16 values), as written into POSE.json.</summary>
    public double[] ToMatrix4x4() =>
    [
        Rotation.M00, Rotation.M01, Rotation.M02, Translation.X,
        Rotation.M10, Rotation.M11, Rotation.M12, Translation.Y,
        Rotation.M20, Rotation.M21, Rotation.M22, Translation.Z,
        0, 0, 0, 1,
    ];

    public static RigidTransform FromMatrix4x4(IReadOnlyList<double> m)
    {
        if (m.Count != 16)
        {
            throw new ArgumentException($"A 4x4 matrix has 16 values, got {m.Count}.", nameof(m));
        }
        var r = new Mat3(m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]);
        if (Math.Abs(r.Determinant - 1) > 1e-6)
        {
            throw new ArgumentException($"The rotation part is not a proper rotation (determinant {r.Determinant:0.######}).", nameof(m));
        }
        return new(r, new Vec3(m[3], m[7], m[11]));
    }
}
