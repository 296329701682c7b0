using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Evaluation;

/// <summary>
/// Segmentation agreement measures, as cmr-notes 4.3 defines them: Dice = 2|A and B| / (|A| + |B|); Hausdorff
/// distance = max(max over a of min over b of |a - b|, and the reverse) between the boundary pixels of two
/// labellings in patient mm (3D when the slices of a stack are pooled).
/// </summary>
public static class Overlap
{
    /// <summary>Pixel counts pooled over any number of mask pairs; Dice of the pool (a 3D Dice over slices).</summary>
    public sealed class DiceAccumulator
    {
        private long _intersection;
        private long _total;

        public void Add(Mask2D truth, Mask2D found)
        {
            _intersection += truth.OverlapCount(found);
            _total += truth.Count() + found.Count();
        }

        /// <summary>Dice of everything added; 1 when both were empty everywhere (perfect agreement on nothing).</summary>
        public double Dice => _total == 0 ? 1 : 2.0 * _intersection / _total;
    }

    public static double Dice(Mask2D truth, Mask2D found)
    {
        var accumulator = new DiceAccumulator();
        accumulator.Add(truth, found);
        return accumulator.Dice;
    }

    /// <summary>Patient positions (LPS mm) of a mask's boundary pixels (set pixels with an unset 4-neighbour or on the image edge).</summary>
    public static IEnumerable<Vec3> BoundaryPoints(Mask2D mask, SlicePlane plane)
    {
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask[x, y] && (x == 0 || y == 0 || x == mask.Width - 1 || y == mask.Height - 1 || !mask[x - 1, y] || !mask[x + 1, y] || !mask[x, y - 1] || !mask[x, y + 1]))
                {
                    yield return plane.ToPatient(x, y);
                }
            }
        }
    }

    /// <summary>Symmetric Hausdorff distance (mm) between two point sets; NaN when either is empty.</summary>
    public static double Hausdorff(IReadOnlyList<Vec3> a, IReadOnlyList<Vec3> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return double.NaN;
        }
        return Math.Max(Directed(a, b), Directed(b, a));
    }

    private static double Directed(IReadOnlyList<Vec3> from, IReadOnlyList<Vec3> to)
    {
        double worst = 0;
        foreach (var p in from)
        {
            var best = double.MaxValue;
            foreach (var q in to)
            {
                var d = (p - q).LengthSquared;
                if (d < best)
                {
                    best = d;
                    if (best <= worst)
                    {
                        break;
                    }
                }
            }
            worst = Math.Max(worst, best);
        }
        return Math.Sqrt(worst);
    }
}
