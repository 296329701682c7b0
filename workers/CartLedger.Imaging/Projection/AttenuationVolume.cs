using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// Linear attenuation (1/mm) on a voxel grid, the input of every projector. Build it once per CT and render
/// as many views as needed: the HU-to-mu conversion is not repeated per view.
/// </summary>
public sealed class AttenuationVolume
{
    public AttenuationVolume(VolumeGeometry geometry, float[] muPerMm)
    {
        if (muPerMm.Length != geometry.VoxelCount)
        {
            throw new ArgumentException($"Expected {geometry.VoxelCount} attenuation values, got {muPerMm.Length}.", nameof(muPerMm));
        }
        var orthonormal = Math.Abs(geometry.AxisI.Dot(geometry.AxisJ)) < 1e-6 && Math.Abs(geometry.AxisI.Dot(geometry.AxisK)) < 1e-6
            && Math.Abs(geometry.AxisJ.Dot(geometry.AxisK)) < 1e-6;
        if (!orthonormal)
        {
            throw new ArgumentException("Ray casting needs orthogonal volume axes (a gantry-tilted CT must be resampled first).", nameof(geometry));
        }
        Geometry = geometry;
        MuPerMm = muPerMm;
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>mu per voxel, 1/mm, index = i + SizeI (j + SizeJ k).</summary>
    public float[] MuPerMm { get; }

    /// <summary>A CT in Hounsfield units converted with <paramref name="mapping"/> (default: water 0.0206/mm).</summary>
    public static AttenuationVolume FromHounsfield(Volume ct, AttenuationMapping? mapping = null) =>
        new(ct.Geometry, (mapping ?? AttenuationMapping.Default).ToMu(ct.Voxels));
}
