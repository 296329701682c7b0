using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// The thorax on a voxel grid, twice in one pass: the contrast-enhanced CT (the study written to disk) and the
/// same anatomy without iodine (what X-rays see during the implant, when the heart holds no contrast).
/// </summary>
public static class CtVolumes
{
    public sealed record Result(Volume ContrastCt, Volume Native);

    public static VolumeGeometry Grid(ThoraxLayout t, HeartModel heart, double spacingMm)
    {
        var centre = heart.LvCentre;
        var halfX = t.HalfWidthMm + 12;
        var halfY = t.HalfDepthMm + 12;
        const double HalfZ = 150;
        int ni = (int)Math.Ceiling(2 * halfX / spacingMm), nj = (int)Math.Ceiling(2 * halfY / spacingMm), nk = (int)Math.Ceiling(2 * HalfZ / spacingMm);
        var origin = new Vec3(-ni * spacingMm / 2 + spacingMm / 2, -nj * spacingMm / 2 + spacingMm / 2, Math.Round(centre.Z - HalfZ));
        return VolumeGeometry.Axial(ni, nj, nk, origin, new Vec3(spacingMm, spacingMm, spacingMm));
    }

    /// <summary>Paints the scene and adds CT noise (Gaussian, the given SD, one seeded stream per slice).</summary>
    public static Result Synthesize(VolumeGeometry grid, IReadOnlyList<Structure> scene, double iodineScale, double noiseSdHu, int seed)
    {
        var ct = new float[grid.VoxelCount];
        var native = new float[grid.VoxelCount];
        Array.Fill(ct, -1000f);
        Array.Fill(native, -1000f);
        var scale = (float)iodineScale;
        VolumePainter.Paint(grid, scene,
        [
            new PaintChannel(ct, tissue => tissue.NativeHu + (tissue.ContrastCtHu - tissue.NativeHu) * scale),
            new PaintChannel(native, tissue => tissue.NativeHu),
        ]);
        AddNoise(grid, ct, noiseSdHu, seed);
        return new Result(new Volume(grid, ct), new Volume(grid, native));
    }

    public static void AddNoise(VolumeGeometry grid, float[] voxels, double sd, int seed)
    {
        var perSlice = grid.SizeI * grid.SizeJ;
        Parallel.For(0, grid.SizeK, k =>
        {
            var random = new SeededRandom(SeededRandom.Mix(seed, "ct noise", k), "slice");
            var start = (long)k * perSlice;
            for (var n = 0; n < perSlice; n++)
            {
                voxels[start + n] += (float)(sd * random.Gaussian());
            }
        });
    }
}
