namespace CartLedger.Imaging.Dicom;

/// <summary>Where GDCM's native decoding runs.</summary>
public enum DicomIsolation
{
    /// <summary>In a child process, with a time limit per file: a file that aborts or hangs GDCM fails alone. The default.</summary>
    ChildProcess,

    /// <summary>In the calling process: faster to start, only for files this project wrote itself.</summary>
    InProcess,
}

/// <summary>Limits that keep reading bounded in time and memory whatever the bytes.</summary>
public sealed record DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Trusted files (written by CartLedger): decoded in-process.</summary>
    public static DicomReadOptions Trusted { get; } = new() { Isolation = DicomIsolation.InProcess };

    public DicomIsolation Isolation { get; init; } = DicomIsolation.ChildProcess;

    /// <summary>A file whose decoding takes longer is stopped and reported (child process only).</summary>
    public TimeSpan TimeoutPerFile { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Larger files are rejected before any parsing.</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>Files whose pixels would decode to more bytes (as stored) are rejected before decoding.</summary>
    public long MaxDecodedBytes { get; init; } = 1L << 30;
}
