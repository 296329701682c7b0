namespace CartLedger.Imaging.Dicom;

/// <summary>
/// One attribute as read from a file: VR and length as stored, the value as text (numbers in decimal,
/// several values separated by backslashes, trailing padding removed), the raw bytes for binary VRs (OB, OW,
/// OF, OL, OD...), or the items of a sequence. Produced by the GDCM adapter; no GDCM type escapes it.
/// </summary>
public sealed record DicomAttribute(DicomTag Tag, string Vr, long Length, string? Text, byte[]? Bytes = null, IReadOnlyList<DicomAttributes>? Items = null);

/// <summary>The attributes of a data set (or of one sequence item), by tag, in tag order.</summary>
public sealed class DicomAttributes
{
    private readonly SortedDictionary<DicomTag, DicomAttribute> _byTag = [];

    public DicomAttributes(IEnumerable<DicomAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            _byTag[attribute.Tag] = attribute;
        }
    }

    public static DicomAttributes Empty { get; } = new([]);

    public IReadOnlyCollection<DicomAttribute> All => _byTag.Values;

    public DicomAttribute? this[DicomTag tag] => _byTag.GetValueOrDefault(tag);

    public bool Has(DicomTag tag) => _byTag.ContainsKey(tag);

    /// <summary>The value as text, or null when the attribute is absent. An empty value gives "".</summary>
    public string? Text(DicomTag tag) => _byTag.TryGetValue(tag, out var a) ? a.Text ?? "" : null;

    /// <summary>The items of a sequence; empty when absent or not a sequence.</summary>
    public IReadOnlyList<DicomAttributes> Items(DicomTag tag) => _byTag.TryGetValue(tag, out var a) && a.Items is { } items ? items : [];

    /// <summary>The first item of a sequence, or null.</summary>
    public DicomAttributes? FirstItem(DicomTag tag) => Items(tag) is [var first, ..] ? first : null;
}
