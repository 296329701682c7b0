using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// An image a segmentation was derived from: its identifiers (for references) and where its pixels lie. A SEG
/// frame lies on its source's grid, so masks have the source's columns and rows.
/// </summary>
public sealed record SegmentationSource(string SopClassUid, string SopInstanceUid, string SeriesInstanceUid, SlicePlane Plane, int Columns, int Rows)
{
    /// <summary>The sources of one phase of a stack read by <see cref="DicomFolderReader"/> (MR images).</summary>
    public static IReadOnlyList<SegmentationSource> FromStack(CineStack stack, int phase = 0, string sopClassUid = SopClasses.MrImage) =>
        stack.Slices.Select(s => new SegmentationSource(sopClassUid, s.SopInstanceUids[phase], stack.SeriesInstanceUid, s.Plane, s.Frames[phase].Width, s.Frames[phase].Height)).ToList();

    /// <summary>A source written by <see cref="DicomWriter"/>.</summary>
    public static SegmentationSource From(WrittenInstance written, SliceImage image) =>
        new(written.SopClassUid, written.SopInstanceUid, written.SeriesInstanceUid, image.Plane, image.Image.Width, image.Image.Height);
}

/// <summary>
/// Binary masks per segment and source slice (1 inside, 0 outside; row-major like <see cref="Image2D"/>). Masks of
/// different segments may overlap (scar lies inside the myocardium), which a label map could not express.
/// </summary>
public sealed class SegmentationMasks(int columns, int rows, int sourceCount)
{
    private readonly SortedDictionary<(int Segment, int Source), byte[]> _masks = [];

    public int Columns { get; } = columns;
    public int Rows { get; } = rows;
    public int SourceCount { get; } = sourceCount;

    public void Set(int segmentNumber, int sourceIndex, ReadOnlySpan<byte> mask)
    {
        if (sourceIndex < 0 || sourceIndex >= SourceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), $"Source {sourceIndex} is outside the {SourceCount} sources.");
        }
        if (mask.Length != Columns * Rows)
        {
            throw new ArgumentException($"A mask has {Columns * Rows} pixels ({Columns}x{Rows}), got {mask.Length}.", nameof(mask));
        }
        var copy = new byte[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            copy[i] = mask[i] != 0 ? (byte)1 : (byte)0;
        }
        _masks[(segmentNumber, sourceIndex)] = copy;
    }

    /// <summary>The mask of a segment on a source slice, or null when none was set (empty).</summary>
    public byte[]? Get(int segmentNumber, int sourceIndex) => _masks.GetValueOrDefault((segmentNumber, sourceIndex));

    /// <summary>Masks from label maps (one per source, value = segment number, 0 = background).</summary>
    public static SegmentationMasks FromLabelMaps(int columns, int rows, IReadOnlyList<byte[]> labelMaps)
    {
        var masks = new SegmentationMasks(columns, rows, labelMaps.Count);
        for (var source = 0; source < labelMaps.Count; source++)
        {
            foreach (var label in labelMaps[source].Where(v => v != 0).Distinct())
            {
                masks.Set(label, source, labelMaps[source].Select(v => v == label ? (byte)1 : (byte)0).ToArray());
            }
        }
        return masks;
    }
}
