using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// A rectangle of detector pixels rendered at a coarser grid: output pixel (x', y') is the centre of the
/// <see cref="Binning"/> x <see cref="Binning"/> block starting at detector pixel (X0 + x' Binning, Y0 + y' Binning).
/// </summary>
/// <param name="X0">First detector column of the region.</param>
/// <param name="Y0">First detector row of the region.</param>
/// <param name="Width">Region width in detector pixels (a multiple of <paramref name="Binning"/>).</param>
/// <param name="Height">Region height in detector pixels (a multiple of <paramref name="Binning"/>).</param>
/// <param name="Binning">Detector pixels per output pixel along each axis (1 = full resolution).</param>
public sealed record DetectorRegion(int X0, int Y0, int Width, int Height, int Binning = 1)
{
    public int OutputWidth => Width / Binning;
    public int OutputHeight => Height / Binning;

    /// <summary>The whole detector of a view, binned.</summary>
    public static DetectorRegion Full(CArmGeometry view, int binning = 1) => new(0, 0, view.Columns, view.Rows, binning);

    /// <summary>
    /// A square region of <paramref name="sizeAtIsocentreMm"/> at the isocentre (seed 3 uses 300 mm for the fixed image and
    /// 120 mm for the model), centred on <paramref name="centreLps"/>'s projection, rendered at <paramref name="outputPixels"/>^2.
    /// The region may extend past the detector edge: rays are defined everywhere.
    /// </summary>
    public static DetectorRegion AroundPoint(CArmGeometry view, Vec3 centreLps, double sizeAtIsocentreMm, int outputPixels)
    {
        var centre = view.ToProjectionMatrix().Project(centreLps);
        var detectorPixels = sizeAtIsocentreMm * view.MagnificationAtIsocenter / view.DetectorPixelSpacingXMm;
        var binning = Math.Max(1, (int)Math.Round(detectorPixels / outputPixels));
        var size = binning * outputPixels;
        return new DetectorRegion((int)Math.Round(centre.X - size / 2.0), (int)Math.Round(centre.Y - size / 2.0), size, size, binning);
    }

    /// <summary>
    /// The projection matrix of the output grid: output (x', y') = ((x - X0 - (b-1)/2) / b, (y - Y0 - (b-1)/2) / b) for detector (x, y).
    /// </summary>
    public ProjectionMatrix Apply(ProjectionMatrix detector)
    {
        if (Width <= 0 || Height <= 0 || Binning <= 0 || Width % Binning != 0 || Height % Binning != 0)
        {
            throw new ArgumentException($"Region {Width}x{Height} must be positive and a multiple of the binning {Binning}.");
        }
        double b = Binning, ox = X0 + (b - 1) / 2, oy = Y0 + (b - 1) / 2;
        var v = new double[12];
        for (var c = 0; c < 4; c++)
        {
            v[c] = (detector[0, c] - ox * detector[2, c]) / b;
            v[4 + c] = (detector[1, c] - oy * detector[2, c]) / b;
            v[8 + c] = detector[2, c];
        }
        return new ProjectionMatrix(v);
    }
}
