using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Model;

/// <summary>
/// Which parts of an LV surface's outline can show as an edge in a plain X-ray. The heart shadow is the whole heart:
/// the LV's free wall and apex border the lung (a strong edge), the inferior wall the diaphragm (weak), while the
/// septum borders the RV and the base the atria and great vessels, inside the shadow (no edge at all). Weighting the
/// model's outline accordingly makes the metric compare only what can be compared; with weights 1 everywhere the
/// septal and basal outline pulls the model towards any strong edge instead (measured on the phantom: the metric
/// then prefers wrong poses in most RAO failures).
/// </summary>
public static class LeftVentricleVisibility
{
    /// <summary>Theta (degrees) where the septal walls end and the free wall begins: anteroseptal + inferoseptal = [0, 120).</summary>
    private const double SeptumEndDeg = 120;

    /// <summary>Width of the cosine ramps between hidden and visible parts, degrees / level fraction.</summary>
    private const double RampDeg = 30;

    private const double BaseHiddenUntil = -1.0;
    private const double BaseVisibleFrom = -0.5;
    private const double ApexVisibleFrom = 0.95;
    private const double ApexRampFrom = 0.70;

    /// <summary>A weight in [0, 1] per vertex of <paramref name="mesh"/> (model coordinates) from its place in the LV frame.</summary>
    public static double[] Weights(TriangleMesh mesh, LvFrame frame)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(frame);
        return [.. mesh.Vertices.Select(v => Weight(frame.Coordinates(v)))];
    }

    public static double Weight((double LevelFraction, double ThetaDeg) position)
    {
        var (s, theta) = position;
        theta = (theta % 360 + 360) % 360;
        // Free wall [150, 330]: visible; ramps to the septum at 120 and to the anterior RV insertion at 360.
        var angular = theta < SeptumEndDeg ? 0
            : theta < SeptumEndDeg + RampDeg ? Ramp((theta - SeptumEndDeg) / RampDeg)
            : theta <= 360 - RampDeg ? 1
            : Ramp((360 - theta) / RampDeg);
        // Towards the apex every direction meets lung or diaphragm.
        var apical = Ramp((s - ApexRampFrom) / (ApexVisibleFrom - ApexRampFrom));
        var level = Ramp((s - BaseHiddenUntil) / (BaseVisibleFrom - BaseHiddenUntil));
        return level * Math.Max(angular, apical);
    }

    /// <summary>0 below 0, 1 above 1, a cosine step between.</summary>
    private static double Ramp(double t) => t <= 0 ? 0 : t >= 1 ? 1 : 0.5 - 0.5 * Math.Cos(Math.PI * t);
}
