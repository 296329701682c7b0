namespace CartLedger.Imaging.Geometry;

/// <summary>
/// The geometry of one C-arm X-ray view as DICOM XA/RF describes it (PS3.3 C.8.7.5), in patient LPS.
/// Angles follow DICOM: primary angle positive towards LAO, secondary positive towards cranial.
/// </summary>
/// <param name="PrimaryAngleDeg">PositionerPrimaryAngle (0018,1510): LAO positive, RAO negative.</param>
/// <param name="SecondaryAngleDeg">PositionerSecondaryAngle (0018,1511): cranial positive, caudal negative.</param>
/// <param name="SourceToDetectorMm">DistanceSourceToDetector (0018,1110), SID.</param>
/// <param name="SourceToIsocenterMm">DistanceSourceToPatient (0018,1111), SOD: the source to the isocentre.</param>
/// <param name="DetectorPixelSpacingXMm">ImagerPixelSpacing (0018,1164)[1]: between columns, at the detector.</param>
/// <param name="DetectorPixelSpacingYMm">ImagerPixelSpacing (0018,1164)[0]: between rows, at the detector.</param>
/// <param name="Columns">Image width in pixels.</param>
/// <param name="Rows">Image height in pixels.</param>
/// <param name="IsocenterLps">The isocentre in patient LPS. Legacy XA files do not state it: then it is the
/// origin of the frame the model is posed in (SCIENCE.md section 8, "isocentering").</param>
public sealed record CArmGeometry(
    double PrimaryAngleDeg,
    double SecondaryAngleDeg,
    double SourceToDetectorMm,
    double SourceToIsocenterMm,
    double DetectorPixelSpacingXMm,
    double DetectorPixelSpacingYMm,
    int Columns,
    int Rows,
    Vec3 IsocenterLps)
{
    private double Alpha => PrimaryAngleDeg * Math.PI / 180.0;
    private double Beta => SecondaryAngleDeg * Math.PI / 180.0;

    /// <summary>Unit direction from the source to the detector: u = (sin a cos b, -cos a cos b, sin b).</summary>
    public Vec3 SourceToDetectorDirection => new(Math.Sin(Alpha) * Math.Cos(Beta), -Math.Cos(Alpha) * Math.Cos(Beta), Math.Sin(Beta));

    /// <summary>Unit direction in which the column index grows: e_c = (cos a, sin a, 0). In AP the patient's left is on screen right.</summary>
    public Vec3 ColumnDirection => new(Math.Cos(Alpha), Math.Sin(Alpha), 0);

    /// <summary>Unit direction in which the row index grows: e_r = sin b (sin a, -cos a, 0) - cos b (0, 0, 1). In AP, towards the feet.</summary>
    public Vec3 RowDirection => new Vec3(Math.Sin(Alpha), -Math.Cos(Alpha), 0) * Math.Sin(Beta) - Vec3.UnitZ * Math.Cos(Beta);

    /// <summary>The X-ray focal spot, S = C - SOD u.</summary>
    public Vec3 SourceLps => IsocenterLps - SourceToDetectorDirection * SourceToIsocenterMm;

    /// <summary>The centre of the detector, D = S + SID u.</summary>
    public Vec3 DetectorCentreLps => SourceLps + SourceToDetectorDirection * SourceToDetectorMm;

    /// <summary>The principal point: the detector centre, at ((Columns-1)/2, (Rows-1)/2) with pixel centres on integers.</summary>
    public Vec2 PrincipalPoint => new((Columns - 1) / 2.0, (Rows - 1) / 2.0);

    /// <summary>Magnification at the isocentre, SID / SOD (EstimatedRadiographicMagnificationFactor).</summary>
    public double MagnificationAtIsocenter => SourceToDetectorMm / SourceToIsocenterMm;

    /// <summary>The 3x4 projection matrix of this view. The one function that builds it; tested against the analytic pinhole model.</summary>
    public ProjectionMatrix ToProjectionMatrix() => ProjectionMatrix.FromCArm(this);

    /// <summary>The patient-space point of detector pixel (x, y): where a ray from the source ends.</summary>
    public Vec3 DetectorPixelToPatient(double x, double y)
    {
        var pp = PrincipalPoint;
        return DetectorCentreLps
            + ColumnDirection * ((x - pp.X) * DetectorPixelSpacingXMm)
            + RowDirection * ((y - pp.Y) * DetectorPixelSpacingYMm);
    }

    /// <summary>Angle between the beam directions of two views, degrees (for the >= 60 degree rule of two-view fusion).</summary>
    public double AngleBetweenViewsDeg(CArmGeometry other)
    {
        var cos = Math.Clamp(SourceToDetectorDirection.Dot(other.SourceToDetectorDirection), -1.0, 1.0);
        return Math.Acos(cos) * 180.0 / Math.PI;
    }
}
