using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>Left and right atria, aorta (root, ascending, arch), pulmonary trunk and arteries, venae cavae.</summary>
public static class GreatVesselBuilder
{
    public static IReadOnlyList<Solid> Build(HeartFrame frame, LvGeometry lv, RightVentricle rv, ThoraxLayout t, SeededRandom r)
    {
        const MotionGroup H = MotionGroup.Heart;
        var baseCentre = frame.ToPatient(new Vec3(0, 0, lv.BasePlaneZMm));
        var ez = frame.Ez;
        var posterior = (Vec3.UnitY - ez * ez.Y).Normalized();
        var across = ez.Cross(posterior);
        var laScale = r.Uniform(1.0, 1.25);
        var la = new Ellipsoid(baseCentre + ez * 20 + posterior * 14, Mat3.FromColumns(across, posterior, ez), new Vec3(27, 22, 26) * laScale);
        var outer = lv.EndoRadialMm + lv.WallMm;
        var raCentre = baseCentre + frame.Direction(80) * (outer + 22) + ez * 14 + posterior * 6;
        var ra = new Ellipsoid(raCentre, Mat3.FromColumns(across, posterior, ez), new Vec3(24, 22, 28) * r.Uniform(0.95, 1.2));

        var root = frame.FromCylindrical(0.35 * lv.EndoRadialMm, 20, lv.BasePlaneZMm - 2);
        var sinus = frame.FromCylindrical(0.4 * lv.EndoRadialMm, 15, lv.BasePlaneZMm + 16);
        var ascending = sinus + new Vec3(-10, -8, 42);
        var descendingStart = new Vec3(12, t.SpineY - 42, 115);
        var archTop = new Vec3((ascending.X + descendingStart.X) / 2 - 4, (ascending.Y + descendingStart.Y) / 2, Math.Max(ascending.Z + 28, 128));
        var aortaRadius = r.Uniform(13, 16);
        var aorta = new Tube([root, sinus, ascending, archTop, descendingStart], [aortaRadius - 1, aortaRadius + 1, aortaRadius, aortaRadius - 2, 12]);

        var rvot = frame.FromCylindrical(outer + rv.MaxDepthMm * 0.6, 345, lv.BasePlaneZMm + 4);
        var valve = rvot + ez * 22 + new Vec3(4, 0, 8);
        var bifurcation = new Vec3(Math.Max(valve.X, 4) + 4, t.SpineY - 62, Math.Max(valve.Z + 30, sinus.Z + 38));
        var paRadius = r.Uniform(12, 15);
        var trunk = new Tube([rvot, valve, bifurcation], [paRadius - 1, paRadius, paRadius]);
        var leftPa = new Tube([bifurcation, bifurcation + new Vec3(30, 12, 4), bifurcation + new Vec3(55, 22, -6)], [paRadius - 2, 10, 8]);
        var rightPa = new Tube([bifurcation, bifurcation + new Vec3(-30, 8, -2), bifurcation + new Vec3(-62, 14, -8)], [paRadius - 2, 10, 8]);

        var svc = new Tube([raCentre + ez * 16, raCentre + new Vec3(-4, -2, 70), raCentre + new Vec3(-6, 0, 170)], 10);
        var ivc = new Tube([raCentre - ez * 10, raCentre + new Vec3(2, 10, -60), new Vec3(-20, t.SpineY - 26, -300)], 12);
        return
        [
            new Solid("left atrium", H, la, Tissues.LeftHeartBlood),
            new Solid("right atrium", H, ra, Tissues.RightHeartBlood),
            new Solid("superior vena cava", H, svc, Tissues.RightHeartBlood),
            new Solid("inferior vena cava", H, ivc, Tissues.RightHeartBlood),
            new Solid("pulmonary trunk", H, trunk, Tissues.RightHeartBlood),
            new Solid("left pulmonary artery", H, leftPa, Tissues.RightHeartBlood),
            new Solid("right pulmonary artery", H, rightPa, Tissues.RightHeartBlood),
            new Solid("aorta", H, aorta, Tissues.LeftHeartBlood),
        ];
    }
}
