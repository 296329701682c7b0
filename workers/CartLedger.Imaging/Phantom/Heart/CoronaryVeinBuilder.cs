using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The coronary sinus in the posterior atrioventricular groove (ostium into the RA near the inferior RV insertion,
/// great cardiac vein continuing round the lateral wall to the anterior interventricular vein), and its branches
/// running towards the apex on the epicardium: middle cardiac, posterolateral and lateral marginal veins. When a lead
/// target is requested, one branch is laid through it (a lead can only go where a vein goes).
/// </summary>
public static class CoronaryVeinBuilder
{
    public static List<NamedTube> Build(HeartFrame frame, LvGeometry lv, RightVentricle rv, SeededRandom random, double? leadThetaDeg)
    {
        var veins = new List<NamedTube>();
        var grooveZ = lv.BasePlaneZMm - 4;
        var cs = new List<Vec3>();
        var csRadii = new List<double>();
        // From the ostium (inside the RA side of the inferior insertion) round the lateral wall to the anterior groove.
        for (var theta = rv.WidthDeg - 5; theta <= 355; theta += 12)
        {
            var along = (theta - rv.WidthDeg) / (355 - rv.WidthDeg);
            var radius = 5.0 - 3.0 * along;
            cs.Add(OnEpicardium(frame, lv, theta, grooveZ + 2 * Math.Sin(theta / 40), radius));
            csRadii.Add(radius);
        }
        var ostium = frame.FromCylindrical(lv.EpiRadius(grooveZ, rv.WidthDeg - 20) + 8, rv.WidthDeg - 20, grooveZ + 4);
        cs.Insert(0, ostium);
        csRadii.Insert(0, 5.5);
        veins.Add(new NamedTube("coronary sinus and great cardiac vein", new Tube(cs, csRadii), rv.WidthDeg));
        veins.Add(Branch("anterior interventricular vein", frame, lv, 355 + random.Uniform(-4, 4), 0.0, 0.92, 1.8, 1.0, random));
        veins.Add(Branch("middle cardiac vein", frame, lv, rv.WidthDeg + random.Uniform(-6, 6), 0.0, 0.9, 2.6, 1.2, random));
        var posterolateral = random.Uniform(195, 225);
        var lateral = random.Uniform(240, 285);
        if (leadThetaDeg is { } target)
        {
            var t = Segments.SegmentLabels.Wrap(target);
            if (Math.Abs(t - posterolateral) <= Math.Abs(t - lateral) && t is > 150 and < 235)
            {
                posterolateral = t;
            }
            else if (t is >= 235 and < 330)
            {
                lateral = t;
            }
            else
            {
                veins.Add(Branch("target vein", frame, lv, t, 0.0, 0.85, 2.0, 1.1, random));
            }
        }
        veins.Add(Branch("posterolateral vein", frame, lv, posterolateral, 0.0, random.Uniform(0.75, 0.9), 2.2, 1.1, random));
        veins.Add(Branch("lateral marginal vein", frame, lv, lateral, 0.0, random.Uniform(0.7, 0.88), 2.0, 1.0, random));
        return veins;
    }

    /// <summary>A vein from level s0 to s1 at about angle theta, gently tortuous, tapering from r0 to r1.</summary>
    private static NamedTube Branch(string name, HeartFrame frame, LvGeometry lv, double thetaDeg, double s0, double s1, double r0, double r1, SeededRandom random)
    {
        var nodes = new List<Vec3>();
        var radii = new List<double>();
        var wiggle = random.Uniform(3, 7);
        var phase = random.Uniform(0, 2 * Math.PI);
        const int Steps = 14;
        for (var i = 0; i <= Steps; i++)
        {
            var s = s0 + (s1 - s0) * i / Steps;
            var radius = r0 + (r1 - r0) * i / Steps;
            // Near the groove the branch starts at the sinus; further down it wanders a few degrees either side.
            var theta = thetaDeg + wiggle * Math.Sin(phase + 5 * s) * Math.Min(1, s * 4);
            nodes.Add(OnEpicardium(frame, lv, theta, lv.HeightAt(s) - 4, radius));
            radii.Add(radius);
        }
        return new NamedTube(name, new Tube(nodes, radii), thetaDeg);
    }

    /// <summary>A vein centre just outside the epicardium (the vein bulges into the fat).</summary>
    public static Vec3 OnEpicardium(HeartFrame frame, LvGeometry lv, double thetaDeg, double z, double veinRadiusMm) =>
        frame.FromCylindrical(lv.EpiRadius(z, thetaDeg) + 0.7 * veinRadiusMm, thetaDeg, z);
}
