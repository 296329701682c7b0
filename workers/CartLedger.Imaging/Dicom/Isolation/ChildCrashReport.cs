namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>Turns a dead decoder child's exit code and last stderr lines into one readable reason.</summary>
internal static class ChildCrashReport
{
    /// <summary>The useful part of what a dying GDCM printed: the failed assertion and where, if any.</summary>
    public static string Reason(IEnumerable<string> stderr)
    {
        foreach (var line in stderr.Reverse())
        {
            var assertion = line.IndexOf("Assertion `", StringComparison.Ordinal);
            if (assertion >= 0)
            {
                var end = line.IndexOf("' failed", assertion, StringComparison.Ordinal);
                var condition = end > assertion ? line[(assertion + 11)..end] : line[(assertion + 11)..];
                var source = line.Split(':') is [_, var file, var number, ..] ? $" at {Path.GetFileName(file.Trim())}:{number.Trim()}" : "";
                return $": GDCM assertion failed{source}: {condition}";
            }
        }
        var last = stderr.LastOrDefault(l => l.Trim().Length > 0);
        return last is null ? "" : $": {last.Trim()[..Math.Min(last.Trim().Length, 200)]}";
    }

    public static string SignalName(int exitCode) => exitCode switch
    {
        134 => ", SIGABRT",
        139 => ", SIGSEGV",
        137 => ", SIGKILL",
        136 => ", SIGFPE",
        135 => ", SIGBUS",
        _ => "",
    };
}
