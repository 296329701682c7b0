using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// Paints structures into voxel grids with partial volume (each voxel blends each layer's coverage over what is
/// already there), into several channels at once (e.g. contrast CT and native attenuation). Voxels are independent,
/// so slices run in parallel and the result never depends on the thread count.
/// </summary>
public static class VolumePainter
{
    public static void Paint(VolumeGeometry grid, IEnumerable<Structure> structures, IReadOnlyList<PaintChannel> channels)
    {
        var sampleMm = Math.Min(grid.SpacingMm.X, Math.Min(grid.SpacingMm.Y, grid.SpacingMm.Z));
        foreach (var structure in structures)
        {
            if (structure is Solid { Shape: Tube tube } solid)
            {
                PaintTube(grid, tube, solid.Tissue, channels, sampleMm);
            }
            else
            {
                PaintGeneral(grid, structure, channels, sampleMm);
            }
        }
    }

    /// <summary>
    /// Visits the structure's box in 2x2x2 blocks: one evaluation at the block centre with a ramp widened to cover the
    /// whole block decides the block when every layer is fully in or fully out (distances are 1-Lipschitz), so only
    /// blocks that a surface crosses pay for eight evaluations.
    /// </summary>
    private static void PaintGeneral(VolumeGeometry grid, Structure structure, IReadOnlyList<PaintChannel> channels, double sampleMm)
    {
        if (!IndexBox(grid, structure.Bounds, out var lo, out var hi))
        {
            return;
        }
        var layers = structure.Layers;
        var values = channels.Select(c => layers.Select(c.Select).ToArray()).ToArray();
        var blockSampleMm = sampleMm + Math.Sqrt(3) * Math.Max(grid.SpacingMm.X, Math.Max(grid.SpacingMm.Y, grid.SpacingMm.Z));
        var blocksK = (hi.K - lo.K) / 2 + 1;
        Parallel.For(0, blocksK, bk =>
        {
            Span<float> coverage = stackalloc float[layers.Count];
            var k0 = lo.K + 2 * bk;
            for (var j0 = lo.J; j0 <= hi.J; j0 += 2)
            {
                for (var i0 = lo.I; i0 <= hi.I; i0 += 2)
                {
                    var whole = i0 + 1 <= hi.I && j0 + 1 <= hi.J && k0 + 1 <= hi.K;
                    if (whole)
                    {
                        structure.Coverage(grid.ToPatient(i0 + 0.5, j0 + 0.5, k0 + 0.5), blockSampleMm, coverage);
                        if (Saturated(coverage))
                        {
                            for (var k = k0; k <= k0 + 1; k++)
                            {
                                for (var j = j0; j <= j0 + 1; j++)
                                {
                                    var row = grid.SizeI * (j + grid.SizeJ * (long)k);
                                    Blend(channels, values, coverage, row + i0);
                                    Blend(channels, values, coverage, row + i0 + 1);
                                }
                            }
                            continue;
                        }
                    }
                    for (var k = k0; k <= Math.Min(k0 + 1, hi.K); k++)
                    {
                        for (var j = j0; j <= Math.Min(j0 + 1, hi.J); j++)
                        {
                            var row = grid.SizeI * (j + grid.SizeJ * (long)k);
                            for (var i = i0; i <= Math.Min(i0 + 1, hi.I); i++)
                            {
                                structure.Coverage(grid.ToPatient(i, j, k), sampleMm, coverage);
                                Blend(channels, values, coverage, row + i);
                            }
                        }
                    }
                }
            }
        });
    }

    private static bool Saturated(ReadOnlySpan<float> coverage)
    {
        foreach (var f in coverage)
        {
            if (f is > 0f and < 1f)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Long thin tubes: visit only each segment's own box, keep the max coverage, then blend once.</summary>
    private static void PaintTube(VolumeGeometry grid, Tube tube, Tissue tissue, IReadOnlyList<PaintChannel> channels, double sampleMm)
    {
        if (!IndexBox(grid, tube.Bounds, out var lo, out var hi))
        {
            return;
        }
        int ni = hi.I - lo.I + 1, nj = hi.J - lo.J + 1, nk = hi.K - lo.K + 1;
        var scratch = new float[(long)ni * nj * nk];
        for (var s = 0; s < tube.SegmentCount; s++)
        {
            if (!IndexBox(grid, tube.SegmentBounds(s), out var a, out var b))
            {
                continue;
            }
            for (var k = a.K; k <= b.K; k++)
            {
                for (var j = a.J; j <= b.J; j++)
                {
                    for (var i = a.I; i <= b.I; i++)
                    {
                        var f = Shape.Ramp(tube.SegmentDistance(s, grid.ToPatient(i, j, k)), sampleMm);
                        var at = (i - lo.I) + ni * ((j - lo.J) + nj * (long)(k - lo.K));
                        if (f > scratch[at])
                        {
                            scratch[at] = f;
                        }
                    }
                }
            }
        }
        var values = channels.Select(c => new[] { c.Select(tissue) }).ToArray();
        Span<float> coverage = stackalloc float[1];
        for (var k = 0; k < nk; k++)
        {
            for (var j = 0; j < nj; j++)
            {
                for (var i = 0; i < ni; i++)
                {
                    var f = scratch[i + ni * (j + nj * (long)k)];
                    if (f > 0)
                    {
                        coverage[0] = f;
                        Blend(channels, values, coverage, lo.I + i + grid.SizeI * (lo.J + j + grid.SizeJ * (long)(lo.K + k)));
                    }
                }
            }
        }
    }

    private static void Blend(IReadOnlyList<PaintChannel> channels, float[][] values, ReadOnlySpan<float> coverage, long index)
    {
        for (var c = 0; c < channels.Count; c++)
        {
            var target = channels[c].Voxels;
            var v = target[index];
            for (var l = 0; l < coverage.Length; l++)
            {
                var f = coverage[l];
                if (f > 0)
                {
                    v += (values[c][l] - v) * f;
                }
            }
            target[index] = v;
        }
    }

    private readonly record struct Index3(int I, int J, int K);

    private static bool IndexBox(VolumeGeometry grid, Aabb box, out Index3 lo, out Index3 hi)
    {
        var a = grid.ToIndex(box.Min);
        var b = grid.ToIndex(box.Max);
        lo = new Index3(Math.Max(0, (int)Math.Floor(Math.Min(a.X, b.X))), Math.Max(0, (int)Math.Floor(Math.Min(a.Y, b.Y))), Math.Max(0, (int)Math.Floor(Math.Min(a.Z, b.Z))));
        hi = new Index3(Math.Min(grid.SizeI - 1, (int)Math.Ceiling(Math.Max(a.X, b.X))), Math.Min(grid.SizeJ - 1, (int)Math.Ceiling(Math.Max(a.Y, b.Y))), Math.Min(grid.SizeK - 1, (int)Math.Ceiling(Math.Max(a.Z, b.Z))));
        return lo.I <= hi.I && lo.J <= hi.J && lo.K <= hi.K;
    }
}

/// <summary>One output of the painter: a voxel array and the tissue property written into it.</summary>
public sealed record PaintChannel(float[] Voxels, Func<Tissue, float> Select);
