using CartLedger.Imaging.Phantom.Anatomy;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The seed's scar when none is requested, in proportions like a CRT population (about 40 % ischaemic): an infarct
/// in one coronary territory (LAD: anterior/anteroseptal, mid-apical; LCx: lateral, basal-mid; RCA: inferior,
/// basal-mid) over 3-7 neighbouring 36-segments with 25-100 % transmurality; a non-ischaemic mid-wall septal stripe;
/// or no scar.
/// </summary>
public static class ScarChooser
{
    public static IReadOnlyList<ScarSpec> Draw(int seed)
    {
        var r = new SeededRandom(seed, "scar choice");
        var kind = r.Uniform(0, 1);
        if (kind < 0.42)
        {
            (int[] Walls, int[] Levels) territory = r.Integer(0, 3) switch
            {
                0 => ([0, 1], [1, 2]),
                1 => ([4, 5], [0, 1]),
                _ => ([3, 2], [0, 1]),
            };
            var level = territory.Levels[r.Integer(0, territory.Levels.Length)];
            var sector = territory.Walls[0] * 2 + r.Integer(0, 2);
            var count = r.Integer(3, 8);
            var chosen = new SortedDictionary<int, ScarSpec>();
            var core = r.Uniform(50, 100);
            for (var n = 0; n < count; n++)
            {
                var dl = n == 0 ? 0 : r.Integer(-1, 2);
                var ds = n == 0 ? 0 : r.Integer(-2, 3);
                var l = Math.Clamp(level + dl, 0, 2);
                var s = ((sector + ds) % 12 + 12) % 12;
                var segment = l * 12 + s + 1;
                chosen.TryAdd(segment, new ScarSpec(segment, Math.Round(n == 0 ? core : r.Uniform(25, core)), ScarLayer.Subendocardial));
            }
            return [.. chosen.Values];
        }
        if (kind < 0.62)
        {
            var level = r.Integer(0, 2);
            return [.. Enumerable.Range(2, 4).Select(s => new ScarSpec(level * 12 + s + 1, Math.Round(r.Uniform(20, 40)), ScarLayer.MidWall))];
        }
        return [];
    }
}
