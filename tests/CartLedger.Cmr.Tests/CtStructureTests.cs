using CartLedger.Cmr.CtStructures;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class CtStructureTests
{
    private const double ExactMm = 1e-9;

    private static readonly VolumeGeometry Ct = VolumeGeometry.Axial(100, 100, 80, new Vec3(-50, -50, -40), new Vec3(1, 1, 1));

    private static string Markups(string type, string system, params double[][] points) => $$"""
        {"@schema": "https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/Resources/Schema/markups-schema-v1.0.3.json#",
         "markups": [{"type": "{{type}}", "coordinateSystem": "{{system}}", "coordinateUnits": "mm",
           "controlPoints": [{{string.Join(",", points.Select((p, i) => $$"""{"id": "{{i + 1}}", "label": "P-{{i + 1}}", "position": [{{p[0]}}, {{p[1]}}, {{p[2]}}], "positionStatus": "defined"}"""))}}]}]}
        """;

    [Fact]
    public void A_phrenic_nerve_curve_in_LPS_is_read_in_order()
    {
        var json = Markups("Curve", "LPS", [10, 5, 20], [12, 6, 10], [13, 8, 0]);

        var path = SlicerMarkups.ReadCurve(json, "lpn.mrk.json", Ct);

        Assert.Equal([new Vec3(10, 5, 20), new Vec3(12, 6, 10), new Vec3(13, 8, 0)], path);
    }

    [Fact]
    public void RAS_markups_are_converted_to_LPS()
    {
        var point = SlicerMarkups.ReadPoint(Markups("Fiducial", "RAS", [10, -20, 5]), "cso.mrk.json", Ct);

        Assert.Equal(-10, point.X, ExactMm);
        Assert.Equal(20, point.Y, ExactMm);
        Assert.Equal(5, point.Z, ExactMm);
    }

    [Fact]
    public void An_empty_curve_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<MarkupsRejectedException>(() => SlicerMarkups.ReadCurve(Markups("Curve", "LPS"), "lpn.mrk.json", Ct));

        Assert.Contains("lpn.mrk.json", error.Message);
        Assert.Contains("0 defined control points", error.Message);
    }

    [Fact]
    public void Points_outside_the_CT_volume_are_rejected_as_another_frame()
    {
        var json = Markups("Curve", "LPS", [10, 5, 20], [400, 6, 10]);

        var error = Assert.Throws<MarkupsRejectedException>(() => SlicerMarkups.ReadCurve(json, "lpn.mrk.json", Ct));

        Assert.Contains("point 2", error.Message);
        Assert.Contains("outside the CT volume", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_markups_JSON_is_rejected()
    {
        Assert.Contains("not markups JSON", Assert.Throws<MarkupsRejectedException>(() => SlicerMarkups.ReadCurve("{oops", "x.mrk.json")).Message);
        Assert.Contains("no \"markups\" array", Assert.Throws<MarkupsRejectedException>(() => SlicerMarkups.ReadCurve("{}", "x.mrk.json")).Message);
        Assert.Contains("coordinateSystem", Assert.Throws<MarkupsRejectedException>(() => SlicerMarkups.ReadCurve(Markups("Curve", "IJK", [1, 2, 3], [2, 3, 4]), "x.mrk.json")).Message);
    }

    [Fact]
    public void The_distance_to_the_nerve_is_measured_to_the_nearest_point_of_its_polyline()
    {
        var model = new CtStructureModel("1.2.3", [new Vec3(0, 0, 0), new Vec3(0, 0, 100)], null);

        Assert.Equal(30, model.DistanceToPhrenicNerveMm(new Vec3(30, 0, 50))!.Value, ExactMm);
        Assert.Equal(50, model.DistanceToPhrenicNerveMm(new Vec3(30, 0, 140))!.Value, ExactMm);
        Assert.Equal(100, model.PhrenicNerveLengthMm, ExactMm);
    }
}
