using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Builds a slice stack from the frames of a series (PS3.3 C.7.6.2.1.1): every frame's plane from its own
/// position and orientation, one orientation and one pixel grid for the whole series, slices ordered by
/// position along the normal (never by file name or InstanceNumber), phases within a slice by TriggerTime,
/// and a uniform spacing derived from the positions.
/// </summary>
internal static class StackAssembler
{
    /// <summary>Planes whose directions differ by more than this are "mixed orientations".</summary>
    public const double OrientationToleranceDeg = 0.5;

    /// <summary>Images closer than this along the normal share a slice position (cine phases).</summary>
    public const double SamePositionToleranceMm = 0.01;

    internal sealed record Result(StackContent? Content, IReadOnlyList<string> OrderedFiles, IReadOnlyList<DicomProblem> Problems);

    private sealed record Frame(DicomHeader Header, SlicePlane Plane, Image2D Image, double? TriggerTimeMs)
    {
        public string File => Header.Path;

        public double Position(Vec3 normal) => Plane.Origin.Dot(normal);
    }

    public static Result Assemble(IReadOnlyList<DicomImage> images)
    {
        var frames = new List<Frame>();
        var problems = new List<DicomProblem>();
        foreach (var image in images)
        {
            if (!DicomPlaneReader.TryReadFramePlanes(image.Header, out var planes, out var problem))
            {
                problems.Add(problem);
                continue;
            }
            for (var f = 0; f < planes.Count; f++)
            {
                frames.Add(new Frame(image.Header, planes[f], image.Frames[f], TriggerTime(image.Header, f)));
            }
        }
        if (problems.Count > 0)
        {
            return Fail(problems);
        }
        var reference = frames[0];
        foreach (var frame in frames)
        {
            if (!frame.Plane.IsParallelTo(reference.Plane, OrientationToleranceDeg))
            {
                return Fail(new DicomProblem(frame.File, DicomTags.ImageOrientationPatient,
                    $"mixed orientations in one series: X {frame.Plane.XAxis}, Y {frame.Plane.YAxis} here but X {reference.Plane.XAxis}, Y {reference.Plane.YAxis} in {reference.File}"));
            }
            if (frame.Image.Width != reference.Image.Width || frame.Image.Height != reference.Image.Height)
            {
                return Fail(new DicomProblem(frame.File, DicomTags.Rows, $"mixed image sizes in one series: {frame.Image.Width}x{frame.Image.Height} here, {reference.Image.Width}x{reference.Image.Height} in {reference.File}"));
            }
            if (!Close(frame.Plane.XSpacingMm, reference.Plane.XSpacingMm) || !Close(frame.Plane.YSpacingMm, reference.Plane.YSpacingMm))
            {
                return Fail(new DicomProblem(frame.File, DicomTags.PixelSpacing, $"mixed pixel spacings in one series: {frame.Plane.YSpacingMm}\\{frame.Plane.XSpacingMm} here, {reference.Plane.YSpacingMm}\\{reference.Plane.XSpacingMm} in {reference.File}"));
            }
        }
        return Build(frames, reference.Plane.Normal);
    }

    private static Result Build(List<Frame> frames, Vec3 normal)
    {
        var positions = frames.OrderBy(f => f.Position(normal)).ThenBy(f => f.TriggerTimeMs ?? 0).ThenBy(f => f.File, StringComparer.Ordinal).ToList();
        var groups = new List<List<Frame>>();
        foreach (var frame in positions)
        {
            if (groups.Count > 0 && frame.Position(normal) - groups[^1][0].Position(normal) <= SamePositionToleranceMm)
            {
                groups[^1].Add(frame);
            }
            else
            {
                groups.Add([frame]);
            }
        }
        var phases = groups[0].Count;
        foreach (var group in groups)
        {
            if (group.Count != phases)
            {
                return Fail(new DicomProblem(group[0].File, DicomTags.ImagePositionPatient,
                    $"uneven stack: {group.Count} images at position {group[0].Position(normal):0.###} mm along the normal, {phases} at {groups[0][0].Position(normal):0.###} mm ({groups[0][0].File})"));
            }
            if (phases > 1)
            {
                if (group.FirstOrDefault(f => f.TriggerTimeMs is null) is { } untimed)
                {
                    return Fail(new DicomProblem(untimed.File, DicomTags.TriggerTime, $"missing, but {phases} images share position {untimed.Position(normal):0.###} mm: phases cannot be ordered"));
                }
                for (var p = 1; p < group.Count; p++)
                {
                    if (group[p].TriggerTimeMs == group[p - 1].TriggerTimeMs)
                    {
                        return Fail(new DicomProblem(group[p].File, DicomTags.TriggerTime, $"{group[p].TriggerTimeMs} ms also in {group[p - 1].File} at the same position: duplicate phase"));
                    }
                }
            }
        }
        if (SpacingProblem(groups, normal) is { } spacingProblem)
        {
            return Fail(spacingProblem);
        }
        var spacing = groups.Count > 1 ? (groups[^1][0].Position(normal) - groups[0][0].Position(normal)) / (groups.Count - 1) : SingleSliceSpacing(groups[0][0]);
        var slices = groups.Select(g => new CineSlice(g[0].Plane, g.Select(f => f.Image).ToList(), g.Select(f => f.TriggerTimeMs ?? 0).ToList(), g.Select(f => f.Header.SopInstanceUid ?? "").ToList())).ToList();
        var firstPlane = groups[0][0].Plane;
        var geometry = new VolumeGeometry(groups[0][0].Image.Width, groups[0][0].Image.Height, groups.Count, firstPlane.Origin, firstPlane.XAxis, firstPlane.YAxis, normal,
            new Vec3(firstPlane.XSpacingMm, firstPlane.YSpacingMm, spacing));
        var volume = new Volume(geometry);
        var sliceLength = geometry.SizeI * geometry.SizeJ;
        for (var k = 0; k < groups.Count; k++)
        {
            groups[k][0].Image.Pixels.CopyTo(volume.Voxels, k * sliceLength);
        }
        var header = frames[0].Header;
        var stack = new CineStack(header.SeriesInstanceUid ?? "", header.FrameOfReferenceUid ?? "", slices);
        return new Result(new StackContent(stack, volume, spacing), groups.SelectMany(g => g.Select(f => f.File)).Distinct().ToList(), []);
    }

    /// <summary>Uniform spacing along the normal, and slices stacked along it (no in-plane shear such as gantry tilt).</summary>
    private static DicomProblem? SpacingProblem(List<List<Frame>> groups, Vec3 normal)
    {
        if (groups.Count < 2)
        {
            return null;
        }
        var gaps = new double[groups.Count - 1];
        for (var k = 1; k < groups.Count; k++)
        {
            gaps[k - 1] = groups[k][0].Position(normal) - groups[k - 1][0].Position(normal);
        }
        var mean = gaps.Average();
        var tolerance = Math.Max(0.05, 0.02 * mean);
        for (var k = 0; k < gaps.Length; k++)
        {
            if (Math.Abs(gaps[k] - mean) > tolerance)
            {
                return new DicomProblem(groups[k + 1][0].File, DicomTags.ImagePositionPatient,
                    $"inconsistent slice spacing: {gaps[k]:0.###} mm from {groups[k][0].File}, {mean:0.###} mm on average (tolerance {tolerance:0.###} mm)");
            }
            var shift = groups[k + 1][0].Plane.Origin - groups[k][0].Plane.Origin - normal * gaps[k];
            if (shift.Length > tolerance)
            {
                return new DicomProblem(groups[k + 1][0].File, DicomTags.ImagePositionPatient,
                    $"slices are not stacked along their normal: shifted {shift.Length:0.###} mm in-plane from {groups[k][0].File} (gantry tilt or a moved field of view is not supported)");
            }
        }
        return null;
    }

    /// <summary>One slice has no neighbour to measure from: SpacingBetweenSlices, else SliceThickness, else 1 mm.</summary>
    private static double SingleSliceSpacing(Frame frame) =>
        frame.Header.Decimal(DicomTags.SpacingBetweenSlices) is > 0 and var spacing ? spacing
        : frame.Header.Decimal(DicomTags.SliceThickness) is > 0 and var thickness ? thickness
        : 1.0;

    private static double? TriggerTime(DicomHeader header, int frame)
    {
        if (header.HasFunctionalGroups)
        {
            var perFrame = header.Attributes.Items(DicomTags.PerFrameFunctionalGroupsSequence);
            var shared = header.Attributes.FirstItem(DicomTags.SharedFunctionalGroupsSequence) ?? DicomAttributes.Empty;
            var sync = DicomPlaneReader.Group(frame < perFrame.Count ? perFrame[frame] : DicomAttributes.Empty, shared, DicomTags.CardiacSynchronizationSequence);
            if (DicomHeader.Decimal(sync, DicomTags.NominalCardiacTriggerDelayTime) is { } delay)
            {
                return delay;
            }
        }
        return header.TriggerTimeMs;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(a));

    private static Result Fail(params IReadOnlyList<DicomProblem> problems) => new(null, [], problems);
}
