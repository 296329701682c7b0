using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Phantom;

namespace CartLedger.Cmr.Evaluation;

/// <summary>The phantom's true segment frame, to re-measure a result with the orientation error taken out.</summary>
public static class PhantomFrame
{
    /// <summary>
    /// The phantom's frame: theta 0 along Ex (anterior insertion), growing towards the septum by a right-handed turn about
    /// the apex direction -Ez.
    /// </summary>
    public static SegmentOrientation TrueOrientation(PhantomPatient patient)
    {
        var heart = patient.Truth.Heart;
        var t = heart.RvInsertionWidthDeg * Math.PI / 180;
        var inferior = heart.Ex * Math.Cos(t) + heart.Et * Math.Sin(t);
        return new SegmentOrientation(heart.Ex, inferior, heart.Ez * -1, "phantom truth");
    }

    /// <summary>True theta of a found anterior RV insertion direction, wrapped to (-180, 180]: 0 = exact.</summary>
    public static double OrientationErrorDeg(PhantomPatient patient, SegmentOrientation found)
    {
        var heart = patient.Truth.Heart;
        var anterior = found.AnteriorDirection;
        return Math.Atan2(anterior.Dot(heart.Et), anterior.Dot(heart.Ex)) * 180 / Math.PI;
    }
}
