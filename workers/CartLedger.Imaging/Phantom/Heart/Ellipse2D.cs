namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>Signed distance to a half-ellipse in the (rho, z) meridian plane: k0 (k0 - 1) / k1, exact on the curve.</summary>
public static class Ellipse2D
{
    public static double SignedDistance(double rho, double z, double radialSemiAxis, double axialSemiAxis)
    {
        double u = rho / radialSemiAxis, v = z / axialSemiAxis;
        var k0 = Math.Sqrt(u * u + v * v);
        if (k0 < 1e-9)
        {
            return -Math.Min(radialSemiAxis, axialSemiAxis);
        }
        double du = u / radialSemiAxis, dv = v / axialSemiAxis;
        return k0 * (k0 - 1) / Math.Sqrt(du * du + dv * dv);
    }

    /// <summary>The radius of the ellipse at height z (0 beyond the tip).</summary>
    public static double RadiusAt(double z, double radialSemiAxis, double axialSemiAxis)
    {
        var v = z / axialSemiAxis;
        return v >= 1 || v <= -1 ? 0 : radialSemiAxis * Math.Sqrt(1 - v * v);
    }

    /// <summary>Polynomial smooth minimum (blends two distances within <paramref name="k"/> mm).</summary>
    public static double SmoothMin(double a, double b, double k)
    {
        var h = Math.Max(k - Math.Abs(a - b), 0) / k;
        return Math.Min(a, b) - h * h * k * 0.25;
    }
}
