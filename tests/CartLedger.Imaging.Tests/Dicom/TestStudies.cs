using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Tests.Dicom;

/// <summary>Deterministic studies, series and images for DICOM tests.</summary>
internal static class TestStudies
{
    public static readonly DateTime AcquiredAt = new(2024, 3, 14, 9, 26, 53);

    public static DicomStudy Study(string seed = "test") => new(
        new DicomPatient("CRT-TEST-01", "Pseudonym^Test", "F", new DateOnly(1950, 1, 1)),
        DicomUid.FromParts(seed, "study"),
        StudyId: "S1",
        AccessionNumber: "A1",
        Description: "CRT planning",
        DateTime: AcquiredAt);

    public static DicomSeries Series(string seed, int number, string description = "cine SAX") => new(
        Study(seed), DicomUid.FromParts(seed, "series", description), DicomUid.FromParts(seed, "frame of reference"), number, description, AcquiredAt);

    /// <summary>An oblique short-axis-like plane: not aligned with any patient axis, so sign and axis mix-ups show.</summary>
    public static SlicePlane ObliquePlane(Vec3 origin, double spacingX = 1.4, double spacingY = 1.3)
    {
        var x = new Vec3(0.8, 0.5, -0.33).Normalized();
        var y = new Vec3(-0.2, 0.7, 0.6);
        y = (y - x * x.Dot(y)).Normalized();
        return new SlicePlane(origin, x, y, spacingX, spacingY);
    }

    /// <summary>A smooth non-integral pattern: distinct at every pixel, so transposes and flips show.</summary>
    public static Image2D Pattern(int width, int height, double scale = 1.0, double offset = 0.0)
    {
        var image = new Image2D(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = (float)(offset + scale * (10.25 * x + 0.5 * y * y + 3.3 * Math.Sin(0.7 * x + 0.3 * y)));
            }
        }
        return image;
    }

    /// <summary>Integral HU values from -1024 up, as a CT slice holds.</summary>
    public static Image2D HounsfieldPattern(int width, int height, int slice = 0)
    {
        var image = new Image2D(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = -1024 + 37 * x + 11 * y + 5 * slice;
            }
        }
        return image;
    }
}
