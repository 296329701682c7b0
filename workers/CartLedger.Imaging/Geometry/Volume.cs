namespace CartLedger.Imaging.Geometry;

/// <summary>
/// Where a voxel grid lies in patient LPS. Voxel (i, j, k) has its centre at
/// Origin + i*SpacingMm.X*AxisI + j*SpacingMm.Y*AxisJ + k*SpacingMm.Z*AxisK.
/// For a DICOM series AxisI/AxisJ are the ImageOrientationPatient cosines and AxisK the direction of
/// increasing slice position (derived from positions, never from InstanceNumber).
/// </summary>
public sealed record VolumeGeometry(int SizeI, int SizeJ, int SizeK, Vec3 Origin, Vec3 AxisI, Vec3 AxisJ, Vec3 AxisK, Vec3 SpacingMm)
{
    public int VoxelCount => SizeI * SizeJ * SizeK;

    public Vec3 ToPatient(double i, double j, double k) =>
        Origin + AxisI * (i * SpacingMm.X) + AxisJ * (j * SpacingMm.Y) + AxisK * (k * SpacingMm.Z);

    /// <summary>Continuous voxel index of a patient point (assumes orthonormal axes, which every reader checks).</summary>
    public Vec3 ToIndex(Vec3 p)
    {
        var d = p - Origin;
        return new Vec3(d.Dot(AxisI) / SpacingMm.X, d.Dot(AxisJ) / SpacingMm.Y, d.Dot(AxisK) / SpacingMm.Z);
    }

    /// <summary>The plane of slice k (for writing a volume as a stack of single-frame images).</summary>
    public SlicePlane SlicePlaneAt(int k) => new(ToPatient(0, 0, k), AxisI, AxisJ, SpacingMm.X, SpacingMm.Y);

    /// <summary>An axis-aligned LPS grid (identity directions), as the phantom uses.</summary>
    public static VolumeGeometry Axial(int sizeI, int sizeJ, int sizeK, Vec3 origin, Vec3 spacingMm) =>
        new(sizeI, sizeJ, sizeK, origin, Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ, spacingMm);
}

/// <summary>A scalar volume of floats, index = i + SizeI * (j + SizeJ * k).</summary>
public sealed class Volume
{
    public Volume(VolumeGeometry geometry, float[]? voxels = null)
    {
        voxels ??= new float[geometry.VoxelCount];
        if (voxels.Length != geometry.VoxelCount)
        {
            throw new ArgumentException($"Expected {geometry.VoxelCount} voxels, got {voxels.Length}.", nameof(voxels));
        }
        Geometry = geometry;
        Voxels = voxels;
    }

    public VolumeGeometry Geometry { get; }
    public float[] Voxels { get; }

    public float this[int i, int j, int k]
    {
        get => Voxels[i + Geometry.SizeI * (j + Geometry.SizeJ * k)];
        set => Voxels[i + Geometry.SizeI * (j + Geometry.SizeJ * k)] = value;
    }

    /// <summary>Trilinear interpolation at a continuous index; outside the grid returns <paramref name="outside"/>.</summary>
    public float SampleIndex(double i, double j, double k, float outside = 0f)
    {
        var g = Geometry;
        if (i < 0 || j < 0 || k < 0 || i > g.SizeI - 1 || j > g.SizeJ - 1 || k > g.SizeK - 1)
        {
            return outside;
        }
        int i0 = Math.Min((int)i, Math.Max(g.SizeI - 2, 0)), j0 = Math.Min((int)j, Math.Max(g.SizeJ - 2, 0)), k0 = Math.Min((int)k, Math.Max(g.SizeK - 2, 0));
        int i1 = Math.Min(i0 + 1, g.SizeI - 1), j1 = Math.Min(j0 + 1, g.SizeJ - 1), k1 = Math.Min(k0 + 1, g.SizeK - 1);
        double fi = i - i0, fj = j - j0, fk = k - k0;
        double c00 = this[i0, j0, k0] * (1 - fi) + this[i1, j0, k0] * fi;
        double c10 = this[i0, j1, k0] * (1 - fi) + this[i1, j1, k0] * fi;
        double c01 = this[i0, j0, k1] * (1 - fi) + this[i1, j0, k1] * fi;
        double c11 = this[i0, j1, k1] * (1 - fi) + this[i1, j1, k1] * fi;
        double c0 = c00 * (1 - fj) + c10 * fj, c1 = c01 * (1 - fj) + c11 * fj;
        return (float)(c0 * (1 - fk) + c1 * fk);
    }

    public float SamplePatient(Vec3 p, float outside = 0f)
    {
        var idx = Geometry.ToIndex(p);
        return SampleIndex(idx.X, idx.Y, idx.Z, outside);
    }

    /// <summary>Slice k as a 2D image (a copy).</summary>
    public Image2D Slice(int k)
    {
        var n = Geometry.SizeI * Geometry.SizeJ;
        return new Image2D(Geometry.SizeI, Geometry.SizeJ, Voxels.AsSpan(k * n, n).ToArray());
    }
}
