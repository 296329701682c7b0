using CartLedger.Cmr.Contours;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Pixels;

/// <summary>
/// An image resampled on rays around a centre: <see cref="AngleCount"/> rays (angle k = 2 pi k / K from +x
/// towards +y, in mm space) by <see cref="RadiusCount"/> samples every <see cref="RadialStepMm"/> mm from the
/// centre. Row k holds ray k, so boundary searches become one radius per row.
/// </summary>
public sealed class PolarImage
{
    private PolarImage(int angleCount, int radiusCount, double radialStepMm, float[] values)
    {
        AngleCount = angleCount;
        RadiusCount = radiusCount;
        RadialStepMm = radialStepMm;
        Values = values;
    }

    public int AngleCount { get; }
    public int RadiusCount { get; }
    public double RadialStepMm { get; }

    /// <summary>Samples, row-major by angle: index = k * RadiusCount + i. Outside the image: the nearest edge pixel's value.</summary>
    public float[] Values { get; }

    public float this[int k, int i] => Values[k * RadiusCount + i];

    public double RadiusMm(int i) => i * RadialStepMm;

    public static PolarImage Sample(Image2D image, Vec2 centre, PixelGrid grid, int angleCount, int radiusCount, double radialStepMm)
    {
        var values = new float[angleCount * radiusCount];
        for (var k = 0; k < angleCount; k++)
        {
            var direction = grid.Offset(radialStepMm, 2 * Math.PI * k / angleCount);
            for (var i = 0; i < radiusCount; i++)
            {
                var x = Math.Clamp(centre.X + direction.X * i, 0, image.Width - 1);
                var y = Math.Clamp(centre.Y + direction.Y * i, 0, image.Height - 1);
                values[k * radiusCount + i] = image.Sample(x, y);
            }
        }
        return new PolarImage(angleCount, radiusCount, radialStepMm, values);
    }

    /// <summary>
    /// Outward intensity drop at every sample, I(r - h) - I(r + h) with h = <paramref name="halfWidth"/> samples:
    /// positive where bright turns dark going out (blood to myocardium), negative where dark turns bright.
    /// </summary>
    public float[] OutwardDrop(int halfWidth)
    {
        var drop = new float[Values.Length];
        for (var k = 0; k < AngleCount; k++)
        {
            var row = k * RadiusCount;
            for (var i = 0; i < RadiusCount; i++)
            {
                var inner = Values[row + Math.Max(0, i - halfWidth)];
                var outer = Values[row + Math.Min(RadiusCount - 1, i + halfWidth)];
                drop[row + i] = inner - outer;
            }
        }
        return drop;
    }
}
