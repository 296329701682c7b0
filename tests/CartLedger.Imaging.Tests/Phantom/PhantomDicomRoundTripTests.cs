using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Phantom;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Phantom;

/// <summary>Phantom -> DICOM (imaging writers) -> reader gives back the phantom's geometry, values and projections.</summary>
[Collection(SmallPhantomCollection.Name)]
public class PhantomDicomRoundTripTests(SmallPhantom phantom)
{
    private const double PositionToleranceMm = 1e-3;
    private const double ProjectionTolerancePixels = 0.1;

    private (PhantomDicomWriter.Folders Folders, DicomFolderImport Import) WriteAndRead()
    {
        var root = RepoPaths.ScratchFolder("phantom-dicom");
        var folders = PhantomDicomWriter.Write(phantom.Patient, root);
        return (folders, DicomFolderReader.Read(Path.Combine(root, "dicom")));
    }

    [Fact]
    public void Every_written_series_reads_back_and_the_files_pass_the_external_validators()
    {
        var (folders, import) = WriteAndRead();
        Assert.True(!import.Rejected.Any(), string.Join("; ", import.Rejected.SelectMany(r => r.Reasons).Select(r => r.ToString())));
        Assert.Equal(3 + phantom.Patient.Fluoroscopy.Count, import.Loaded.Count());
        foreach (var file in new[] { Directory.GetFiles(folders.Ct)[5], Directory.GetFiles(folders.Cine)[0], Directory.GetFiles(folders.Lge)[0], Directory.GetFiles(folders.Views[0])[0] })
        {
            DicomValidators.AssertValid(file);
        }
    }

    [Fact]
    public void The_CT_volume_reads_back_with_the_same_grid_and_values()
    {
        var (_, import) = WriteAndRead();
        var ct = phantom.Patient.Ct;
        var read = Assert.IsType<StackContent>(import.Loaded.Single(s => s.Modality == "CT").Content).Volume;
        Assert.Equal(ct.Geometry.SizeI, read.Geometry.SizeI);
        Assert.Equal(ct.Geometry.SizeK, read.Geometry.SizeK);
        Assert.InRange(read.Geometry.Origin.DistanceTo(ct.Geometry.Origin), 0, PositionToleranceMm);
        Assert.InRange(read.Geometry.ToPatient(10, 20, 30).DistanceTo(ct.Geometry.ToPatient(10, 20, 30)), 0, PositionToleranceMm);
        var worst = 0.0;
        for (var i = 0; i < ct.Voxels.Length; i += 997)
        {
            worst = Math.Max(worst, Math.Abs(ct.Voxels[i] - read.Voxels[i]));
        }
        Assert.InRange(worst, 0, 1.0);
    }

    [Fact]
    public void Cine_and_LGE_planes_read_back_within_a_micrometre_and_in_order()
    {
        var (_, import) = WriteAndRead();
        foreach (var (written, description) in new[] { (phantom.Patient.Cine, "SAX cine SSFP"), (phantom.Patient.Lge, "SAX LGE") })
        {
            var stack = Assert.IsType<StackContent>(import.Loaded.Single(s => s.Description == description).Content).Stack;
            Assert.Equal(written.Slices.Count, stack.Slices.Count);
            Assert.Equal(written.PhaseCount, stack.PhaseCount);
            var byPosition = written.Slices.OrderBy(s => s.Plane.PositionAlongNormal).ToList();
            var readByPosition = stack.Slices.OrderBy(s => s.Plane.PositionAlongNormal).ToList();
            for (var k = 0; k < byPosition.Count; k++)
            {
                var a = byPosition[k].Plane;
                var b = readByPosition[k].Plane;
                Assert.InRange(a.ToPatient(17, 23).DistanceTo(b.ToPatient(17, 23)), 0, PositionToleranceMm);
                Assert.Equal(byPosition[k].Frames[0].Pixels, readByPosition[k].Frames[0].Pixels);
            }
        }
    }

    [Fact]
    public void Projection_matrices_from_the_XA_tags_reproduce_the_truth_projections()
    {
        var (_, import) = WriteAndRead();
        var runs = import.Loaded.Where(s => s.Modality == "XA").Select(s => Assert.IsType<XRayContent>(s.Content).Runs.Single()).ToList();
        foreach (var truth in phantom.Patient.Truth.Views)
        {
            var run = runs.Single(r => Math.Abs(r.Geometry.PrimaryAngleDeg - truth.Geometry.PrimaryAngleDeg) < 1e-6);
            var fromTags = run.Projection;
            var isocentre = truth.Geometry.IsocenterLps;
            var points = phantom.Patient.Truth.Lead!.Electrodes.Append(phantom.Patient.Truth.Landmarks.LvCentre).Append(phantom.Patient.Truth.Landmarks.CoronarySinusOstium);
            foreach (var p in points)
            {
                var during = truth.HeartPose.Apply(p);
                Assert.InRange(fromTags.Project(during - isocentre).DistanceTo(truth.ModelToImage.Project(p)), 0, ProjectionTolerancePixels);
            }
            Assert.Equal(phantom.Patient.Fluoroscopy.Single(f => f.Name == truth.Name).Image.Pixels, run.Image.Frames[0].Pixels);
        }
    }
}
