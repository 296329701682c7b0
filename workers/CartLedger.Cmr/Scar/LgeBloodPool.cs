using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Pixels;
using CartLedger.Cmr.Segmentation;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// The LV blood pool that LGE enhancement is judged against, kept 2 mm away from the wall so that neither
/// partial volume with the dark myocardium nor a bright subendocardial scar moves its level.
/// </summary>
public static class LgeBloodPool
{
    private const double InsetMm = 2;

    /// <summary>Inside the endocardial contour, by the inset.</summary>
    public static Mask2D Of(SliceContours contours, int width, int height) =>
        Morphology.Erode(contours.BloodPoolMask(width, height), contours.Endocardium.Grid, InsetMm);

    /// <summary>What a myocardium mask encloses (its holes), by the inset: for a mask given without contours (empty when the ring is open).</summary>
    public static Mask2D EnclosedBy(Mask2D myocardium, PixelGrid grid) =>
        Morphology.Erode(Regions.FillHoles(myocardium).AndNot(myocardium), grid, InsetMm);
}
