using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Small scar specks must be seen again in a neighbouring slice. An infarct follows its coronary territory along the
/// long axis, so on short-axis LGE 8-10 mm apart it shows in adjacent slices at about the same angle; a speck below
/// the given area that no adjacent slice confirms within <see cref="ToleranceDeg"/> (half a 30-degree 36-segment) is
/// taken for noise or partial volume and dropped. Larger regions stay whatever their neighbours show. Angles are about
/// each slice's LV centre, in pixel coordinates.
/// </summary>
public static class ThroughPlaneSupport
{
    public const double ToleranceDeg = 15;

    /// <summary>One slice: its scar, the LV centre (pixels), its position in the stack (adjacent slices differ by 1) and its pixel area.</summary>
    public sealed record Slice(Mask2D Scar, double CentreX, double CentreY, int Position, double PixelAreaMm2);

    /// <summary>Every slice's scar without its unconfirmed specks (regions, 8-connected, under <paramref name="minIsolatedMm2"/>).</summary>
    public static Mask2D[] Filter(IReadOnlyList<Slice> slices, double minIsolatedMm2)
    {
        var angles = slices.Select(s => ScarAngles(s).ToList()).ToArray();
        var result = new Mask2D[slices.Count];
        for (var k = 0; k < slices.Count; k++)
        {
            var slice = slices[k];
            var neighbours = Enumerable.Range(0, slices.Count).Where(j => Math.Abs(slices[j].Position - slice.Position) == 1).SelectMany(j => angles[j]).ToList();
            var kept = slice.Scar.Clone();
            foreach (var region in Regions.Label(slice.Scar, eightConnected: true))
            {
                if (region.Area * slice.PixelAreaMm2 >= minIsolatedMm2)
                {
                    continue;
                }
                var own = region.PixelIndices.Select(i => AngleDeg(slice, i)).ToList();
                if (!neighbours.Any(a => own.Any(b => Separation(a, b) <= ToleranceDeg)))
                {
                    foreach (var i in region.PixelIndices)
                    {
                        kept.Bits[i] = 0;
                    }
                }
            }
            result[k] = kept;
        }
        return result;
    }

    private static IEnumerable<double> ScarAngles(Slice slice)
    {
        for (var i = 0; i < slice.Scar.Bits.Length; i++)
        {
            if (slice.Scar.Bits[i] != 0)
            {
                yield return AngleDeg(slice, i);
            }
        }
    }

    private static double AngleDeg(Slice slice, int pixel) =>
        Math.Atan2(pixel / slice.Scar.Width - slice.CentreY, pixel % slice.Scar.Width - slice.CentreX) * 180 / Math.PI;

    private static double Separation(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
