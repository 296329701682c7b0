namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// Keeps decoder children alive between calls, so reading one file at a time does not start a process each
/// time (start-up costs a few hundred milliseconds; a warm child decodes a small MR image in a few). A reader
/// rents a child for the length of its batch and returns it; at most <see cref="MaxIdle"/> idle children are
/// kept, and all are stopped when the host process exits. A child also exits by itself when its parent dies
/// (its standard input closes).
/// </summary>
internal static class DicomSandboxPool
{
    public const int MaxIdle = 2;

    private static readonly Stack<DicomDecodeSandbox> Idle = new();
    private static readonly Lock Gate = new();

    static DicomSandboxPool()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Clear();
    }

    public static DicomDecodeSandbox Rent()
    {
        lock (Gate)
        {
            return Idle.Count > 0 ? Idle.Pop() : new DicomDecodeSandbox();
        }
    }

    public static void Return(DicomDecodeSandbox sandbox)
    {
        lock (Gate)
        {
            if (Idle.Count < MaxIdle)
            {
                Idle.Push(sandbox);
                return;
            }
        }
        sandbox.Dispose();
    }

    /// <summary>Stops every idle child (tests use it to start from a cold pool).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            while (Idle.Count > 0)
            {
                Idle.Pop().Dispose();
            }
        }
    }
}
