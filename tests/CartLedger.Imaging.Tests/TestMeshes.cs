using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Tests;

/// <summary>Small meshes with known geometry for mesh and surface tests.</summary>
internal static class TestMeshes
{
    /// <summary>A closed octahedron around a centre, outward counter-clockwise triangles; volume 4/3 r^3.</summary>
    public static TriangleMesh Octahedron(Vec3 centre, double radius)
    {
        Vec3[] v =
        [
            centre + Vec3.UnitX * radius, centre - Vec3.UnitX * radius, centre + Vec3.UnitY * radius,
            centre - Vec3.UnitY * radius, centre + Vec3.UnitZ * radius, centre - Vec3.UnitZ * radius,
        ];
        int[] t = [0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5];
        return new TriangleMesh(v, t);
    }
}
