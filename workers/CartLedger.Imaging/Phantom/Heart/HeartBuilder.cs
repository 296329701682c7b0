using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// Builds a patient's heart: sizes from <see cref="HeartParameters"/>, orientation of the long axis, position in
/// the thorax (RV a few mm behind the chest wall, inferior wall resting on the left hemidiaphragm), scar,
/// activation and contraction calibrated to the drawn ejection fraction, atria, great vessels, veins and nerve.
/// </summary>
public static class HeartBuilder
{
    public sealed record Request(int Seed, ThoraxLayout Thorax, IReadOnlyList<ScarSpec> Scar, ActivationPattern Activation, int? LateSegment36);

    public static HeartModel Build(Request request, Func<HeartModel, double?> leadThetaDeg)
    {
        var p = HeartParameters.Draw(request.Seed);
        var r = new SeededRandom(request.Seed, "heart shape");
        var beta = p.BaseAboveEquatorFraction;
        var factor = beta + 1 - (beta * beta * beta + 1) / 3;
        var c = Math.Cbrt(p.EdvMl * 1000 / (Math.PI * p.SphericityRatio * p.SphericityRatio * factor));
        (double, int, double)[] harmonics = [(r.Uniform(0.015, 0.04), 2, r.Uniform(0, 6.28)), (r.Uniform(0.01, 0.025), 3, r.Uniform(0, 6.28)), (r.Uniform(0.0, 0.015), 4, r.Uniform(0, 6.28))];
        var plain = new LvGeometry(p.SphericityRatio * c, c, beta * c, p.WallMm, p.WallMm * p.ApexWallFraction, harmonics, RegionalGrid.From((_, _) => 1));
        var scarRandom = new SeededRandom(request.Seed, "scar");
        var scar = ScarModel.FromSpecs(request.Scar, plain, new SmoothNoise(scarRandom), new SmoothNoise(scarRandom, 8, 6, 4));
        // Chronic transmural infarcts thin the wall (to ~60 % where fully transmural).
        var lv = new LvGeometry(plain.EndoRadialMm, plain.EndoAxialMm, plain.BasePlaneZMm, plain.WallMm, plain.ApexWallMm, harmonics,
            scar.OuterEdge.Map((outer, s, theta) => 1 - 0.4 * Math.Clamp(outer - scar.InnerEdge[s, theta], 0, 1)));
        var rv = new RightVentricle(p.RvWidthDeg, p.RvDepthMm, p.RvApexLevel, r.Uniform(3, 4.5), r.Uniform(4, 10));

        var activationRandom = new SeededRandom(request.Seed, "activation");
        var sites = ActivationFieldBuilder.Draw(request.Activation, activationRandom, request.LateSegment36);
        var delay = ActivationFieldBuilder.Build(sites, lv, new SmoothNoise(activationRandom));
        var contraction = CalibrateContraction(p, delay, scar, new SmoothNoise(activationRandom), request.Activation, activationRandom);

        var frame = Place(request.Thorax, p, lv, rv, r);
        var attached = GreatVesselBuilder.Build(frame, lv, rv, request.Thorax, r);
        var partial = new HeartModel
        {
            Parameters = p,
            Frame = frame,
            Lv = lv,
            Rv = rv,
            Contraction = contraction,
            Scar = scar,
            ActivationSites = sites,
            BaseAttached = attached,
            Veins = [],
            PhrenicNerve = PhrenicNerve(frame, lv, p, r),
            PapillaryMusclesLocal = PapillaryMuscles(lv, r),
        };
        var veins = CoronaryVeinBuilder.Build(frame, lv, rv, new SeededRandom(request.Seed, "veins"), leadThetaDeg(partial));
        var bounds = attached.Select(a => a.Shape.Bounds).Concat(veins.Select(v => v.Tube.Bounds))
            .Aggregate(Aabb.Around(frame.ToPatient(new Vec3(0, 0, (lv.BasePlaneZMm - lv.EpiAxialMm) / 2)), lv.EpiAxialMm + lv.BasePlaneZMm + 30), (a, b) => a.Union(b));
        return new HeartModel
        {
            Parameters = p,
            Frame = frame,
            Lv = lv,
            Rv = rv,
            Contraction = contraction,
            Scar = scar,
            ActivationSites = sites,
            BaseAttached = attached,
            Veins = veins,
            PhrenicNerve = partial.PhrenicNerve,
            PapillaryMusclesLocal = partial.PapillaryMusclesLocal,
            Bounds = bounds.Grown(20),
        };
    }

    /// <summary>Scales the active shortening so that the cavity volume at its smallest gives the drawn ejection fraction.</summary>
    private static ContractionModel CalibrateContraction(HeartParameters p, RegionalGrid delay, ScarModel scar, SmoothNoise regional, ActivationPattern pattern, SeededRandom r)
    {
        var rise = r.Uniform(260, 320) * Math.Sqrt(p.RrMs / 850);
        var decay = r.Uniform(140, 190);
        var coupling = pattern == ActivationPattern.Normal ? 0.2 : r.Uniform(0.45, 0.7);
        const double LongitudinalRatio = 0.75;
        ContractionModel Model(double amplitude) => new(delay,
            RegionalGrid.From((s, t) => amplitude * (1 + 0.15 * regional[s, t]) * (1 - 0.9 * Math.Clamp(scar.OuterEdge[s, t] - scar.InnerEdge[s, t], 0, 1))),
            p.RrMs, rise, decay, r.Uniform(15, 35), coupling, LongitudinalRatio, r.Uniform(2, 6), -r.Uniform(0.5, 2.5), r.Uniform(0.25, 0.4),
            pattern == ActivationPattern.Lbbb ? 0 : 15);
        var probe = Model(0.1);
        var meanAt01 = Enumerable.Range(0, 100).Select(i => probe.MeanActive(i * p.RrMs / 100)).Min();
        // (1 + e)^2 (1 + 0.75 e) = 1 - EF, e = mean strain; solve for e by bisection, then scale the amplitude linearly.
        double lo = -0.6, hi = 0;
        for (var k = 0; k < 60; k++)
        {
            var mid = (lo + hi) / 2;
            var ratio = (1 + mid) * (1 + mid) * (1 + LongitudinalRatio * mid);
            (lo, hi) = ratio > 1 - p.EjectionFraction ? (lo, mid) : (mid, hi);
        }
        return Model(0.1 * lo / meanAt01);
    }

    private static HeartFrame Place(ThoraxLayout t, HeartParameters p, LvGeometry lv, RightVentricle rv, SeededRandom r)
    {
        double az = p.AxisAzimuthDeg * Math.PI / 180, el = p.AxisElevationDeg * Math.PI / 180;
        var apexDirection = new Vec3(Math.Sin(az) * Math.Cos(el), -Math.Cos(az) * Math.Cos(el), -Math.Sin(el));
        var ez = -apexDirection;
        var septalHint = Mat3.RotationAboutAxis(ez, p.SeptalRollDeg) * new Vec3(-1, -0.25, 0);
        var frame = HeartFrame.FromSeptum(new Vec3(r.Uniform(25, 45), 0, 0), ez, septalHint);
        var diaphragm = ThoraxBuilder.DiaphragmHeight(t, t.HalfWidthMm - t.SubcutaneousFatMm - t.ChestWallMuscleMm);
        var frontGap = r.Uniform(4, 14);
        var restGap = r.Uniform(-6, 4);
        for (var iteration = 0; iteration < 4; iteration++)
        {
            var surface = OuterSurface(frame, lv, rv).ToList();
            var front = surface.MinBy(q => q.Y);
            var lowest = surface.MinBy(q => q.Z);
            var shift = new Vec3(0, t.CavityFrontY + frontGap - front.Y, diaphragm(lowest.X, lowest.Y) + restGap - lowest.Z);
            frame = frame with { Origin = frame.Origin + shift };
        }
        return frame;
    }

    /// <summary>Samples of the outer surface of both ventricles at end-diastole.</summary>
    private static IEnumerable<Vec3> OuterSurface(HeartFrame frame, LvGeometry lv, RightVentricle rv)
    {
        for (var s = -0.05; s <= 1.1; s += 0.05)
        {
            var z = lv.HeightAt(s);
            for (var theta = 0.0; theta < 360; theta += 10)
            {
                var epi = lv.EpiRadius(z, theta);
                yield return frame.FromCylindrical(epi + rv.WallDepth(s, theta, rv.Depth(s, theta), epi), theta, z);
            }
        }
    }

    private static IReadOnlyList<Ellipsoid> PapillaryMuscles(LvGeometry lv, SeededRandom r)
    {
        var list = new List<Ellipsoid>();
        foreach (var theta in new[] { r.Uniform(245, 275), r.Uniform(165, 195) })
        {
            var s = r.Uniform(0.5, 0.6);
            var z = lv.HeightAt(s);
            var rho = lv.EndoRadius(z, theta) - r.Uniform(5, 7);
            var t = theta * Math.PI / 180;
            var axes = Mat3.FromColumns(new Vec3(Math.Cos(t), Math.Sin(t), 0), new Vec3(-Math.Sin(t), Math.Cos(t), 0), Vec3.UnitZ);
            list.Add(new Ellipsoid(new Vec3(rho * Math.Cos(t), rho * Math.Sin(t), z), axes, new Vec3(r.Uniform(5, 7), r.Uniform(5, 7), 0.22 * lv.CavityLengthMm)));
        }
        return list;
    }

    /// <summary>The left phrenic nerve descends on the lateral pericardium over the LV to the diaphragm.</summary>
    private static NamedTube PhrenicNerve(HeartFrame frame, LvGeometry lv, HeartParameters p, SeededRandom r)
    {
        var theta0 = r.Uniform(230, 300);
        var drift = r.Uniform(-15, 15);
        var nodes = new List<Vec3>();
        for (var i = 0; i <= 24; i++)
        {
            var s = -0.45 + 1.65 * i / 24.0;
            var z = lv.HeightAt(s);
            var theta = theta0 + drift * (s + 0.45) / 1.65 + 4 * Math.Sin(3 * s);
            var radius = z > -lv.EpiAxialMm ? lv.EpiRadius(z, theta) : 0;
            nodes.Add(frame.FromCylindrical(Math.Max(radius, 10) + p.FatBaseMm + 2.5, theta, z));
        }
        return new NamedTube("left phrenic nerve", new Tube(nodes, 1.3), theta0);
    }
}
