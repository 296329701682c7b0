namespace CartLedger.Imaging.Geometry;

/// <summary>
/// Where a 2D image lies in patient LPS (DICOM PS3.3 C.7.6.2.1.1). Pixel (x, y) means column x, row y,
/// both 0-based at pixel centres.
/// </summary>
/// <param name="Origin">ImagePositionPatient: the centre of pixel (0, 0), mm.</param>
/// <param name="XAxis">ImageOrientationPatient[0..2]: the unit direction in which the column index x grows.</param>
/// <param name="YAxis">ImageOrientationPatient[3..5]: the unit direction in which the row index y grows.</param>
/// <param name="XSpacingMm">Distance between adjacent columns: PixelSpacing[1].</param>
/// <param name="YSpacingMm">Distance between adjacent rows: PixelSpacing[0].</param>
public sealed record SlicePlane(Vec3 Origin, Vec3 XAxis, Vec3 YAxis, double XSpacingMm, double YSpacingMm)
{
    /// <summary>The slice normal XAxis x YAxis; slices of a stack are ordered by <see cref="PositionAlongNormal"/>.</summary>
    public Vec3 Normal => XAxis.Cross(YAxis).Normalized();

    public Vec3 ToPatient(double x, double y) => Origin + XAxis * (x * XSpacingMm) + YAxis * (y * YSpacingMm);

    public Vec3 ToPatient(Vec2 pixel) => ToPatient(pixel.X, pixel.Y);

    /// <summary>The in-plane pixel coordinates of the orthogonal projection of a patient point onto this plane.</summary>
    public Vec2 ToPixel(Vec3 p)
    {
        var d = p - Origin;
        return new Vec2(d.Dot(XAxis) / XSpacingMm, d.Dot(YAxis) / YSpacingMm);
    }

    /// <summary>Signed distance of a point from this plane along <see cref="Normal"/>, mm.</summary>
    public double DistanceAlongNormal(Vec3 p) => (p - Origin).Dot(Normal);

    /// <summary>The position of this plane's origin along its own normal: the sort key of a slice stack.</summary>
    public double PositionAlongNormal => Origin.Dot(Normal);

    /// <summary>True when both planes share orientation within <paramref name="toleranceDeg"/> degrees.</summary>
    public bool IsParallelTo(SlicePlane other, double toleranceDeg = 1.0)
    {
        var cos = Math.Cos(toleranceDeg * Math.PI / 180.0);
        return XAxis.Dot(other.XAxis) >= cos && YAxis.Dot(other.YAxis) >= cos;
    }

    /// <summary>The same plane shifted along its normal by <paramref name="offsetMm"/>.</summary>
    public SlicePlane Shifted(double offsetMm) => this with { Origin = Origin + Normal * offsetMm };
}
