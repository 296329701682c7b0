using CartLedger.Domain.Procedures;
using CartLedger.Domain.Quantities;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Targeting;
using CartLedger.Domain.Values;
using static CartLedger.Domain.Demo.DemoValues;

namespace CartLedger.Domain.Demo;

/// <summary>One step of the demo: what it shows and the command (with actor and clinical time) that does it.</summary>
public sealed record DemoStep(string Title, ProcedureCommand Command);

/// <summary>
/// A complete synthetic CRT procedure, enrolment to 6-month follow-up, as commands through the decider: CMR planning,
/// target proposal and choice, two-view fluoroscopy fusion, lead position (adjacent in 36 segments, within in 18, as
/// in seed 2's example), electrical measurements, a deviation reason, signatures and one correction (AT-02).
/// Numbers are fixed, plausible and ENTERED (see DemoValues), never computed. Each command yields exactly one event,
/// so the stream version of step i is i + 1.
/// </summary>
public static class DemoProcedureScript
{
    /// <summary>The steps, with clinical times relative to <paramref name="implantDay"/> (the implant, at 09:00 UTC that day).</summary>
    public static IReadOnlyList<DemoStep> Build(Guid procedureId, DateOnly implantDay)
    {
        var implant = new DateTimeOffset(implantDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        DateTimeOffset Day(int days, int minutes = 0) => implant.AddDays(days).AddMinutes(minutes);
        var (op, dr, an, wk) = (DemoUsers.Operator.Actor, DemoUsers.Cardiologist.Actor, DemoUsers.Analyst.Actor, DemoUsers.Worker.Actor);
        var cmr = new Guid("5e1f0000-0000-4000-8000-00000000c111");
        var fluoro = new Guid("5e1f0000-0000-4000-8000-00000000f100");
        var registration = new Guid("5e1f0000-0000-4000-8000-00000000a200");
        var target = SegmentId.Of36(23);
        var sixMonths = new EchoMeasurements(new Millilitres(110), new Millilitres(154), new Percent(35), new PicogramsPerMillilitre(640));
        return
        [
            new("Enrolment: LBBB, QRS 168 ms, LVEF 24 %, NYHA II", new OpenProcedure(dr, Day(-10), procedureId, "DEMO-0001", "UMCU", new Indication(new(168), true, false, new(24), NyhaClass.II))),
            new("Baseline echo", new RecordFollowUp(dr, Day(-10, 30), AssessmentVisit.Baseline, new EchoMeasurements(new(163), new(212), new(23), new(1530)))),
            new("CMR study imported (cine + LGE)", new ImportStudy(an, Day(-7), cmr, Modality.Cmr, "1.2.826.0.1.3680043.10.1452.1.1",
                [Series("1.2.826.0.1.3680043.10.1452.1.1.1", SeriesKind.Cine, "SAX cine SSFP", 192, 1.67, 12, 30),
                 Series("1.2.826.0.1.3680043.10.1452.1.1.2", SeriesKind.Lge, "SAX LGE", 220, 2.1, 12, 1)])),
            new("Myocardium segmented (entered values)", new RecordMyocardiumSegmentation(wk, Day(-7, 20), cmr, "1.2.826.0.1.3680043.10.1452.1.1.1", Sha("contours v1"), new(212), new(163), new(158), Entered("LV contours"))),
            new("Contours adjusted at two basal slices", new AdjustContours(an, Day(-7, 40), Sha("contours v2"), 2, "basal slices: LV outflow tract excluded from the myocardium")),
            new("Scar segmented, FWHM 50 % (entered values)", new RecordScarSegmentation(wk, Day(-7, 45), ScarMethod.FullWidthHalfMaximum, 0.5, Transmurality(), new(6.8), Sha("scar mask v1"), Entered("FWHM scar"))),
            new("Scar edited: blood-pool pixels erased", new EditScar(an, Day(-7, 55), 0.5, 42, 0, Transmurality(), new(6.1), Sha("scar mask v2"), "erased blood pool wrongly included at the basal inferolateral wall")),
            new("Activation mapped, time to peak Ecc (entered values)", new RecordActivationMap(wk, Day(-7, 60), ActivationMethod.CircumferentialStrainTimeToPeak, Activation(), Sha("strain curves"), Entered("time to peak circumferential strain"))),
            new("Epicardial mesh built (entered values)", new RecordEpicardialMesh(wk, Day(-7, 62), Sha("epicardial mesh"), 2562, 5120, Entered("epicardial mesh"))),
            new("Targets proposed by the rule", new ProposeTargets(an, Day(-7, 70), TargetRuleParameters.Default)),
            new("Target chosen: mid-lateral 1 (36:23)", new ChooseTarget(dr, Day(-6), target, [target, SegmentId.Of36(24)], null)),
            new("Treatment file exported (entered hash)", new ExportTreatmentFiles(wk, Day(-6, 10), [new ExportedFile(TreatmentFileKind.ScarAndTargets, "1.2.826.0.1.3680043.10.1452.9.1", Sha("treatment file"))],
                new ExportedScar(0.5, new(6.1), new IncludedScarEdit(Day(-7, 55), 0.5, 42, 0, null)))),
            new("Fluoroscopy: LAO 40 and RAO 30 venograms", new AcquireFluoroscopy(op, Day(0, 40), fluoro,
                [new FluoroscopyView("LAO 40", 40, 0, new(1200), "1.2.826.0.1.3680043.10.1452.2.1", Sha("LAO 40"), 12),
                 new FluoroscopyView("RAO 30", -30, 0, new(1200), "1.2.826.0.1.3680043.10.1452.2.2", Sha("RAO 30"), 12)])),
            new("Two-view landmark registration proposed (entered pose)", new ProposeRegistration(op, Day(0, 45), registration, fluoro, RegistrationMethod.TwoViewLandmarks,
                new RigidPose(2, -3, 5, 4.5, -2, 11), 0.91, new(2.4), Entered("two-view landmark fusion"))),
            new("Registration accepted by the cardiologist", new AcceptRegistration(dr, Day(0, 48), registration, null)),
            new("Lead position: mid anterolateral 2 (36:24)", new MeasureLeadPosition(op, Day(0, 105), registration, "LV2", new Point3Mm(48.2, 31.5, 12.9), SegmentId.Of36(24), new(9.5), new(27), new(41))),
            new("Electrical: threshold 0.8 V, no phrenic capture, QLV 142 ms", new MeasureLeadElectrical(op, Day(0, 112), new ElectricalMeasurement("LV2", new(0.8), null, new(142), new(136)))),
            new("Deviation: no vein branch over the primary target", new RecordDeviation(dr, Day(0, 114), DeviationKind.TargetNotReached, [DeviationReason.NoVenousAccess], "no suitable side branch over mid-lateral 1; neighbouring branch used")),
            new("Procedure metrics", new RecordProcedureMetrics(op, Day(0, 125), new ProcedureMetrics(new(118), new(46), new(21), new(2805), new(55)))),
            new("Guidance feedback", new RecordGuidanceFeedback(dr, Day(0, 126), new GuidanceFeedback(true, false, DurationEffect.Unchanged, true, true, null))),
            new("Procedure completed", new CompleteProcedure(dr, Day(0, 130), CompletionOutcome.TransvenousLead, null)),
            new("Signed: target choice approved", new SignRecord(dr, Day(0, 131), 11, SignatureMeaning.Approved)),
            new("Signed: registration acceptance approved", new SignRecord(dr, Day(0, 131), 15, SignatureMeaning.Approved)),
            new("Signed: lead position authored", new SignRecord(op, Day(0, 132), 16, SignatureMeaning.Authored)),
            new("Signed: scar edit reviewed", new SignRecord(dr, Day(0, 132), 7, SignatureMeaning.Reviewed)),
            new("2-month NT-proBNP", new RecordFollowUp(dr, Day(61), AssessmentVisit.TwoMonths, new EchoMeasurements(new(140), new(196), new(28), new(690)))),
            new("6-month echo (LVESV entered as 110 ml)", new RecordFollowUp(dr, Day(182), AssessmentVisit.SixMonths, sixMonths)),
            new("Correction: 6-month LVESV 110 -> 101 ml", new CorrectRecord(dr, Day(183), 27, "transcription error: the core-lab report reads LVESV 101 ml",
                new FollowUpRecorded(dr, Day(182), AssessmentVisit.SixMonths, sixMonths with { LvesvMl = new(101) }))),
            new("Signed: 6-month follow-up approved", new SignRecord(dr, Day(183), 28, SignatureMeaning.Approved)),
        ];
    }
}
