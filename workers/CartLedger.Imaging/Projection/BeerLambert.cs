using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>Transmitted intensity from line integrals: I = I0 exp(-integral of mu).</summary>
public static class BeerLambert
{
    public static Image2D Intensity(Image2D lineIntegrals, double incidentIntensity = 1.0)
    {
        var result = new Image2D(lineIntegrals.Width, lineIntegrals.Height);
        for (var i = 0; i < result.Pixels.Length; i++)
        {
            result.Pixels[i] = (float)(incidentIntensity * Math.Exp(-lineIntegrals.Pixels[i]));
        }
        return result;
    }
}
