using System.Globalization;

namespace CartLedger.Domain.Segments;

/// <summary>
/// One segment of one model, validated on construction: 1-17 in AHA 17 (17 = apical cap), 1-18 or 1-36 in the
/// 18- and 36-segment models, where the apical cap (analysed, never a target) has the number
/// <see cref="CapNumberOf"/> = 0. Carrying the model with the number makes it impossible to compare an 18-segment
/// number with a 36-segment one by accident.
/// </summary>
public readonly record struct SegmentId
{
    public SegmentId(SegmentModelKind model, int number)
    {
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "unknown segment model");
        }
        var max = (int)model;
        if (number < 0 || number > max || (number == 0 && model == SegmentModelKind.Aha17))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number,
                $"segment {number} does not exist in the {Describe(model)} model (1-{max}{(model == SegmentModelKind.Aha17 ? "" : ", 0 = apical cap")})");
        }
        Model = model;
        Number = number;
    }

    public SegmentModelKind Model { get; }

    public int Number { get; }

    public bool IsApicalCap => Number == CapNumberOf(Model);

    /// <summary>The number of the apical cap: 17 in AHA 17, 0 (unnumbered) in the 18- and 36-segment models.</summary>
    public static int CapNumberOf(SegmentModelKind model) => model == SegmentModelKind.Aha17 ? 17 : 0;

    public static SegmentId Aha17(int number) => new(SegmentModelKind.Aha17, number);

    public static SegmentId Of18(int number) => new(SegmentModelKind.Eighteen, number);

    public static SegmentId Of36(int number) => new(SegmentModelKind.ThirtySix, number);

    public static SegmentId ApicalCap(SegmentModelKind model) => new(model, CapNumberOf(model));

    /// <summary>Throws when this segment is not of <paramref name="expected"/>; names the parameter.</summary>
    public SegmentId Require(SegmentModelKind expected, string parameterName)
    {
        if (Model != expected)
        {
            throw new ArgumentException($"{parameterName}: expected a segment of the {Describe(expected)} model, got {this}", parameterName);
        }
        return this;
    }

    public static string Describe(SegmentModelKind model) => model switch
    {
        SegmentModelKind.Aha17 => "AHA 17-segment",
        SegmentModelKind.Eighteen => "18-segment",
        _ => "36-segment",
    };

    public override string ToString() =>
        $"{(int)Model}:{(IsApicalCap && Model != SegmentModelKind.Aha17 ? "cap" : Number.ToString(CultureInfo.InvariantCulture))}";
}
