using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// The implanted leads at end-diastole in patient LPS: a quadripolar LV lead from the SVC through the RA and
/// coronary sinus into the vein nearest the chosen segment (tip electrode at the vein point closest to the segment's
/// centre on the epicardium; rings 20, 50 and 67 mm back, as on common quadripolar CRT leads), and an RV defibrillator
/// lead to the RV apex with its shock coil.
/// </summary>
public sealed record LeadModel(Tube LvLeadBody, IReadOnlyList<Vec3> Electrodes, Tube RvLeadBody, Tube RvShockCoil, string VeinName)
{
    public static readonly double[] ElectrodeDistancesFromTipMm = [0, 20, 50, 67];
    public const double ElectrodeLengthMm = 3.0;
    public const double ElectrodeRadiusMm = 1.0;

    public static LeadModel Place(HeartModel heart, int segment36)
    {
        var (s0, s1, theta0) = Segments.SegmentLabels.Bounds36(segment36);
        var s = (s0 + s1) / 2;
        var theta = theta0 + 15;
        var z = heart.Lv.HeightAt(s);
        var target = heart.Frame.FromCylindrical(heart.Lv.EpiRadius(z, theta), theta, z);
        var branches = heart.Veins.Skip(1).ToList();
        var (vein, tipIndex, tip) = branches
            .Select(v => (Vein: v, Closest: Closest(v.Tube.Nodes, target)))
            .OrderBy(c => c.Closest.Point.DistanceTo(target))
            .Select(c => (c.Vein, c.Closest.Index, c.Closest.Point))
            .First();
        var sinus = heart.Veins[0].Tube.Nodes;
        var junction = Closest(sinus, vein.Tube.Nodes[0]).Index;
        var ra = heart.BaseAttached.First(a => a.Name == "right atrium").Shape as Ellipsoid;
        var svc = (heart.BaseAttached.First(a => a.Name == "superior vena cava").Shape as Tube)!.Nodes;
        // Both leads come from a left pectoral device through the left brachiocephalic vein into the SVC.
        var brachiocephalic = svc[^1] + new Vec3(55, -15, 20);
        var path = new List<Vec3> { brachiocephalic, svc[^1], svc[1], ra!.Centre };
        path.AddRange(sinus.Take(junction + 1));
        path.AddRange(vein.Tube.Nodes.Take(tipIndex + 1));
        path.Add(tip);
        // Lead bodies are stiff: round the corners of the vessel-centre polyline (the tip stays where it is).
        path = Smooth(Dedup(path), 3);
        var electrodes = ElectrodeDistancesFromTipMm.Select(d => BackAlong(path, d + ElectrodeLengthMm / 2)).ToList();
        var rvApex = heart.Frame.FromCylindrical(heart.Lv.EpiRadius(heart.Lv.HeightAt(0.68), 60) + 0.5 * heart.Rv.Depth(0.68, 60), 60, heart.Lv.HeightAt(0.68));
        var rvPath = Smooth([brachiocephalic + new Vec3(0, 0, 4), svc[^1] + new Vec3(3, 0, 0), svc[1] + new Vec3(3, 0, 0), ra.Centre + new Vec3(0, -6, 0), Vec3.Lerp(ra.Centre, rvApex, 0.5), rvApex], 3);
        var coil = new List<Vec3> { BackAlong(rvPath, 65), BackAlong(rvPath, 40), BackAlong(rvPath, 15) };
        return new LeadModel(new Tube(path, 0.85), electrodes, new Tube(rvPath, 1.2), new Tube(coil, 1.6), vein.Name);
    }

    private static (int Index, Vec3 Point) Closest(IReadOnlyList<Vec3> nodes, Vec3 target)
    {
        var best = 0;
        for (var i = 1; i < nodes.Count; i++)
        {
            if (nodes[i].DistanceTo(target) < nodes[best].DistanceTo(target))
            {
                best = i;
            }
        }
        return (best, nodes[best]);
    }

    /// <summary>The point <paramref name="distanceMm"/> back from the end of a path along its arc.</summary>
    public static Vec3 BackAlong(IReadOnlyList<Vec3> path, double distanceMm)
    {
        var remaining = distanceMm;
        for (var i = path.Count - 1; i > 0; i--)
        {
            var step = path[i].DistanceTo(path[i - 1]);
            if (step >= remaining && step > 0)
            {
                return Vec3.Lerp(path[i], path[i - 1], remaining / step);
            }
            remaining -= step;
        }
        return path[0];
    }

    /// <summary>Chaikin corner cutting, <paramref name="iterations"/> times; the first and last points stay.</summary>
    private static List<Vec3> Smooth(List<Vec3> path, int iterations)
    {
        for (var n = 0; n < iterations; n++)
        {
            var next = new List<Vec3> { path[0] };
            for (var i = 0; i + 1 < path.Count; i++)
            {
                if (i > 0)
                {
                    next.Add(Vec3.Lerp(path[i], path[i + 1], 0.25));
                }
                if (i + 2 < path.Count)
                {
                    next.Add(Vec3.Lerp(path[i], path[i + 1], 0.75));
                }
            }
            next.Add(path[^1]);
            path = next;
        }
        return path;
    }

    private static List<Vec3> Dedup(List<Vec3> path)
    {
        var result = new List<Vec3> { path[0] };
        foreach (var p in path.Skip(1))
        {
            if (p.DistanceTo(result[^1]) > 0.5)
            {
                result.Add(p);
            }
        }
        return result;
    }

    /// <summary>The electrode rings as short tubes along the lead.</summary>
    public IEnumerable<Tube> ElectrodeTubes(Func<Vec3, Vec3> pose)
    {
        var body = LvLeadBody.Nodes;
        foreach (var d in ElectrodeDistancesFromTipMm)
        {
            var a = BackAlong(body, d);
            var b = BackAlong(body, d + ElectrodeLengthMm);
            yield return new Tube([pose(a), pose(b)], ElectrodeRadiusMm);
        }
    }
}
