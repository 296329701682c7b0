using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// Plans a short-axis stack as a technologist would: planes perpendicular to the LV long axis give or take a few
/// degrees, anterior roughly up and the RV on the image left give or take an in-plane rotation, 8 mm slices with a
/// 0-2 mm gap from just above the mitral plane to past the apex (10-14 slices), about 1.8 mm pixels.
/// </summary>
public sealed record ShortAxisPlanning(IReadOnlyList<SlicePlane> Planes, int Columns, int Rows, double SliceThicknessMm, double SpacingMm)
{
    public static ShortAxisPlanning Plan(HeartModel heart, SeededRandom r, double pixelMm)
    {
        var frame = heart.Frame;
        var lv = heart.Lv;
        var tilt = Mat3.RotationAboutAxis(frame.Direction(r.Uniform(0, 360)), r.Uniform(0, 4));
        var normal = (tilt * frame.Ez).Normalized();
        var anterior = new Vec3(0, -1, 0);
        var up = (anterior - normal * anterior.Dot(normal)).Normalized();
        var right = normal.Cross(up).Normalized();
        var roll = Mat3.RotationAboutAxis(normal, r.Uniform(-20, 20));
        var xAxis = (roll * right).Normalized();
        var yAxis = (roll * -up).Normalized();
        const double Thickness = 8.0;
        var spacing = Thickness + (r.Chance(0.5) ? 0 : 2);
        var span = lv.BasePlaneZMm + lv.EpiAxialMm;
        var count = Math.Clamp((int)Math.Ceiling((span + 1.0 * spacing) / spacing), 10, 14);
        const int Columns = 200, Rows = 176;
        var centre = heart.Frame.ToPatient(new Vec3(r.Uniform(-10, 10), r.Uniform(-10, 10), 0));
        var planes = new List<SlicePlane>();
        var firstZ = lv.BasePlaneZMm + 0.6 * spacing;
        for (var k = 0; k < count; k++)
        {
            var onAxis = frame.ToPatient(new Vec3(0, 0, firstZ - k * spacing));
            var sliceCentre = onAxis + (centre - frame.Origin) - normal * (centre - frame.Origin).Dot(normal);
            var origin = sliceCentre - xAxis * ((Columns - 1) / 2.0 * pixelMm) - yAxis * ((Rows - 1) / 2.0 * pixelMm);
            planes.Add(new SlicePlane(origin, xAxis, yAxis, pixelMm, pixelMm));
        }
        return new ShortAxisPlanning(planes, Columns, Rows, Thickness, spacing);
    }
}
