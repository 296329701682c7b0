namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// Scar as a density (0-1) over the wall: between an inner and an outer transmural edge (fractions of the wall from
/// the endocardium), blurred across segment borders, with an irregular border, a grey zone of
/// <see cref="GreyZoneMm"/> at every edge and patchy density inside. Density >= 0.5 is what the truth calls scar.
/// </summary>
public sealed class ScarModel
{
    private const double Open = 1e-3;

    public ScarModel(RegionalGrid innerEdge, RegionalGrid outerEdge, SmoothNoise patchiness, double greyZoneMm)
    {
        InnerEdge = innerEdge;
        OuterEdge = outerEdge;
        Patchiness = patchiness;
        GreyZoneMm = greyZoneMm;
        IsEmpty = outerEdge.Max() <= Open;
    }

    public RegionalGrid InnerEdge { get; }
    public RegionalGrid OuterEdge { get; }
    public SmoothNoise Patchiness { get; }
    public double GreyZoneMm { get; }
    public bool IsEmpty { get; }

    public static ScarModel None(SmoothNoise noise) => new(RegionalGrid.From((_, _) => 0), RegionalGrid.From((_, _) => 0), noise, 2);

    /// <summary>Scar density at a transmural depth (0 endocardium .. 1 epicardium) of a wall <paramref name="wallMm"/> thick.</summary>
    public double Density(double s, double thetaDeg, double depth, double wallMm)
    {
        if (IsEmpty)
        {
            return 0;
        }
        var outer = OuterEdge[s, thetaDeg];
        if (outer <= Open)
        {
            return 0;
        }
        var inner = InnerEdge[s, thetaDeg];
        var fromInner = inner <= Open ? double.PositiveInfinity : (depth - inner) * wallMm;
        var toOuter = outer >= 1 - Open ? double.PositiveInfinity : (outer - depth) * wallMm;
        var density = Math.Clamp(0.5 + Math.Min(fromInner, toOuter) / GreyZoneMm, 0.0, 1.0);
        return density * (0.82 + 0.18 * Patchiness[s * 3.1, thetaDeg * 2.3]);
    }

    /// <summary>
    /// Builds the fields from per-segment requests: each grid node takes its segment's request, the fields are blurred
    /// by 3 mm over the wall (so neighbouring scarred segments merge without a dip at their border), and the
    /// border is made irregular with smooth noise.
    /// </summary>
    public static ScarModel FromSpecs(IReadOnlyList<ScarSpec> specs, LvGeometry lv, SmoothNoise border, SmoothNoise patchiness)
    {
        if (specs.Count == 0)
        {
            return None(patchiness);
        }
        var bySegment = specs.ToDictionary(s => s.Segment36);
        double InnerOf(ScarSpec? spec) => spec is null ? 0 : spec.Layer switch
        {
            ScarLayer.Subendocardial => 0,
            ScarLayer.MidWall => 0.5 - spec.TransmuralityPercent / 200,
            _ => 1 - spec.TransmuralityPercent / 100,
        };
        double OuterOf(ScarSpec? spec) => spec is null ? 0 : spec.Layer switch
        {
            ScarLayer.Subendocardial => spec.TransmuralityPercent / 100,
            ScarLayer.MidWall => 0.5 + spec.TransmuralityPercent / 200,
            _ => 1,
        };
        ScarSpec? At(double s, double theta) => bySegment.GetValueOrDefault(Segments.SegmentLabels.Segment36(Math.Min(s, 0.999), theta));
        double Radius(double s) => lv.EndoRadius(lv.HeightAt(s), 0) + lv.WallMm / 2;
        const double BlurMm = 3.0;
        var outer = RegionalGrid.From((s, t) => OuterOf(At(s, t))).Blurred(BlurMm, lv.CavityLengthMm, Radius);
        var presence = RegionalGrid.From((s, t) => At(s, t) is null ? 0 : 1).Blurred(BlurMm, lv.CavityLengthMm, Radius);
        var inner = RegionalGrid.From((s, t) => At(s, t) is { } spec ? InnerOf(spec) : 0.5).Blurred(BlurMm, lv.CavityLengthMm, Radius);
        // Irregular lateral border: where the blurred presence is near 1/2, noise decides.
        var irregularOuter = outer.Map((v, s, t) =>
        {
            var p = presence[s, t] + 0.22 * border[s, t];
            return p < 0.5 ? 0 : Math.Clamp(v * (1 + 0.12 * border[s * 1.7, t + 40]), 0, 1);
        });
        var midWallOnly = specs.All(s => s.Layer != ScarLayer.Subendocardial);
        var innerEdge = midWallOnly ? inner : RegionalGrid.From((s, t) => At(s, t) is { Layer: not ScarLayer.Subendocardial } spec ? InnerOf(spec) : 0);
        return new ScarModel(innerEdge, irregularOuter, patchiness, 2.0);
    }
}
