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
        var plane = heart.Plane(0);
        var (endoMm, epiMm) = heart.Radii(0, 0, 0);
        var grid = new PixelGrid(heart.PixelMm, heart.PixelMm);
        var centre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        var contours = new SliceContours(Circle(centre, endoMm, grid), Circle(centre, epiMm, grid));
        var slice = (plane, heart.Render(0, 0, new Random(11)), contours, new IntensityModel(heart.Blood, heart.Myocardium));

        var orientation = RvInsertion.Orient([slice], SegmentationParameters.Default, SyntheticHeart.LongAxis);

        var (anterior, inferior) = TrueInsertions(plane);
        Assert.Equal("detected", orientation.Source);
        Assert.True(AngleDeg(orientation.AnteriorDirection, anterior) <= ToleranceDeg, $"anterior insertion off by {AngleDeg(orientation.AnteriorDirection, anterior):0.0} degrees");
        Assert.True(AngleDeg(orientation.InferiorDirection, inferior) <= ToleranceDeg, $"inferior insertion off by {AngleDeg(orientation.InferiorDirection, inferior):0.0} degrees");
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

    private static PolarContour Circle(Vec2 centre, double radiusMm, PixelGrid grid) => new(centre, Enumerable.Repeat(radiusMm, 96).ToArray(), grid);

    private static double AngleDeg(Vec3 a, Vec3 b) => Math.Acos(Math.Clamp(a.Dot(b), -1, 1)) * 180 / Math.PI;
}
