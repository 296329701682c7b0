namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Decides what one series is and builds it: CT and MR must form a stack with full geometry, XA and RF must
/// carry C-arm geometry, other images are kept as images. Any problem rejects the whole series.
/// </summary>
internal static class SeriesAssembler
{
    private static readonly HashSet<string> StackModalities = ["CT", "MR"];
    private static readonly HashSet<string> XRayModalities = ["XA", "RF"];

    public static SeriesOutcome Assemble(string seriesUid, IReadOnlyList<DicomFileResult> files)
    {
        var first = files[0].Header!;
        var modality = first.Modality;
        var description = first.SeriesDescription;
        var paths = files.Select(f => f.Path).ToList();
        var undecoded = files.Where(f => f.Image is null).Select(f => f.Problem ?? new DicomProblem(f.Path, DicomTags.PixelData, "pixels not decoded")).ToList();
        if (undecoded.Count > 0)
        {
            return new RejectedSeries(seriesUid, modality, description, paths, undecoded);
        }
        var images = files.Select(f => f.Image!).ToList();
        var isSegmentation = first.SopClassUid is SopClasses.Segmentation;
        if (XRayModalities.Contains(modality))
        {
            return AssembleXRay(seriesUid, modality, description, paths, images);
        }
        if (!isSegmentation && (StackModalities.Contains(modality) || images.All(HasPatientGeometry)))
        {
            var stack = StackAssembler.Assemble(images);
            return stack.Problems.Count > 0
                ? new RejectedSeries(seriesUid, modality, description, paths, stack.Problems)
                : new LoadedSeries(seriesUid, modality, description, stack.OrderedFiles, stack.Content!);
        }
        return new LoadedSeries(seriesUid, modality, description, paths, new ImagesContent(images));
    }

    private static SeriesOutcome AssembleXRay(string seriesUid, string modality, string description, List<string> paths, List<DicomImage> images)
    {
        var runs = new List<XRayRun>();
        var problems = new List<DicomProblem>();
        foreach (var image in images)
        {
            if (DicomCArmReader.TryRead(image.Header, out var geometry, out var problem))
            {
                runs.Add(new XRayRun(image, geometry));
            }
            else
            {
                problems.Add(problem);
            }
        }
        return problems.Count > 0
            ? new RejectedSeries(seriesUid, modality, description, paths, problems)
            : new LoadedSeries(seriesUid, modality, description, paths, new XRayContent(runs));
    }

    private static bool HasPatientGeometry(DicomImage image) =>
        !image.IsColour && (image.Header.Attributes.Has(DicomTags.ImagePositionPatient) || image.Header.HasFunctionalGroups);
}
