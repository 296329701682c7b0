using CartLedger.Imaging.Geometry;
using MathNet.Numerics.LinearAlgebra;

namespace CartLedger.Registration.Landmarks;

/// <summary>The least-squares rigid transform between paired 3D points (Kabsch/Umeyama SVD, reflection excluded).</summary>
public static class Kabsch
{
    public static RigidTransform Fit(IReadOnlyList<(Vec3 Model, Vec3 Patient)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var modelCentre = LandmarkFusion.Centroid(pairs.Select(p => p.Model));
        var patientCentre = LandmarkFusion.Centroid(pairs.Select(p => p.Patient));
        var h = Matrix<double>.Build.Dense(3, 3);
        foreach (var (model, patient) in pairs)
        {
            var a = model - modelCentre;
            var b = patient - patientCentre;
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    h[i, j] += a[i] * b[j];
                }
            }
        }
        var svd = h.Svd(computeVectors: true);
        var v = svd.VT.Transpose();
        var u = svd.U;
        var d = Math.Sign((v * u.Transpose()).Determinant());
        var correction = Matrix<double>.Build.DiagonalOfDiagonalArray([1, 1, d == 0 ? 1 : d]);
        var r = v * correction * u.Transpose();
        var rotation = new Mat3(r[0, 0], r[0, 1], r[0, 2], r[1, 0], r[1, 1], r[1, 2], r[2, 0], r[2, 1], r[2, 2]);
        return new RigidTransform(rotation, patientCentre - rotation * modelCentre);
    }
}
