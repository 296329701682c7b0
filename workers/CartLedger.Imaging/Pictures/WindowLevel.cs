using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Pictures;

/// <summary>
/// A display window (PS3.3 C.11.2.1.2, the LINEAR function): values up to Centre - Width/2 show black, from
/// Centre + Width/2 white, linearly in between. Turns float images (HU, MR signal) into 8-bit pictures.
/// </summary>
public readonly record struct WindowLevel(double Centre, double Width)
{
    /// <summary>Soft-tissue CT window (centre 40 HU, width 400 HU).</summary>
    public static readonly WindowLevel SoftTissue = new(40, 400);

    /// <summary>Cardiac CT angiography window (centre 300 HU, width 600 HU).</summary>
    public static readonly WindowLevel CardiacCta = new(300, 600);

    public byte Apply(double value)
    {
        var width = Math.Max(Width, 1);
        var low = Centre - 0.5 - (width - 1) / 2;
        var high = Centre - 0.5 + (width - 1) / 2;
        if (value <= low)
        {
            return 0;
        }
        if (value > high)
        {
            return 255;
        }
        return (byte)Math.Clamp(Math.Round(((value - (Centre - 0.5)) / (width - 1) + 0.5) * 255), 0, 255);
    }

    public byte[] Apply(Image2D image)
    {
        var bytes = new byte[image.Pixels.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Apply(image.Pixels[i]);
        }
        return bytes;
    }

    /// <summary>
    /// A window spanning the given percentiles of the image (e.g. 1 and 99): robust auto-contrast for MR, whose
    /// values have no fixed scale. Deterministic: an exact percentile of a sorted copy.
    /// </summary>
    public static WindowLevel FromPercentiles(Image2D image, double lowPercent = 1, double highPercent = 99)
    {
        if (lowPercent is < 0 or > 100 || highPercent is < 0 or > 100 || lowPercent >= highPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(lowPercent), $"Percentiles must satisfy 0 <= low < high <= 100, got {lowPercent} and {highPercent}.");
        }
        var sorted = (float[])image.Pixels.Clone();
        Array.Sort(sorted);
        double At(double percent) => sorted[(int)Math.Round(percent / 100 * (sorted.Length - 1))];
        double low = At(lowPercent), high = At(highPercent);
        return high > low ? new WindowLevel((low + high) / 2 + 0.5, high - low + 1) : new WindowLevel(low + 0.5, 1);
    }

    /// <summary>The first WindowCenter/WindowWidth pair a DICOM header recommends, if any.</summary>
    public static WindowLevel? FromDicom(Dicom.DicomHeader header) =>
        header.Decimal(Dicom.DicomTags.WindowCenter) is { } centre && header.Decimal(Dicom.DicomTags.WindowWidth) is > 0 and var width
            ? new WindowLevel(centre, width)
            : null;
}
