using CartLedger.Cmr.Pixels;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// Bright regions at the epicardial border that do not reach the endocardial side are taken for epicardial fat, not
/// scar: fat is as bright as scar on LGE (brighter than the blood pool), and a contour a millimetre or two outside
/// the wall takes it in. Ischaemic scar grows from the endocardium outwards and mid-wall scar touches neither border,
/// so neither is touched by this rule; purely subepicardial scar (myocarditis) is, and an analyst adds it back by hand.
/// </summary>
public static class EpicardialFat
{
    private static readonly (int Dx, int Dy)[] Four = [(1, 0), (-1, 0), (0, 1), (0, -1)];

    /// <summary>The scar without its regions (8-connected) that touch the outer border of the myocardium but not its inner one.</summary>
    public static Mask2D Remove(Mask2D scar, Mask2D myocardium)
    {
        var cavity = Regions.FillHoles(myocardium).AndNot(myocardium);
        var result = new Mask2D(scar.Width, scar.Height);
        foreach (var region in Regions.Label(scar, eightConnected: true))
        {
            bool inner = false, outer = false;
            foreach (var i in region.PixelIndices)
            {
                foreach (var (dx, dy) in Four)
                {
                    int x = i % scar.Width + dx, y = i / scar.Width + dy;
                    if (x < 0 || y < 0 || x >= scar.Width || y >= scar.Height)
                    {
                        outer = true;
                        continue;
                    }
                    var n = y * scar.Width + x;
                    inner |= cavity.Bits[n] != 0;
                    outer |= myocardium.Bits[n] == 0 && cavity.Bits[n] == 0;
                }
            }
            if (inner || !outer)
            {
                foreach (var i in region.PixelIndices)
                {
                    result.Bits[i] = 1;
                }
            }
        }
        return result;
    }
}
