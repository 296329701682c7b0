using System.Buffers.Binary;

namespace CartLedger.Imaging.Dicom.Writing;

/// <summary>
/// Float pixels as 16-bit stored values plus the rescale that gives them back (value = stored * slope + intercept).
/// Integral values that fit 16 bits are stored exactly (slope 1, intercept 0); anything else is spread over
/// 0..65535, so the round-trip error is at most half a step: (max - min) / 65535 / 2.
/// </summary>
internal sealed record QuantizedPixels(byte[] Bytes, bool Signed, double Slope, double Intercept)
{
    public bool IsIdentity => Slope == 1 && Intercept == 0;

    /// <summary>Largest difference between an input value and what a reader gets back.</summary>
    public double MaxErrorBound => IsIdentity ? 0 : Slope / 2;
}

internal static class PixelQuantizer
{
    /// <param name="what">Names the image in error messages.</param>
    /// <param name="values">The pixels.</param>
    /// <param name="allowSigned">False for IODs whose pixels are unsigned (XA): negative values then go through the rescale.</param>
    public static QuantizedPixels To16Bit(string what, ReadOnlySpan<float> values, bool allowSigned = true)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"{what}: no pixels.");
        }
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        var integral = true;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!float.IsFinite(v))
            {
                throw new ArgumentException($"{what}: pixel {i} is {v}; DICOM images hold finite values only.");
            }
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            integral &= v == MathF.Round(v);
        }
        if (integral && min >= 0 && max <= ushort.MaxValue)
        {
            return Store(values, signed: false, slope: 1, intercept: 0);
        }
        if (allowSigned && integral && min >= short.MinValue && max <= short.MaxValue)
        {
            return Store(values, signed: true, slope: 1, intercept: 0);
        }
        // The rescale is written as DS text: quantise with the values a reader will parse back.
        DicomNumbers.TryParseDecimal(DicomNumbers.FormatDecimal(min), out var intercept);
        var range = (double)max - intercept;
        DicomNumbers.TryParseDecimal(DicomNumbers.FormatDecimal(range > 0 ? range / ushort.MaxValue : 1), out var slope);
        return Store(values, signed: false, slope, intercept);
    }

    private static QuantizedPixels Store(ReadOnlySpan<float> values, bool signed, double slope, double intercept)
    {
        var bytes = new byte[values.Length * 2];
        var span = bytes.AsSpan();
        for (var i = 0; i < values.Length; i++)
        {
            var stored = Math.Round((values[i] - intercept) / slope, MidpointRounding.AwayFromZero);
            if (signed)
            {
                BinaryPrimitives.WriteInt16LittleEndian(span[(2 * i)..], (short)Math.Clamp(stored, short.MinValue, short.MaxValue));
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[(2 * i)..], (ushort)Math.Clamp(stored, 0, ushort.MaxValue));
            }
        }
        return new QuantizedPixels(bytes, signed, slope, intercept);
    }
}
