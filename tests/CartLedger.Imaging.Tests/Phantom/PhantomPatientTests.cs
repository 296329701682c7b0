using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Acquisition;
using CartLedger.Imaging.Phantom.Heart;
using CartLedger.Imaging.Phantom.Segments;

namespace CartLedger.Imaging.Tests.Phantom;

/// <summary>What a generated patient must look like: heart-failure dimensions, truth that agrees with the images.</summary>
[Collection(SmallPhantomCollection.Name)]
public class PhantomPatientTests(SmallPhantom phantom)
{
    private PhantomPatient P => phantom.Patient;

    [Fact]
    public void By_default_the_CT_shares_the_CMR_frame_and_truth_has_no_CT_frame()
    {
        Assert.Null(P.Truth.CtFrame);
        Assert.Same(P.Ct, P.CtAsAcquired);
    }

    [Fact]
    public void The_LV_has_heart_failure_dimensions()
    {
        var heart = P.Truth.Heart;
        Assert.InRange(heart.EdvMl, 140, 310);
        Assert.InRange(heart.EjectionFractionPercent, 10, 40);
        Assert.InRange(heart.WallMm, 7, 11);
    }

    [Fact]
    public void The_cine_stack_has_10_to_14_slices_of_the_requested_phases()
    {
        Assert.InRange(P.Cine.Slices.Count, 10, 14);
        Assert.All(P.Cine.Slices, s => Assert.Equal(10, s.PhaseCount));
        Assert.Equal(P.Cine.Slices.Count, P.Lge.Slices.Count);
        for (var k = 0; k < P.Cine.Slices.Count; k++)
        {
            Assert.InRange(P.Cine.Slices[k].Plane.Origin.DistanceTo(P.Lge.Slices[k].Plane.Origin), 0, 1e-9);
        }
    }

    [Fact]
    public void Mid_ventricular_labels_show_blood_pool_inside_myocardium_and_the_blood_is_brighter()
    {
        var mid = P.Cine.Slices.Count / 2;
        var labels = P.CineLabels[mid][0];
        var image = P.Cine.Slices[mid].Frames[0];
        double blood = 0, myocardium = 0;
        int nBlood = 0, nMyo = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == MrSynthesizer.LvBloodPool) { blood += image.Pixels[i]; nBlood++; }
            if (labels[i] == MrSynthesizer.Myocardium) { myocardium += image.Pixels[i]; nMyo++; }
        }
        Assert.True(nBlood > 300 && nMyo > 200, $"blood {nBlood} px, myocardium {nMyo} px");
        Assert.True(blood / nBlood > 2 * myocardium / nMyo, "SSFP blood must be at least twice as bright as myocardium");
    }

    [Fact]
    public void Requested_transmural_scar_is_realised_and_enhances_on_LGE()
    {
        var truth = P.Truth.Segments36;
        Assert.InRange(truth[16].TransmuralityPercent, 60, 100);
        Assert.Equal(0, truth[30].TransmuralityPercent);
        var scarPixels = P.LgeLabels.Sum(l => l.Count(v => v == MrSynthesizer.Scar));
        Assert.True(scarPixels > 50, $"only {scarPixels} scar pixels on LGE");
        Assert.True(P.Truth.ScarBurdenPercent > 3);
    }

    [Fact]
    public void The_true_target_is_late_non_septal_and_free_of_scar()
    {
        var targets = P.Truth.Targets;
        Assert.Equal(3, targets.Targets.Count);
        var primary = P.Truth.Segments36[targets.Primary - 1];
        Assert.False(primary.IsSeptal);
        Assert.Equal(0, primary.TransmuralityPercent);
        var septal = P.Truth.Segments36.Where(s => s.IsSeptal).Average(s => s.TimeToPeakStrainMs);
        Assert.True(primary.TimeToPeakStrainMs - septal > 60, $"LBBB: the target peaks {primary.TimeToPeakStrainMs - septal:0} ms after the septum");
    }

    [Fact]
    public void The_RV_lies_between_the_insertion_points_towards_the_patients_right()
    {
        var heart = P.Heart;
        Assert.True(heart.Frame.Direction(60).X < 0, "the mid-septum faces the patient's right");
        var rvCentre = heart.Frame.FromCylindrical(heart.Lv.EpiRadius(heart.Lv.HeightAt(0.4), 60) + heart.Rv.Depth(0.4, 60) / 2, 60, heart.Lv.HeightAt(0.4));
        var local = heart.Frame.ToLocal(rvCentre);
        Assert.InRange(HeartFrame.ThetaDeg(local), 0, heart.Rv.WidthDeg);
    }

    [Fact]
    public void Truth_projections_land_on_the_fluoroscopy_images_and_electrodes_are_dark()
    {
        foreach (var (view, truth) in P.Fluoroscopy.Zip(P.Truth.Views))
        {
            Assert.True(view.Image.Contains(truth.LvCentrePixel.X, truth.LvCentrePixel.Y));
            var pose = truth.HeartPose;
            var direct = truth.Projection.Project(pose.Apply(P.Heart.LvCentre));
            Assert.InRange(direct.DistanceTo(truth.LvCentrePixel), 0, 1e-6);
            Assert.Equal(4, truth.ElectrodePixels.Count);
            var tip = truth.ElectrodePixels[0];
            var atTip = view.LineIntegrals.Sample(tip.X, tip.Y);
            var beside = view.LineIntegrals.Sample(tip.X + 12, tip.Y + 12);
            Assert.True(atTip > beside, "an electrode adds attenuation where the truth says it is");
        }
    }

    [Fact]
    public void Segment_labels_follow_the_convention()
    {
        Assert.Equal(16, SegmentLabels.Segment36(0.5, 45));
        Assert.Equal("mid anteroseptal 2", SegmentLabels.Name36(16));
        Assert.Equal(1, SegmentLabels.Segment36(0.1, 300));
        Assert.Equal(12, SegmentLabels.Segment36(0.1, 299));
        Assert.Equal(14, SegmentLabels.Aha17(0.9, 60));
        Assert.Equal(17, SegmentLabels.Aha17(1.05, 60));
        Assert.True(SegmentLabels.Adjacent36(13, 24));
        Assert.True(SegmentLabels.Adjacent36(5, 17));
        Assert.False(SegmentLabels.Adjacent36(5, 18));
        Assert.Equal(12, Enumerable.Range(1, 36).Count(SegmentLabels.IsSeptal36));
    }

    [Fact]
    public void The_epicardial_mesh_is_outward_facing_and_encloses_more_than_the_cavity()
    {
        var epi = P.LvEpicardium;
        var (a, b, c) = epi.Triangle(epi.TriangleCount / 3);
        Assert.True((b - a).Cross(c - a).Dot((a + b + c) / 3 - P.Heart.LvCentre) > 0);
        Assert.All(epi.Vertices, v => Assert.InRange(v.DistanceTo(P.Heart.LvCentre), 5, 150));
    }
}

/// <summary>Same options, same bits; another seed, another patient.</summary>
public class PhantomDeterminismTests
{
    private static PhantomOptions Tiny(int seed) => SmallPhantom.Options(seed) with { CinePhases = 2, Views = [(40, 0)], DetectorPixels = 128, DetectorPixelMm = 2.0 };

    [Fact]
    public void The_same_seed_gives_the_same_images_and_truth()
    {
        var a = PhantomGenerator.Generate(Tiny(9));
        var b = PhantomGenerator.Generate(Tiny(9));
        Assert.Equal(a.Ct.Voxels, b.Ct.Voxels);
        Assert.Equal(a.Cine.Slices[3].Frames[1].Pixels, b.Cine.Slices[3].Frames[1].Pixels);
        Assert.Equal(a.Fluoroscopy[0].Image.Pixels, b.Fluoroscopy[0].Image.Pixels);
        Assert.Equal(a.Truth.Targets.Primary, b.Truth.Targets.Primary);
        Assert.Equal(a.Cine.SeriesInstanceUid, b.Cine.SeriesInstanceUid);
        var c = PhantomGenerator.Generate(Tiny(10));
        Assert.NotEqual(a.Truth.Heart.EdvMl, c.Truth.Heart.EdvMl);
        Assert.NotEqual(a.Cine.SeriesInstanceUid, c.Cine.SeriesInstanceUid);
    }

    [Fact]
    public void A_scar_segment_outside_1_to_36_is_rejected_with_its_number()
    {
        var error = Assert.Throws<ArgumentException>(() => PhantomGenerator.Generate(Tiny(1) with { Scar = [new ScarSpec(37, 50)] }));
        Assert.Contains("37", error.Message, StringComparison.Ordinal);
    }
}
