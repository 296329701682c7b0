using System.Diagnostics.CodeAnalysis;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Where each frame of a file lies in patient LPS (PS3.3 C.7.6.2.1.1): from ImagePositionPatient,
/// ImageOrientationPatient and PixelSpacing, or for enhanced multi-frame objects from the Plane Position,
/// Plane Orientation and Pixel Measures functional groups (per frame, else shared).
/// </summary>
public static class DicomPlaneReader
{
    /// <summary>Direction cosines must be unit length and orthogonal to this tolerance.</summary>
    public const double OrientationTolerance = 1e-3;

    /// <summary>The plane of every frame, or the first problem met (naming file and tag).</summary>
    public static bool TryReadFramePlanes(DicomHeader header, [NotNullWhen(true)] out IReadOnlyList<SlicePlane>? planes, [NotNullWhen(false)] out DicomProblem? problem)
    {
        planes = null;
        if (!header.HasFunctionalGroups)
        {
            if (header.NumberOfFrames > 1)
            {
                problem = new DicomProblem(header.Path, DicomTags.NumberOfFrames, $"{header.NumberOfFrames} frames but no per-frame positions (PerFrameFunctionalGroupsSequence)");
                return false;
            }
            if (!TryReadPlane(header.Attributes, header.Attributes, header.Attributes, header.Path, out var plane, out problem))
            {
                return false;
            }
            planes = [plane];
            return true;
        }
        var shared = header.Attributes.FirstItem(DicomTags.SharedFunctionalGroupsSequence) ?? DicomAttributes.Empty;
        var perFrame = header.Attributes.Items(DicomTags.PerFrameFunctionalGroupsSequence);
        if (perFrame.Count != header.NumberOfFrames)
        {
            problem = new DicomProblem(header.Path, DicomTags.PerFrameFunctionalGroupsSequence, $"has {perFrame.Count} items for {header.NumberOfFrames} frames");
            return false;
        }
        var result = new List<SlicePlane>(perFrame.Count);
        foreach (var frame in perFrame)
        {
            var position = Group(frame, shared, DicomTags.PlanePositionSequence);
            var orientation = Group(frame, shared, DicomTags.PlaneOrientationSequence);
            var measures = Group(frame, shared, DicomTags.PixelMeasuresSequence);
            if (!TryReadPlane(position, orientation, measures, header.Path, out var plane, out problem))
            {
                return false;
            }
            result.Add(plane);
        }
        planes = result;
        problem = null;
        return true;
    }

    /// <summary>The plane of a single-frame image.</summary>
    public static bool TryReadPlane(DicomHeader header, [NotNullWhen(true)] out SlicePlane? plane, [NotNullWhen(false)] out DicomProblem? problem)
    {
        plane = null;
        if (!TryReadFramePlanes(header, out var planes, out problem))
        {
            return false;
        }
        plane = planes[0];
        return true;
    }

    /// <summary>A functional group macro's item: the frame's own, else the shared one, else empty.</summary>
    internal static DicomAttributes Group(DicomAttributes frame, DicomAttributes shared, DicomTag sequence) =>
        frame.FirstItem(sequence) ?? shared.FirstItem(sequence) ?? DicomAttributes.Empty;

    private static bool TryReadPlane(DicomAttributes position, DicomAttributes orientation, DicomAttributes measures, string file, [NotNullWhen(true)] out SlicePlane? plane, [NotNullWhen(false)] out DicomProblem? problem)
    {
        plane = null;
        if (!DicomValues.TryDecimals(position, DicomTags.ImagePositionPatient, 3, file, out var ipp, out problem)
            || !DicomValues.TryDecimals(orientation, DicomTags.ImageOrientationPatient, 6, file, out var iop, out problem)
            || !DicomValues.TryPositive(measures, DicomTags.PixelSpacing, 2, file, out var spacing, out problem))
        {
            return false;
        }
        var x = new Vec3(iop[0], iop[1], iop[2]);
        var y = new Vec3(iop[3], iop[4], iop[5]);
        if (Math.Abs(x.Length - 1) > OrientationTolerance || Math.Abs(y.Length - 1) > OrientationTolerance || Math.Abs(x.Dot(y)) > OrientationTolerance)
        {
            problem = new DicomProblem(file, DicomTags.ImageOrientationPatient, $"is not two orthonormal directions: {x} and {y}");
            return false;
        }
        // Re-orthonormalise: values stored with 6 decimals drift by ~1e-6, which would bias long stacks.
        var xUnit = x.Normalized();
        var yUnit = (y - xUnit * xUnit.Dot(y)).Normalized();
        plane = new SlicePlane(new Vec3(ipp[0], ipp[1], ipp[2]), xUnit, yUnit, spacing[1], spacing[0]);
        return true;
    }
}
