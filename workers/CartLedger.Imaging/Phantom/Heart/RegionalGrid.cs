namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// A scalar over the LV wall indexed by level fraction s (0 = base plane, 1 = endocardial apex; the apical cap
/// uses s = 1) and theta (degrees, wrapping): bilinear lookups of a fine grid, so smooth fields cost the same as
/// rough ones.
/// </summary>
public sealed class RegionalGrid
{
    public const int Levels = 61;
    public const int Angles = 180;
    private readonly float[] _values = new float[Levels * Angles];

    public static double LevelAt(int row) => row / (double)(Levels - 1);
    public static double ThetaAt(int column) => column * 360.0 / Angles;

    public static RegionalGrid From(Func<double, double, double> valueAt)
    {
        var grid = new RegionalGrid();
        for (var row = 0; row < Levels; row++)
        {
            for (var column = 0; column < Angles; column++)
            {
                grid._values[row * Angles + column] = (float)valueAt(LevelAt(row), ThetaAt(column));
            }
        }
        return grid;
    }

    public double this[double s, double thetaDeg]
    {
        get
        {
            var r = Math.Clamp(s, 0.0, 1.0) * (Levels - 1);
            var r0 = Math.Min((int)r, Levels - 2);
            var fr = r - r0;
            var c = thetaDeg / 360.0 * Angles;
            c -= Math.Floor(c / Angles) * Angles;
            var c0 = (int)c % Angles;
            var c1 = (c0 + 1) % Angles;
            var fc = c - Math.Floor(c);
            double a = _values[r0 * Angles + c0], b = _values[r0 * Angles + c1];
            double d = _values[(r0 + 1) * Angles + c0], e = _values[(r0 + 1) * Angles + c1];
            return (a + (b - a) * fc) * (1 - fr) + (d + (e - d) * fc) * fr;
        }
    }

    public double Max() => _values.Max();

    /// <summary>
    /// A Gaussian blur of <paramref name="sigmaMm"/> on the wall surface: along the levels over
    /// <paramref name="cavityLengthMm"/>, around each level's circumference of radius <paramref name="radiusAtLevelMm"/>.
    /// </summary>
    public RegionalGrid Blurred(double sigmaMm, double cavityLengthMm, Func<double, double> radiusAtLevelMm)
    {
        var across = new RegionalGrid();
        for (var row = 0; row < Levels; row++)
        {
            var mmPerColumn = Math.Max(1.0, radiusAtLevelMm(LevelAt(row))) * 2 * Math.PI / Angles;
            var kernel = Kernel(sigmaMm / mmPerColumn);
            for (var column = 0; column < Angles; column++)
            {
                double sum = 0;
                for (var k = -kernel.Length + 1; k < kernel.Length; k++)
                {
                    sum += kernel[Math.Abs(k)] * _values[row * Angles + (column + k + Angles * 8) % Angles];
                }
                across._values[row * Angles + column] = (float)sum;
            }
        }
        var result = new RegionalGrid();
        var levelKernel = Kernel(sigmaMm / (cavityLengthMm / (Levels - 1)));
        for (var row = 0; row < Levels; row++)
        {
            for (var column = 0; column < Angles; column++)
            {
                double sum = 0;
                for (var k = -levelKernel.Length + 1; k < levelKernel.Length; k++)
                {
                    var r = Math.Clamp(row + k, 0, Levels - 1);
                    sum += levelKernel[Math.Abs(k)] * across._values[r * Angles + column];
                }
                result._values[row * Angles + column] = (float)sum;
            }
        }
        return result;
    }

    /// <summary>A new grid from this one, value by value.</summary>
    public RegionalGrid Map(Func<double, double, double, double> valueSThetaToNew) =>
        From((s, theta) => valueSThetaToNew(this[s, theta], s, theta));

    private static double[] Kernel(double sigmaCells)
    {
        sigmaCells = Math.Max(sigmaCells, 1e-3);
        var half = Math.Min(Angles / 2 - 1, (int)Math.Ceiling(3 * sigmaCells));
        var kernel = new double[half + 1];
        double total = 0;
        for (var k = 0; k <= half; k++)
        {
            kernel[k] = Math.Exp(-0.5 * k * k / (sigmaCells * sigmaCells));
            total += k == 0 ? kernel[k] : 2 * kernel[k];
        }
        for (var k = 0; k <= half; k++)
        {
            kernel[k] /= total;
        }
        return kernel;
    }
}
