using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Intensity;

/// <summary>How stored X-ray pixel values relate to attenuation.</summary>
public enum XrayPolarity
{
    /// <summary>Dense structures are dark (fluoroscopy and XA as displayed, MONOCHROME2): attenuation = -value.</summary>
    DenseIsDark,

    /// <summary>Dense structures are bright (DRRs, MONOCHROME1 after inversion): attenuation = value.</summary>
    DenseIsBright,

    /// <summary>Linear detector intensity I = I0 exp(-line integral): attenuation = -ln I (Beer-Lambert).</summary>
    LinearIntensity,
}

/// <summary>One X-ray frame (the fixed image) with the C-arm geometry it was acquired with.</summary>
public sealed record XrayFrame(CArmGeometry Geometry, Image2D Pixels, XrayPolarity Polarity = XrayPolarity.DenseIsDark)
{
    /// <summary>The frame in attenuation polarity (dense is bright), as every metric expects.</summary>
    public Image2D Attenuation()
    {
        if (Pixels.Width != Geometry.Columns || Pixels.Height != Geometry.Rows)
        {
            throw new RegistrationInputException("xray", $"the image is {Pixels.Width}x{Pixels.Height} but its geometry says {Geometry.Columns}x{Geometry.Rows}");
        }
        var source = Pixels.Pixels;
        var result = new float[source.Length];
        var floor = Polarity == XrayPolarity.LinearIntensity ? Math.Max(source.Where(v => v > 0).DefaultIfEmpty(1f).Min(), 1e-6f) : 0f;
        for (var i = 0; i < source.Length; i++)
        {
            result[i] = Polarity switch
            {
                XrayPolarity.DenseIsDark => -source[i],
                XrayPolarity.DenseIsBright => source[i],
                _ => -MathF.Log(Math.Max(source[i], floor)),
            };
        }
        return new Image2D(Pixels.Width, Pixels.Height, result);
    }
}
