using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// Exact radiological path (Siddon 1985, incremental form of Jacobs 1998 / Amanatides-Woo): each ray's line
/// integral is the sum over the voxels it crosses of mu times the length of the crossing. Every pixel is computed
/// on its own from its own ray, rows are spread over threads, and each ray accumulates in its own double: the
/// image is bit-identical for any thread count.
/// </summary>
public static class SiddonProjector
{
    /// <summary>
    /// Line integrals (dimensionless, mm x 1/mm) through <paramref name="volume"/> for every pixel of a
    /// <paramref name="width"/> x <paramref name="height"/> image seen through <paramref name="projection"/>.
    /// Rays start at the source; voxels behind the source contribute nothing.
    /// </summary>
    public static Image2D Render(AttenuationVolume volume, ProjectionMatrix projection, int width, int height, int maxThreads = -1)
    {
        var image = new Image2D(width, height);
        var rays = new ProjectionRays(projection);
        var g = volume.Geometry;
        var source = g.ToIndex(rays.SourceLps);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        Parallel.For(0, height, options, y =>
        {
            for (var x = 0; x < width; x++)
            {
                var d = rays.Direction(x, y);
                var dIndex = new Vec3(d.Dot(g.AxisI) / g.SpacingMm.X, d.Dot(g.AxisJ) / g.SpacingMm.Y, d.Dot(g.AxisK) / g.SpacingMm.Z);
                image.Pixels[y * width + x] = (float)(Trace(volume, source, dIndex) * d.Length);
            }
        });
        return image;
    }

    /// <summary>The line integral along p(t) = origin + t dir (index units, t >= 0), in units of t.</summary>
    internal static unsafe double Trace(AttenuationVolume volume, Vec3 origin, Vec3 dir)
    {
        var g = volume.Geometry;
        int nx = g.SizeI, ny = g.SizeJ, nz = g.SizeK;
        double tEnter = 0, tExit = double.PositiveInfinity;
        if (!Clip(origin.X, dir.X, nx, ref tEnter, ref tExit) || !Clip(origin.Y, dir.Y, ny, ref tEnter, ref tExit)
            || !Clip(origin.Z, dir.Z, nz, ref tEnter, ref tExit) || tExit <= tEnter)
        {
            return 0;
        }
        // The voxel at the midpoint of a tiny first step is the first one the ray is inside.
        var tProbe = tEnter + Math.Min(1e-9, (tExit - tEnter) * 0.5);
        var i = Math.Clamp((int)Math.Floor(origin.X + tProbe * dir.X + 0.5), 0, nx - 1);
        var j = Math.Clamp((int)Math.Floor(origin.Y + tProbe * dir.Y + 0.5), 0, ny - 1);
        var k = Math.Clamp((int)Math.Floor(origin.Z + tProbe * dir.Z + 0.5), 0, nz - 1);
        int si = dir.X > 0 ? 1 : -1, sj = dir.Y > 0 ? 1 : -1, sk = dir.Z > 0 ? 1 : -1;
        var tMaxX = dir.X != 0 ? (i + 0.5 * si - origin.X) / dir.X : double.PositiveInfinity;
        var tMaxY = dir.Y != 0 ? (j + 0.5 * sj - origin.Y) / dir.Y : double.PositiveInfinity;
        var tMaxZ = dir.Z != 0 ? (k + 0.5 * sk - origin.Z) / dir.Z : double.PositiveInfinity;
        var dtX = dir.X != 0 ? 1.0 / Math.Abs(dir.X) : double.PositiveInfinity;
        var dtY = dir.Y != 0 ? 1.0 / Math.Abs(dir.Y) : double.PositiveInfinity;
        var dtZ = dir.Z != 0 ? 1.0 / Math.Abs(dir.Z) : double.PositiveInfinity;
        long strideJ = nx, strideK = (long)nx * ny;
        long index = i + strideJ * j + strideK * k;
        long stepI = si, stepJ = sj * strideJ, stepK = sk * strideK;
        double sum = 0, t = tEnter;
        fixed (float* mu = volume.MuPerMm)
        {
            while (true)
            {
                if (tMaxX <= tMaxY && tMaxX <= tMaxZ)
                {
                    var tNext = Math.Min(tMaxX, tExit);
                    sum += mu[index] * (tNext - t);
                    t = tNext;
                    i += si;
                    if (t >= tExit || (uint)i >= (uint)nx)
                    {
                        break;
                    }
                    index += stepI;
                    tMaxX += dtX;
                }
                else if (tMaxY <= tMaxZ)
                {
                    var tNext = Math.Min(tMaxY, tExit);
                    sum += mu[index] * (tNext - t);
                    t = tNext;
                    j += sj;
                    if (t >= tExit || (uint)j >= (uint)ny)
                    {
                        break;
                    }
                    index += stepJ;
                    tMaxY += dtY;
                }
                else
                {
                    var tNext = Math.Min(tMaxZ, tExit);
                    sum += mu[index] * (tNext - t);
                    t = tNext;
                    k += sk;
                    if (t >= tExit || (uint)k >= (uint)nz)
                    {
                        break;
                    }
                    index += stepK;
                    tMaxZ += dtZ;
                }
            }
        }
        return sum;
    }

    /// <summary>Clips t to where origin + t dir lies inside [-0.5, n - 0.5] along one axis.</summary>
    private static bool Clip(double origin, double dir, int n, ref double tEnter, ref double tExit)
    {
        const double Low = -0.5;
        var high = n - 0.5;
        if (dir == 0)
        {
            return origin >= Low && origin <= high;
        }
        var t0 = (Low - origin) / dir;
        var t1 = (high - origin) / dir;
        if (t0 > t1)
        {
            (t0, t1) = (t1, t0);
        }
        tEnter = Math.Max(tEnter, t0);
        tExit = Math.Min(tExit, t1);
        return tEnter < tExit;
    }
}
