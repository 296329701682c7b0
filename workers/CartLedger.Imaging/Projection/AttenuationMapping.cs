namespace CartLedger.Imaging.Projection;

/// <summary>
/// Spectrum-free linear attenuation from CT numbers: mu = muWater (1 + HU/1000) for soft tissue and
/// mu = muWater (1 + HighDensityScale HU/1000) above 0 HU, never below zero. One effective energy, no beam
/// hardening and no scatter: the simplest model that gives line integrals a physical unit (mm x 1/mm).
/// </summary>
/// <param name="WaterPerMm">mu of water at the effective energy, 1/mm. 0.0206 is water at ~60 keV (NIST XCOM),
/// a typical effective energy of a filtered 70-80 kVp fluoroscopy beam.</param>
/// <param name="HighDensityScale">Relative weight of positive HU (bone, iodine): at fluoroscopy energies below the CT's
/// effective energy, bone attenuates relatively more, so values slightly above 1 are realistic.</param>
public sealed record AttenuationMapping(double WaterPerMm = 0.0206, double HighDensityScale = 1.25)
{
    public static AttenuationMapping Default { get; } = new();

    /// <summary>mu (1/mm) of one CT number; the same float arithmetic as the vectorised path, so results never depend on the SIMD width.</summary>
    public float MuPerMm(float hu)
    {
        var slope = hu >= 0f ? (float)(WaterPerMm * HighDensityScale / 1000.0) : (float)(WaterPerMm / 1000.0);
        return Math.Max((float)WaterPerMm + hu * slope, 0f);
    }

    /// <summary>The HU volume converted to mu (1/mm), vectorised over the voxels.</summary>
    public float[] ToMu(ReadOnlySpan<float> hu)
    {
        var mu = new float[hu.Length];
        var soft = (float)(WaterPerMm / 1000.0);
        var dense = (float)(WaterPerMm * HighDensityScale / 1000.0);
        var water = (float)WaterPerMm;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            var vSoft = new System.Numerics.Vector<float>(soft);
            var vDense = new System.Numerics.Vector<float>(dense);
            var vWater = new System.Numerics.Vector<float>(water);
            for (; i <= hu.Length - width; i += width)
            {
                var h = new System.Numerics.Vector<float>(hu.Slice(i, width));
                var slope = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThanOrEqual(h, System.Numerics.Vector<float>.Zero), vDense, vSoft);
                System.Numerics.Vector.Max(vWater + h * slope, System.Numerics.Vector<float>.Zero).CopyTo(mu.AsSpan(i, width));
            }
        }
        for (; i < hu.Length; i++)
        {
            mu[i] = MuPerMm(hu[i]);
        }
        return mu;
    }
}
