using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Phantom;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Phantom;

/// <summary>A CT acquired in its own frame of reference: the DICOM says so, and truth.json gives the way back.</summary>
public class CtOwnFrameTests
{
    private const double PositionToleranceMm = 1e-3;

    private static readonly Lazy<PhantomPatient> Patient = new(() => PhantomGenerator.Generate(PhantomOptions.CmrOnly(4) with { CtOwnFrame = true, CinePhases = 2 }));

    [Fact]
    public void The_seeded_offset_is_a_table_shift_of_tens_of_mm_and_a_tilt_of_a_few_degrees()
    {
        var frame = Patient.Value.Truth.CtFrame!;
        var lvCentre = Patient.Value.Truth.Landmarks.LvCentre;
        var shiftMm = frame.CtFromCmr.Apply(lvCentre) - lvCentre;
        Assert.InRange(Math.Abs(shiftMm.Z), CtFrameOffset.MinTableShiftMm, CtFrameOffset.MaxTableShiftMm);
        var tiltDeg = Math.Acos(Math.Clamp((frame.CtFromCmr.Rotation.M00 + frame.CtFromCmr.Rotation.M11 + frame.CtFromCmr.Rotation.M22 - 1) / 2, -1, 1)) * 180 / Math.PI;
        Assert.InRange(tiltDeg, 0.1, Math.Sqrt(3) * CtFrameOffset.MaxRotationDeg);
        Assert.InRange(frame.LvCentreCt.DistanceTo(frame.CtFromCmr.Apply(lvCentre)), 0, 1e-9);
    }

    [Fact]
    public void The_CT_series_carries_its_own_frame_of_reference_and_its_positions_in_that_frame()
    {
        var patient = Patient.Value;
        var root = RepoPaths.ScratchFolder("phantom-ct-frame");
        PhantomDicomWriter.Write(patient, root);
        var import = DicomFolderReader.Read(Path.Combine(root, "dicom"));
        var ct = Assert.IsType<StackContent>(import.Loaded.Single(s => s.Modality == "CT").Content);
        var cine = Assert.IsType<StackContent>(import.Loaded.Single(s => s.Description == "SAX cine SSFP").Content);
        var frame = patient.Truth.CtFrame!;

        Assert.Equal(frame.FrameOfReferenceUid, ct.Stack.FrameOfReferenceUid);
        Assert.NotEqual(cine.Stack.FrameOfReferenceUid, ct.Stack.FrameOfReferenceUid);
        // The same anatomy: a CT-frame truth point falls on the voxel the CMR-frame point falls on in the generator's grid.
        var nerveNode = patient.Truth.PhrenicNerve[patient.Truth.PhrenicNerve.Count / 2];
        var nerveNodeCt = frame.PhrenicNerveCt[patient.Truth.PhrenicNerve.Count / 2];
        var indexRead = ct.Volume.Geometry.ToIndex(nerveNodeCt);
        var indexGenerated = patient.Ct.Geometry.ToIndex(nerveNode);
        Assert.InRange((indexRead - indexGenerated).Length, 0, PositionToleranceMm);
        Assert.InRange(ct.Volume.Geometry.ToIndex(frame.CoronarySinusOstiumCt).DistanceTo(patient.Ct.Geometry.ToIndex(patient.Truth.Landmarks.CoronarySinusOstium)), 0, PositionToleranceMm);
    }
}
