using System.Globalization;

namespace CartLedger.Domain.Quantities;

/// <summary>
/// A clinical quantity: one finite number in one unit, validated on construction. Stored in JSON as the bare
/// number (the unit is in the property name, e.g. <c>lvesv_ml</c>), see <see cref="QuantityJsonConverterFactory"/>.
/// </summary>
public interface IQuantity<TSelf> where TSelf : struct, IQuantity<TSelf>
{
    double Value { get; }

    /// <summary>The unit symbol, e.g. "ml".</summary>
    static abstract string Unit { get; }

    static abstract TSelf From(double value);
}

/// <summary>Validation and formatting shared by every quantity.</summary>
internal static class Quantity
{
    public static double Check(double value, double min, double max, string what, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                $"{what} must be a number from {Format(min, unit)} to {Format(max, unit)}, got {value.ToString(CultureInfo.InvariantCulture)}");
        }
        return value;
    }

    public static string Format(double value, string unit) => $"{value.ToString("0.###", CultureInfo.InvariantCulture)} {unit}";
}
