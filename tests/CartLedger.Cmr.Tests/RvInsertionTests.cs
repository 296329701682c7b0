using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class RvInsertionTests
{
    private const double ToleranceDeg = 4;

    [Theory]
    [InlineData(0.0)]
    [InlineData(7.0)]
    public void The_insertions_are_the_RV_cavity_tips_even_with_bright_groove_fat_past_them(double grooveFatMm)
    {
        // Groove fat as bright as blood on the LV right past each insertion, touching the cavity's tips: 1.4.0 counted it
        // as RV (its arc ran on into the fat, both ends ~15-25 degrees too far from the septum).
        var heart = new SyntheticHeart { SliceCount = 1, PhaseCount = 1, GrooveFatMm = grooveFatMm };
        var (plane, _, contours, intensities) = TrueRing(heart);
        var slice = (plane, heart.Render(0, 0, new Random(11)), contours, intensities);

        var orientation = RvInsertion.Orient([slice], SegmentationParameters.Default, SyntheticHeart.LongAxis);

        var (anterior, inferior) = TrueInsertions(plane);
        Assert.Equal("detected", orientation.Source);
        Assert.True(AngleDeg(orientation.AnteriorDirection, anterior) <= ToleranceDeg, $"anterior insertion off by {AngleDeg(orientation.AnteriorDirection, anterior):0.0} degrees");
        Assert.True(AngleDeg(orientation.InferiorDirection, inferior) <= ToleranceDeg, $"inferior insertion off by {AngleDeg(orientation.InferiorDirection, inferior):0.0} degrees");
    }

    [Fact]
    public void One_stray_slice_does_not_turn_the_study_orientation()
    {
        // Two slices show the crescent where it is; a third (as beyond the apex, where a bright streak passes for an RV)
        // shows it turned by 40 degrees. A mean over the three would be ~13 degrees off; the weighted median is not.
        var heart = new SyntheticHeart { SliceCount = 1, PhaseCount = 1, GrooveFatMm = 7 };
        var (plane, centre, contours, intensities) = TrueRing(heart);
        var stray = Rotated(heart.Render(0, 0, new Random(13)), centre, 40);
        var slices = new[] { heart.Render(0, 0, new Random(11)), heart.Render(0, 0, new Random(12)), stray }
            .Select(image => (plane, image, contours, intensities)).ToList();

        var orientation = RvInsertion.Orient(slices, SegmentationParameters.Default, SyntheticHeart.LongAxis);

        var (anterior, _) = TrueInsertions(plane);
        Assert.True(AngleDeg(orientation.AnteriorDirection, anterior) <= ToleranceDeg, $"anterior insertion off by {AngleDeg(orientation.AnteriorDirection, anterior):0.0} degrees");
    }

    /// <summary>The image turned by <paramref name="degrees"/> about <paramref name="centre"/> (bilinear).</summary>
    private static Image2D Rotated(Image2D image, Vec2 centre, double degrees)
    {
        var t = degrees * Math.PI / 180;
        var rotated = new Image2D(image.Width, image.Height);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                double dx = x - centre.X, dy = y - centre.Y;
                rotated[x, y] = image.Sample(centre.X + dx * Math.Cos(t) + dy * Math.Sin(t), centre.Y - dx * Math.Sin(t) + dy * Math.Cos(t), 150);
            }
        }
        return rotated;
    }

    /// <summary>The analytic insertion directions: the crescent meets the epicardium this far either side of the septum.</summary>
    private static (Vec3 Anterior, Vec3 Inferior) TrueInsertions(SlicePlane plane)
    {
        var septum = Anatomy.InPlaneAngle(plane, Anatomy.LvToSeptum);
        var half = SyntheticHeart.RvInsertionFromSeptumDeg * Math.PI / 180;
        var plus = Anatomy.Direction(plane, septum + half);
        var minus = Anatomy.Direction(plane, septum - half);
        return plus.Dot(Anatomy.Anterior) > minus.Dot(Anatomy.Anterior) ? (plus, minus) : (minus, plus);
    }

    /// <summary>Slice 0's plane, image centre, true (circular) contours and intensities: the detector's inputs without segmentation.</summary>
    private static (SlicePlane Plane, Vec2 Centre, SliceContours Contours, IntensityModel Intensities) TrueRing(SyntheticHeart heart)
    {
        var (endoMm, epiMm) = heart.Radii(0, 0, 0);
        var grid = new PixelGrid(heart.PixelMm, heart.PixelMm);
        var centre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        return (heart.Plane(0), centre, new SliceContours(Circle(centre, endoMm, grid), Circle(centre, epiMm, grid)), new IntensityModel(heart.Blood, heart.Myocardium));
    }

    private static PolarContour Circle(Vec2 centre, double radiusMm, PixelGrid grid) => new(centre, Enumerable.Repeat(radiusMm, 96).ToArray(), grid);

    private static double AngleDeg(Vec3 a, Vec3 b) => Math.Acos(Math.Clamp(a.Dot(b), -1, 1)) * 180 / Math.PI;
}
