using System.Text.RegularExpressions;
using CartLedger.Domain.Procedures.Rules;

namespace CartLedger.Domain.Procedures;

// What the cath-lab staff mark for the registration worker (landmarks, electrodes) and what a worker records when
// an automatic computation cannot produce its result.
public static partial class ProcedureDecider
{
    /// <summary>Fewer landmarks leave the 6-DOF pose underdetermined (seed 2 picks 3-5).</summary>
    public const int MinimumLandmarks = 3;

    private static FluoroscopyLandmarksMarked MarkLandmarks(MarkFluoroscopyLandmarks c, ProcedureState state)
    {
        var acquisition = RequireAcquisition(state, c.AcquisitionId);
        Reject.Unless(c.Landmarks.Count >= MinimumLandmarks, "landmarks.too_few", $"two-view fusion needs at least {MinimumLandmarks} landmarks; {c.Landmarks.Count} given");
        Reject.Unless(c.Landmarks.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() == c.Landmarks.Count && c.Landmarks.All(l => !string.IsNullOrWhiteSpace(l.Name)),
            "landmarks.names_invalid", "each landmark needs a name, each name once");
        foreach (var landmark in c.Landmarks)
        {
            Reject.Unless(landmark.Picks.Count > 0, "landmarks.unpicked", $"landmark '{landmark.Name}' is not picked in any view");
            CheckPicks(landmark.Picks, acquisition, $"landmark '{landmark.Name}'");
        }
        if (c.ModelSet == ModelSet.Ct)
        {
            RequireModelSet(state, c.ModelSet);
        }
        return new FluoroscopyLandmarksMarked(c.By, c.OccurredAt, c.AcquisitionId, c.Landmarks, c.ModelSet);
    }

    private static ElectrodeMarked MarkElectrode(MarkElectrode c, ProcedureState state)
    {
        var acquisition = RequireAcquisition(state, c.AcquisitionId);
        Reject.Blank(c.Electrode, "lead.electrode_required", "name the electrode (e.g. LV1 distal)");
        CheckPicks(c.Picks, acquisition, $"electrode '{c.Electrode}'");
        Reject.Unless(c.Picks.Select(p => p.ViewIndex).Distinct().Count() >= 2, "electrode.needs_two_views",
            $"electrode '{c.Electrode}' must be marked in two views to be triangulated");
        return new ElectrodeMarked(c.By, c.OccurredAt, c.AcquisitionId, c.Electrode, c.Picks);
    }

    private static FluoroscopyOverlaysRendered RecordOverlays(RecordFluoroscopyOverlays c, ProcedureState state)
    {
        var acquisition = RequireAcquisition(state, c.AcquisitionId);
        var registration = Reject.NotNull(state.Registrations.FirstOrDefault(r => r.RegistrationId == c.RegistrationId && r.AcquisitionId == c.AcquisitionId),
            "overlays.unknown_registration", $"registration {c.RegistrationId} is not a registration of acquisition {c.AcquisitionId}");
        Reject.Unless(registration.Status == RegistrationStatus.Accepted, "overlays.requires_accepted_registration", "overlays are drawn with an accepted registration only");
        Reject.Unless(c.Views.Count > 0 && c.Views.Select(v => v.ViewIndex).Distinct().Count() == c.Views.Count && c.Views.All(v => v.ViewIndex >= 0 && v.ViewIndex < acquisition.Views.Count),
            "overlays.views_invalid", $"one overlay per view of the acquisition (views 0-{acquisition.Views.Count - 1}), each once");
        Reject.Unless(c.Views.All(v => IsSha256(v.PngSha256) && IsSha256(v.SecondaryCaptureSha256) && !string.IsNullOrWhiteSpace(v.SecondaryCaptureSopInstanceUid)),
            "overlays.files_invalid", "each overlay needs the SHA-256 of its PNG and Secondary Capture and the capture's SOP instance UID");
        Reject.Unless(c.Algorithm.InputSha256.All(IsSha256) && IsSha256(c.Algorithm.OutputSha256), "overlays.hash_invalid", "the overlay's inputs and output need their SHA-256");
        return new FluoroscopyOverlaysRendered(c.By, c.OccurredAt, c.AcquisitionId, c.RegistrationId, c.Views, c.Algorithm);
    }

    private static ComputationFailed RecordFailure(RecordComputationFailure c, ProcedureState state)
    {
        Reject.Unless(CodePattern().IsMatch(c.Computation) && CodePattern().IsMatch(c.Code), "failure.code_invalid",
            "the computation and the failure code are lower-case words joined by '-' (e.g. cmr-analysis, lv-not-found)");
        Reject.Blank(c.Reason, "failure.reason_required", "say what went wrong so a person can act on it");
        if (c.StudyId is { } study)
        {
            RequireStudy(state, study);
        }
        Reject.Unless(c.Algorithm.InputSha256.All(IsSha256) && IsSha256(c.Algorithm.OutputSha256), "failure.hash_invalid",
            "the failed computation's inputs and output need their SHA-256");
        return new ComputationFailed(c.By, c.OccurredAt, c.Computation, c.Code, c.Reason, c.StudyId, c.Algorithm);
    }

    private static FluoroscopyAcquired RequireAcquisition(ProcedureState state, Guid acquisitionId) =>
        Reject.NotNull(state.Acquisitions.FirstOrDefault(a => a.AcquisitionId == acquisitionId),
            "fluoroscopy.unknown", $"no fluoroscopy {acquisitionId} has been acquired");

    private static void CheckPicks(IEnumerable<ViewPixel> picks, FluoroscopyAcquired acquisition, string what)
    {
        foreach (var pick in picks)
        {
            Reject.Unless(pick.ViewIndex >= 0 && pick.ViewIndex < acquisition.Views.Count, "picks.unknown_view",
                $"{what}: view {pick.ViewIndex} does not exist (the acquisition has {acquisition.Views.Count})");
            Reject.Unless(double.IsFinite(pick.ColumnPx) && double.IsFinite(pick.RowPx) && pick.ColumnPx >= 0 && pick.RowPx >= 0,
                "picks.invalid", $"{what}: pixel ({pick.ColumnPx}, {pick.RowPx}) is not on the detector");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
