using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// Builds everything outside the heart: body wall, lungs, airways, mediastinal vessels, the abdomen under the
/// diaphragm domes (liver, stomach with its gas bubble, spleen) and the skeleton (see <see cref="SkeletonBuilder"/>).
/// </summary>
public static class ThoraxBuilder
{
    /// <summary>Half-width of the mediastinal column between the lungs at its widest (mid-way between sternum and spine).</summary>
    public const double MediastinumHalfWidthMm = 26;

    public static List<Structure> Build(ThoraxLayout t)
    {
        var list = new List<Structure>();
        const MotionGroup B = MotionGroup.Background;
        double a = t.HalfWidthMm, b = t.HalfDepthMm;
        double ca = a - t.SubcutaneousFatMm - t.ChestWallMuscleMm, cb = b - t.SubcutaneousFatMm - t.ChestWallMuscleMm;
        list.Add(new Solid("body", B, new EllipticCylinder(Vec3.Zero, a, b, -500, 500, 2.0), Tissues.Fat));
        if (t.Female)
        {
            foreach (var side in new[] { -1.0, 1.0 })
            {
                list.Add(new Solid("breast", B, new Ellipsoid(new Vec3(side * a * 0.48, -b + 5, t.TopRibZ - 150), Mat3.Identity, new Vec3(62, 42, 58)), Tissues.Breast));
            }
        }
        list.Add(new Solid("chest wall muscle", B, new EllipticCylinder(Vec3.Zero, a - t.SubcutaneousFatMm, b - t.SubcutaneousFatMm, -500, 500, 2.0), Tissues.Muscle));
        var cavity = new EllipticCylinder(Vec3.Zero, ca, cb, -500, 500, 2.0);
        list.Add(new Solid("thoracic cavity", B, cavity, Tissues.SoftTissue));
        var pleura = new EllipticCylinder(Vec3.Zero, ca - 2, cb - 2, -500, 500, 2.0);
        // The lungs fill the pleural cavity except a mediastinal column (elliptic: it narrows to the anterior and
        // posterior junction lines); the heart, vessels and airways are painted over them, so the lungs wrap the heart.
        var frontY = t.CavityFrontY;
        var mediastinum = new EllipticCylinder(new Vec3(0, (frontY + t.SpineY) / 2, 0), MediastinumHalfWidthMm, (t.SpineY - frontY) / 2 + 8, -500, 500, 2.0);
        list.Add(new Solid("right lung", B, new Difference(new Intersection(new Ellipsoid(new Vec3(-ca * 0.42, cb * 0.05, 40), Mat3.Identity, new Vec3(ca * 0.64, cb * 1.1, 205)), pleura), mediastinum), Tissues.Lung));
        list.Add(new Solid("left lung", B, new Difference(new Intersection(new Ellipsoid(new Vec3(ca * 0.42, cb * 0.07, 35), Mat3.Identity, new Vec3(ca * 0.62, cb * 1.08, 200)), pleura), mediastinum), Tissues.Lung));
        AddAirways(list, t);
        var esophagusY = t.SpineY - 30;
        list.Add(new Solid("esophagus", B, new Tube([new Vec3(-4, esophagusY, 300), new Vec3(0, esophagusY, 0), new Vec3(15, esophagusY - 15, -200)], 7), Tissues.SoftTissue));
        list.Add(new Solid("descending aorta", B, new Tube([new Vec3(12, t.SpineY - 42, 115), new Vec3(20, t.SpineY - 34, 60), new Vec3(18, t.SpineY - 30, -60), new Vec3(8, t.SpineY - 30, -300)], [12, 12, 11.5, 11]), Tissues.LeftHeartBlood));
        AddAbdomen(list, t, ca, cb);
        list.AddRange(SkeletonBuilder.Build(t, ca, cb));
        return list;
    }

    /// <summary>The diaphragm: two domes (the right one higher), lower at the back, as a height field z = h(x, y).</summary>
    public static Func<double, double, double> DiaphragmHeight(ThoraxLayout t, double cavityHalfWidth)
    {
        double xr = -cavityHalfWidth * 0.45, xl = cavityHalfWidth * 0.45;
        return (x, y) =>
        {
            const double Curvature = 2 * 105.0;
            var right = t.RightDomeZ - ((x - xr) * (x - xr) + (y + 5) * (y + 5) * 0.8) / Curvature;
            var left = t.LeftDomeZ - ((x - xl) * (x - xl) + (y + 5) * (y + 5) * 0.8) / Curvature;
            return Math.Max(Math.Max(right, left), -260);
        };
    }

    private static void AddAirways(List<Structure> list, ThoraxLayout t)
    {
        const MotionGroup B = MotionGroup.Background;
        var y = t.SpineY - 48;
        var carina = new Vec3(0, y + 8, 55);
        Vec3[] trachea = [new Vec3(0, y - 6, 320), new Vec3(0, y, 140), carina];
        list.Add(new Solid("tracheal wall", B, new Tube(trachea, 10), Tissues.SoftTissue));
        list.Add(new Solid("trachea", B, new Tube(trachea, 8), Tissues.Air));
        foreach (var side in new[] { -1.0, 1.0 })
        {
            Vec3[] bronchus = [carina, new Vec3(side * 28, y + 14, 38), new Vec3(side * 52, y + 22, 22)];
            list.Add(new Solid("bronchial wall", B, new Tube(bronchus, [7.5, 6.5, 5]), Tissues.SoftTissue));
            list.Add(new Solid("main bronchus", B, new Tube(bronchus, [6, 5, 3.5]), Tissues.Air));
        }
    }

    private static void AddAbdomen(List<Structure> list, ThoraxLayout t, double ca, double cb)
    {
        const MotionGroup D = MotionGroup.Diaphragm;
        var h = DiaphragmHeight(t, ca);
        var box = new Aabb(new Vec3(-ca - 5, -cb - 5, -520), new Vec3(ca + 5, cb + 5, Math.Max(t.RightDomeZ, t.LeftDomeZ) + 5));
        list.Add(new Solid("abdomen and diaphragm", D, new HeightFieldBelow(h, box), Tissues.SoftTissue));
        var underDiaphragm = new HeightFieldBelow((x, y) => h(x, y) - 5, box);
        list.Add(new Solid("liver", D, new Intersection(new Ellipsoid(new Vec3(-ca * 0.3, 0, t.RightDomeZ - 85), Mat3.FromEulerDeg(0, 0, -15), new Vec3(ca * 0.8, cb * 0.85, 100)), underDiaphragm), Tissues.Liver));
        list.Add(new Solid("spleen", D, new Intersection(new Ellipsoid(new Vec3(ca * 0.62, cb * 0.5, t.LeftDomeZ - 55), Mat3.FromEulerDeg(0, 0, 30), new Vec3(30, 55, 50)), underDiaphragm), Tissues.Spleen));
        var stomachCentre = new Vec3(ca * 0.42, -cb * 0.15, t.LeftDomeZ - 55);
        list.Add(new Solid("stomach", D, new Intersection(new Ellipsoid(stomachCentre, Mat3.Identity, new Vec3(50, 45, 55)), underDiaphragm), Tissues.SoftTissue));
        list.Add(new Solid("gastric gas bubble", D, new Intersection(new Ellipsoid(stomachCentre + new Vec3(0, 5, 32), Mat3.Identity, new Vec3(38, 30, 16)), new HeightFieldBelow((x, y) => h(x, y) - 9, box)), Tissues.Air));
    }
}
