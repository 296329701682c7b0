namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The outcome of reading one file: not DICOM at all (<see cref="Header"/> null), DICOM without usable pixels
/// (header, and a <see cref="Problem"/> when there were pixels that failed to decode), or a decoded image.
/// </summary>
public sealed record DicomFileResult(string Path, DicomHeader? Header, DicomImage? Image, DicomProblem? Problem, TimeSpan Elapsed)
{
    public bool IsReadable => Header is not null;
    public bool PixelsDecoded => Image is not null;
}
