namespace CartLedger.Domain.Segments;

/// <summary>
/// A half-open arc [StartDeg, StartDeg + WidthDeg) of theta (SegmentConventions), in whole degrees: every boundary
/// of the three models is a multiple of 15 deg, so integer arithmetic keeps adjacency exact.
/// </summary>
public readonly record struct AngularRange
{
    public AngularRange(int startDeg, int widthDeg)
    {
        if (widthDeg is <= 0 or > 360)
        {
            throw new ArgumentOutOfRangeException(nameof(widthDeg), widthDeg, "width must be in (0, 360] degrees");
        }
        StartDeg = ((startDeg % 360) + 360) % 360;
        WidthDeg = widthDeg;
    }

    public int StartDeg { get; }

    public int WidthDeg { get; }

    public int EndDeg => StartDeg + WidthDeg;

    public static AngularRange FullCircle { get; } = new(0, 360);

    /// <summary>Centre of the arc, in [0, 360).</summary>
    public double CentreDeg => (StartDeg + WidthDeg / 2.0) % 360.0;

    /// <summary>True when theta (any finite value, normalised) lies in the half-open arc.</summary>
    public bool Contains(double angleDeg)
    {
        var offset = SegmentConventions.NormaliseAngle(angleDeg - StartDeg);
        return offset < WidthDeg;
    }

    /// <summary>Length in degrees of the intersection of two arcs (0 when they only touch).</summary>
    public int OverlapDeg(AngularRange other)
    {
        var total = 0;
        for (var shift = -360; shift <= 360; shift += 360)
        {
            var lo = Math.Max(StartDeg, other.StartDeg + shift);
            var hi = Math.Min(EndDeg, other.EndDeg + shift);
            total += Math.Max(0, hi - lo);
        }
        return Math.Min(total, Math.Min(WidthDeg, other.WidthDeg));
    }

    /// <summary>True when the arcs share an end point (they touch), whether or not they overlap.</summary>
    public bool Touches(AngularRange other) =>
        WidthDeg < 360 && other.WidthDeg < 360 && (EndDeg % 360 == other.StartDeg || other.EndDeg % 360 == StartDeg);
}
