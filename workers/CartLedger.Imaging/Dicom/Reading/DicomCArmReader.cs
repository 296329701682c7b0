using System.Diagnostics.CodeAnalysis;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The C-arm geometry of an XA/RF file (PS3.3 C.8.7.5, C.8.19.6): PositionerPrimaryAngle (LAO +),
/// PositionerSecondaryAngle (cranial +), DistanceSourceToDetector (SID), DistanceSourceToPatient (SOD, the
/// isocentre) and ImagerPixelSpacing (at the detector). When SOD is absent but
/// EstimatedRadiographicMagnificationFactor is present, SOD = SID / factor. Legacy XA does not place the
/// isocentre in patient space: it is the origin (SCIENCE.md section 8, "isocentering").
/// </summary>
public static class DicomCArmReader
{
    /// <summary>The geometry of every frame (the same for all: PositionerMotion DYNAMIC is rejected).</summary>
    public static bool TryReadFrames(DicomHeader header, [NotNullWhen(true)] out IReadOnlyList<CArmGeometry>? frames, [NotNullWhen(false)] out DicomProblem? problem)
    {
        frames = null;
        var a = header.Attributes;
        var file = header.Path;
        if (!DicomValues.TryDecimals(a, DicomTags.PositionerPrimaryAngle, 1, file, out var primary, out problem)
            || !DicomValues.TryDecimals(a, DicomTags.PositionerSecondaryAngle, 1, file, out var secondary, out problem)
            || !DicomValues.TryPositive(a, DicomTags.DistanceSourceToDetector, 1, file, out var sid, out problem)
            || !DicomValues.TryPositive(a, DicomTags.ImagerPixelSpacing, 2, file, out var pixelSpacing, out problem))
        {
            return false;
        }
        if (!TrySourceToIsocenter(header, sid[0], out var sod, out problem))
        {
            return false;
        }
        if (header.Rows <= 0 || header.Columns <= 0)
        {
            problem = new DicomProblem(file, DicomTags.Rows, "the image has no rows or columns");
            return false;
        }
        if (primary[0] is < -180 or > 180 || secondary[0] is < -90 or > 90)
        {
            problem = new DicomProblem(file, primary[0] is < -180 or > 180 ? DicomTags.PositionerPrimaryAngle : DicomTags.PositionerSecondaryAngle,
                $"angle out of range: primary {primary[0]} (-180..180), secondary {secondary[0]} (-90..90)");
            return false;
        }
        // A rotational run moves the C-arm during acquisition; CRT guidance uses static views only.
        if (a.Text(DicomTags.PositionerMotion)?.Trim().Equals("DYNAMIC", StringComparison.OrdinalIgnoreCase) == true)
        {
            problem = new DicomProblem(file, DicomTags.PositionerMotion, "DYNAMIC (rotational) acquisitions are not supported; static views only");
            return false;
        }
        var geometry = new CArmGeometry(
            primary[0], secondary[0], sid[0], sod,
            DetectorPixelSpacingXMm: pixelSpacing[1], DetectorPixelSpacingYMm: pixelSpacing[0],
            header.Columns, header.Rows, Vec3.Zero);
        frames = Enumerable.Repeat(geometry, header.NumberOfFrames).ToArray();
        return true;
    }

    /// <summary>The geometry of the first frame.</summary>
    public static bool TryRead(DicomHeader header, [NotNullWhen(true)] out CArmGeometry? geometry, [NotNullWhen(false)] out DicomProblem? problem)
    {
        geometry = null;
        if (!TryReadFrames(header, out var frames, out problem))
        {
            return false;
        }
        geometry = frames[0];
        return true;
    }

    private static bool TrySourceToIsocenter(DicomHeader header, double sid, out double sod, [NotNullWhen(false)] out DicomProblem? problem)
    {
        var a = header.Attributes;
        if (a.Has(DicomTags.DistanceSourceToPatient) || !a.Has(DicomTags.EstimatedRadiographicMagnificationFactor))
        {
            var ok = DicomValues.TryPositive(a, DicomTags.DistanceSourceToPatient, 1, header.Path, out var values, out problem);
            sod = ok ? values![0] : 0;
            if (ok && sod >= sid)
            {
                problem = new DicomProblem(header.Path, DicomTags.DistanceSourceToPatient, $"{sod} mm is not shorter than DistanceSourceToDetector {sid} mm");
                return false;
            }
            return ok;
        }
        if (!DicomValues.TryPositive(a, DicomTags.EstimatedRadiographicMagnificationFactor, 1, header.Path, out var factor, out problem) || factor[0] <= 1)
        {
            problem ??= new DicomProblem(header.Path, DicomTags.EstimatedRadiographicMagnificationFactor, $"must exceed 1, got {factor![0]}");
            sod = 0;
            return false;
        }
        sod = sid / factor[0];
        return true;
    }
}
