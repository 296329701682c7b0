using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Tests.Geometry;

public class PatientGeometryTests
{
    [Fact]
    public void A_slice_plane_maps_pixels_to_patient_and_back()
    {
        var plane = new SlicePlane(new Vec3(-120, -80, 40), new Vec3(0.8, 0.6, 0), new Vec3(0, 0, -1), XSpacingMm: 1.5, YSpacingMm: 1.25);
        var patient = plane.ToPatient(10, 20);
        Assert.InRange(patient.DistanceTo(new Vec3(-120 + 12, -80 + 9, 40 - 25)), 0, 1e-9);
        var back = plane.ToPixel(patient);
        Assert.InRange(back.DistanceTo(new Vec2(10, 20)), 0, 1e-9);
        Assert.InRange(plane.DistanceAlongNormal(patient + plane.Normal * 8), 8 - 1e-9, 8 + 1e-9);
    }

    [Fact]
    public void A_rigid_transform_composes_and_inverts()
    {
        var a = new RigidTransform(Mat3.FromEulerDeg(10, 20, 30), new Vec3(1, 2, 3));
        var b = new RigidTransform(Mat3.FromEulerDeg(-5, 0, 15), new Vec3(-4, 0, 9));
        var p = new Vec3(7, -3, 11);
        Assert.InRange(a.Then(b).Apply(p).DistanceTo(b.Apply(a.Apply(p))), 0, 1e-9);
        Assert.InRange(a.Inverse().Apply(a.Apply(p)).DistanceTo(p), 0, 1e-9);
        var matrix = a.ToMatrix4x4();
        Assert.InRange(RigidTransform.FromMatrix4x4(matrix).Apply(p).DistanceTo(a.Apply(p)), 0, 1e-9);
    }

    [Fact]
    public void A_volume_samples_trilinearly_at_patient_points()
    {
        var geometry = VolumeGeometry.Axial(4, 4, 4, new Vec3(-10, -10, -10), new Vec3(2, 2, 2));
        var volume = new Volume(geometry);
        for (var k = 0; k < 4; k++)
        {
            for (var j = 0; j < 4; j++)
            {
                for (var i = 0; i < 4; i++)
                {
                    volume[i, j, k] = i + 10 * j + 100 * k;
                }
            }
        }
        // A linear field is reproduced exactly by trilinear interpolation.
        var p = geometry.ToPatient(1.5, 2.25, 0.5);
        Assert.Equal(1.5 + 22.5 + 50, volume.SamplePatient(p), 4);
    }

    [Fact]
    public void A_closed_cube_has_the_right_area_and_volume()
    {
        Vec3[] v =
        [
            new(0, 0, 0), new(10, 0, 0), new(10, 10, 0), new(0, 10, 0),
            new(0, 0, 10), new(10, 0, 10), new(10, 10, 10), new(0, 10, 10),
        ];
        int[] faces =
        [
            0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4,
            1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7,
        ];
        var mesh = new TriangleMesh(v, faces);
        Assert.Equal(600, mesh.AreaMm2(), 9);
        Assert.Equal(1.0, mesh.EnclosedVolumeMl(), 9);
    }
}
