using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Imaging.Phantom.Acquisition;

/// <summary>
/// Where breathing has put the heart and the diaphragm during one fluoroscopy frame, relative to the CT/CMR
/// (breath-hold) position: the heart moves mostly cranio-caudally by a few millimetres and tilts by 1-2 degrees
/// (Shechter 2004: 4.9 +/- 1.9 mm, 1.5 +/- 0.9 degrees), the diaphragm moves about 1.4 times as far.
/// </summary>
public sealed record RespiratoryState(RigidTransform HeartPose, RigidTransform DiaphragmPose)
{
    public static RespiratoryState Draw(SeededRandom r, Vec3 heartCentre)
    {
        var shift = new Vec3(r.Uniform(-1.5, 1.5), r.Uniform(-2.5, 1.0), r.Uniform(-2, 9));
        var rotation = Mat3.FromEulerDeg(r.Uniform(-2, 2), r.Uniform(-1, 1), r.Uniform(-1.5, 1.5));
        var heart = RigidTransform.RotationAbout(heartCentre, rotation).Then(RigidTransform.FromTranslation(shift));
        var diaphragm = RigidTransform.FromTranslation(new Vec3(0, shift.Y * 0.5, shift.Z * 1.4));
        return new RespiratoryState(heart, diaphragm);
    }
}
