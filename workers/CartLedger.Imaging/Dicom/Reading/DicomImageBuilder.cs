using CartLedger.Imaging.Dicom.Adapter;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// Turns decoded stored values into modality values: value = stored * RescaleSlope + RescaleIntercept, from
/// the per-frame or shared Pixel Value Transformation functional group of enhanced objects, else the top-level
/// attributes (absent: identity). Colour frames become 8-bit RGB pictures.
/// </summary>
internal static class DicomImageBuilder
{
    public static DicomImage Build(DicomHeader header, DecodedPixels pixels)
    {
        var frameLength = pixels.FrameLength;
        if (pixels.Samples == 3)
        {
            var colour = new List<RgbImage>(pixels.Frames);
            var shift = header.Integer(DicomTags.BitsStored) is > 8 and var stored ? stored - 8 : 0;
            for (var f = 0; f < pixels.Frames; f++)
            {
                var bytes = new byte[frameLength];
                for (var i = 0; i < frameLength; i++)
                {
                    bytes[i] = (byte)Math.Clamp((int)pixels.Values[f * frameLength + i] >> shift, 0, 255);
                }
                colour.Add(new RgbImage(pixels.Columns, pixels.Rows, bytes));
            }
            return new DicomImage(header, [], colour);
        }
        var frames = new List<Image2D>(pixels.Frames);
        var perFrame = header.Attributes.Items(DicomTags.PerFrameFunctionalGroupsSequence);
        var shared = header.Attributes.FirstItem(DicomTags.SharedFunctionalGroupsSequence) ?? DicomAttributes.Empty;
        for (var f = 0; f < pixels.Frames; f++)
        {
            var transform = header.HasFunctionalGroups
                ? DicomPlaneReader.Group(f < perFrame.Count ? perFrame[f] : DicomAttributes.Empty, shared, DicomTags.PixelValueTransformationSequence)
                : header.Attributes;
            var slope = DicomHeader.Decimal(transform, DicomTags.RescaleSlope) ?? 1;
            var intercept = DicomHeader.Decimal(transform, DicomTags.RescaleIntercept) ?? 0;
            if (slope == 0)
            {
                slope = 1; // a zero slope would erase the image; real files with it mean "no rescale"
            }
            var values = pixels.Values.AsSpan(f * frameLength, frameLength).ToArray();
            if (slope != 1 || intercept != 0)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)(values[i] * slope + intercept);
                }
            }
            frames.Add(new Image2D(pixels.Columns, pixels.Rows, values));
        }
        return new DicomImage(header, frames, []);
    }
}
