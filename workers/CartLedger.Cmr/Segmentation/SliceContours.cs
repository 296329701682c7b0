using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Segmentation;

/// <summary>
/// The endocardium and epicardium of one short-axis image. Both share one centre and one set of rays, so ray k
/// of each is the same radial chord through the wall (used by wall thickness, transmurality and strain).
/// </summary>
public sealed record SliceContours(PolarContour Endocardium, PolarContour Epicardium)
{
    public Mask2D BloodPoolMask(int width, int height) => Endocardium.Rasterize(width, height);

    public Mask2D EpicardialMask(int width, int height) => Epicardium.Rasterize(width, height);

    /// <summary>The myocardium: inside the epicardium and outside the endocardium.</summary>
    public Mask2D MyocardiumMask(int width, int height) => EpicardialMask(width, height).AndNot(BloodPoolMask(width, height));

    public double WallThicknessMm(int ray) => Epicardium.RadiiMm[ray] - Endocardium.RadiiMm[ray];
}
