namespace CartLedger.Domain.Segments;

/// <summary>The three segment models CartLedger reports in (SCIENCE.md 5). The value is the number of numbered segments.</summary>
public enum SegmentModelKind
{
    /// <summary>AHA 17 (Cerqueira 2002): basal and mid 6 x 60 deg, apical 4 x 90 deg, 17 = apical cap.</summary>
    Aha17 = 17,

    /// <summary>18 segments: six 60 deg sectors at each of the three levels, AHA names; the apical cap is unnumbered.</summary>
    Eighteen = 18,

    /// <summary>36 segments (seed 2): the 18-segment model with every segment halved; the apical cap is unnumbered.</summary>
    ThirtySix = 36,
}

/// <summary>Level of a segment along the long axis, base to apex.</summary>
public enum SegmentLevel
{
    Basal,
    Mid,
    Apical,

    /// <summary>Myocardium beyond the end of the cavity: analysed, never a lead target (seed 2).</summary>
    ApicalCap,
}

/// <summary>
/// The wall a segment belongs to, in AHA wording. <see cref="Septal"/> and <see cref="Lateral"/> occur only in the
/// 90 deg apical sectors of AHA 17; <see cref="Cap"/> only for the apical cap.
/// </summary>
public enum Wall
{
    Anterior,
    Anteroseptal,
    Inferoseptal,
    Inferior,
    Inferolateral,
    Anterolateral,
    Septal,
    Lateral,
    Cap,
}
