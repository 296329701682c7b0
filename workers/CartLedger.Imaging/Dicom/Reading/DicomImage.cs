using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// One decoded file: its header and its frames. Greyscale frames hold modality values (rescale applied: HU for
/// CT); colour frames (RGB secondary capture, ultrasound) are in <see cref="ColourFrames"/>.
/// </summary>
public sealed record DicomImage(DicomHeader Header, IReadOnlyList<Image2D> Frames, IReadOnlyList<RgbImage> ColourFrames)
{
    public int FrameCount => Math.Max(Frames.Count, ColourFrames.Count);
    public bool IsColour => ColourFrames.Count > 0;
}
