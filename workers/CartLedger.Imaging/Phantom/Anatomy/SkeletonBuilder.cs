using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// Spine (vertebral bodies with cortex, marrow and discs, canal, posterior elements), twelve pairs of ribs that
/// descend towards the front, costal cartilages and the sternum. Bones are painted last, so nothing covers them.
/// </summary>
public static class SkeletonBuilder
{
    private const MotionGroup S = MotionGroup.Skeleton;

    public static List<Structure> Build(ThoraxLayout t, double ca, double cb)
    {
        var list = new List<Structure>();
        AddSpine(list, t);
        var sternumY = -cb + 8;
        var sternumTop = t.TopRibZ - 15;
        var sternumBottom = sternumTop - 175;
        for (var n = 1; n <= 12; n++)
        {
            AddRibPair(list, t, n, ca, cb, sternumY, sternumTop, sternumBottom);
        }
        list.Add(new Solid("sternum", S, new EllipticCylinder(new Vec3(0, sternumY, 0), 17, 7, sternumBottom, sternumTop, 2.5), Tissues.CorticalBone));
        list.Add(new Solid("sternal marrow", S, new EllipticCylinder(new Vec3(0, sternumY, 0), 15, 5, sternumBottom + 2, sternumTop - 2, 2.5), Tissues.Marrow));
        return list;
    }

    private static void AddSpine(List<Structure> list, ThoraxLayout t)
    {
        var period = t.RibSpacingMm;
        var discMm = 6.0;
        var y = t.SpineY;
        for (var z = t.TopRibZ + period; z > -340; z -= period)
        {
            var zTop = z - discMm / 2;
            var zBottom = z - period + discMm / 2;
            var centre = new Vec3(0, y, 0);
            list.Add(new Solid("intervertebral disc", S, new EllipticCylinder(centre, 19, 16, z - discMm / 2 - 0.5, z + discMm / 2 + 0.5), Tissues.Disc));
            // A waisted body: full-width endplate rims, a narrower middle (the hourglass of a real vertebra).
            var mid = (zTop + zBottom) / 2;
            var rimMm = Math.Min(4.0, (zTop - zBottom) / 4);
            list.Add(new Solid("vertebral body", S, new EllipticCylinder(centre, 19, 16, zTop - rimMm, zTop), Tissues.CorticalBone));
            list.Add(new Solid("vertebral body", S, new EllipticCylinder(centre, 16.5, 14.5, zBottom + rimMm - 0.5, zTop - rimMm + 0.5), Tissues.CorticalBone));
            list.Add(new Solid("vertebral body", S, new EllipticCylinder(centre, 19, 16, zBottom, zBottom + rimMm), Tissues.CorticalBone));
            list.Add(new Solid("vertebral marrow", S, new EllipticCylinder(centre, 15, 13, zBottom + 1.5, zTop - 1.5), Tissues.Marrow));
            foreach (var side in new[] { -1.0, 1.0 })
            {
                // Pedicles: the paired ovals of an AP spine film.
                list.Add(new Solid("pedicle", S, new Tube([new Vec3(side * 10, y + 10, mid + 2), new Vec3(side * 11, y + 24, mid + 2)], 4.5), Tissues.CorticalBone));
            }
            list.Add(new Solid("spinous process", S, new Tube([new Vec3(0, y + 26, mid), new Vec3(0, y + 52, mid - 14)], [4.5, 3.5]), Tissues.CorticalBone));
            foreach (var side in new[] { -1.0, 1.0 })
            {
                list.Add(new Solid("lamina and transverse process", S, new Tube([new Vec3(side * 6, y + 28, mid), new Vec3(side * 14, y + 20, mid), new Vec3(side * 30, y + 24, mid + 2)], [4, 5, 4.5]), Tissues.CorticalBone));
            }
        }
        var canal = new Tube([new Vec3(0, y + 25, t.TopRibZ + 80), new Vec3(0, y + 25, -360)], 11);
        list.Add(new Solid("neural arch", S, canal, Tissues.CorticalBone));
        list.Add(new Solid("spinal canal", S, new Tube([new Vec3(0, y + 25, t.TopRibZ + 80), new Vec3(0, y + 25, -360)], 8), Tissues.Csf));
    }

    private static void AddRibPair(List<Structure> list, ThoraxLayout t, int n, double ca, double cb, double sternumY, double sternumTop, double sternumBottom)
    {
        var zHead = t.TopRibZ - (n - 1) * t.RibSpacingMm;
        // Upper ribs are short and round; the chest widens to about the sixth rib.
        var widen = 0.62 + 0.38 * Math.Min(1.0, (n - 1) / 5.0);
        double ra = (ca + 4) * widen, rb = (cb + 4) * Math.Min(1.0, widen + 0.1);
        var phiEnd = n <= 7 ? 2.55 : n <= 10 ? 2.35 - (n - 8) * 0.12 : 1.75 - (n - 11) * 0.2;
        var drop = 35 + 4.5 * Math.Min(n, 9);
        var radius = n <= 2 ? 4.5 : 5.5;
        foreach (var side in new[] { -1.0, 1.0 })
        {
            var nodes = new List<Vec3> { new(side * 26, t.SpineY + 22, zHead + 2) };
            const int Steps = 16;
            for (var s = 0; s <= Steps; s++)
            {
                var phi = 0.45 + (phiEnd - 0.45) * s / Steps;
                nodes.Add(new Vec3(side * ra * Math.Sin(phi), rb * Math.Cos(phi) * 0.95 + 6, zHead - drop * (1 - Math.Cos(phi)) / 2));
            }
            // A flat rib: three tubes stacked cranio-caudally make a band about 2.4 radii tall and one radius thick
            // (round near the spine, where the tubes merge into the head), with marrow inside.
            var offsets = new[] { -0.75 * radius, 0.0, 0.75 * radius };
            foreach (var dz in offsets)
            {
                list.Add(new Solid($"rib {n}", S, new Tube(Shifted(nodes, dz), 0.62 * radius), Tissues.CorticalBone));
            }
            // Marrow in five overlapping tubes, so it is one continuous core inside the cortex (no cortical septa).
            foreach (var dz in new[] { -0.75, -0.375, 0.0, 0.375, 0.75 })
            {
                list.Add(new Solid($"rib {n} marrow", S, new Tube(Shifted(nodes, dz * radius), 0.62 * radius - 1.4), Tissues.Marrow));
            }
            if (n <= 10)
            {
                var end = nodes[^1];
                var sternalZ = n <= 7 ? sternumTop - 10 - (n - 1) * 26 : sternumBottom + 5;
                var joint = new Vec3(side * 15, sternumY, Math.Max(sternalZ, sternumBottom + 5));
                list.Add(new Solid($"costal cartilage {n}", S, new Tube([end, Vec3.Lerp(end, joint, 0.5) + new Vec3(0, -4, 6), joint], radius - 1), Tissues.Cartilage));
            }
        }
    }

    /// <summary>The rib's centre line moved cranio-caudally, tapering to nothing at the rib head (the first node).</summary>
    private static List<Vec3> Shifted(List<Vec3> nodes, double dzMm) =>
        nodes.Select((p, i) => p + new Vec3(0, 0, dzMm * Math.Min(1.0, i / 3.0))).ToList();
}
