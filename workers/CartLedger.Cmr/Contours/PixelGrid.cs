using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Contours;

/// <summary>
/// The in-plane pixel pitch of an image, mm (x between columns, y between rows). Contours are stored in
/// pixels on the image's own grid and measured in mm through this, so anisotropic pixels stay correct.
/// </summary>
public readonly record struct PixelGrid(double XSpacingMm, double YSpacingMm)
{
    public static PixelGrid Of(SlicePlane plane) => new(plane.XSpacingMm, plane.YSpacingMm);

    /// <summary>A 1 mm grid, for images without geometry (e.g. research PNGs).</summary>
    public static readonly PixelGrid Unit = new(1, 1);

    public double PixelAreaMm2 => XSpacingMm * YSpacingMm;

    /// <summary>The pixel offset of a vector of length <paramref name="radiusMm"/> at <paramref name="angleRad"/> (0 = +x, towards +y).</summary>
    public Vec2 Offset(double radiusMm, double angleRad) => new(radiusMm * Math.Cos(angleRad) / XSpacingMm, radiusMm * Math.Sin(angleRad) / YSpacingMm);

    /// <summary>Length in mm of a pixel-space vector.</summary>
    public double LengthMm(Vec2 d) => Math.Sqrt(d.X * XSpacingMm * d.X * XSpacingMm + d.Y * YSpacingMm * d.Y * YSpacingMm);

    /// <summary>Angle (radians, -pi..pi) of a pixel-space vector measured in mm space.</summary>
    public double AngleOf(Vec2 d) => Math.Atan2(d.Y * YSpacingMm, d.X * XSpacingMm);
}
