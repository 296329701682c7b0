using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CartLedger.Imaging.Dicom.Adapter;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// Decodes files in a child process (this assembly run as <see cref="DicomDecodeWorker"/>), one file at a time,
/// with a time limit per file. Debian's GDCM is built with assertions on, and several real files make it abort
/// (measured: 8 of 499 in ../shared/data); a segfault or abort cannot be caught in .NET, so the parent only ever
/// sees a record or a dead child. A dead or stuck child is reported against the file that killed it and
/// replaced for the next file. Not thread-safe: one sandbox per reading thread.
/// </summary>
internal sealed class DicomDecodeSandbox(TimeSpan timeoutPerFile) : IDisposable
{
    private Process? _child;
    private BinaryWriter? _requests;
    private BinaryReader? _responses;
    private readonly Queue<string> _stderrTail = new();

    /// <summary>How many child processes were started (1 + one per crash or timeout); for tests and benchmarks.</summary>
    public int ChildrenStarted { get; private set; }

    public DecodedFile Decode(DecodeRequest request)
    {
        EnsureStarted();
        Task<DecodedFile> reading;
        try
        {
            request.Write(_requests!);
            reading = Task.Run(() => DecodedFileCodec.Read(_responses!));
        }
        catch (IOException)
        {
            return Died(request.Path);
        }
        try
        {
            if (reading.Wait(timeoutPerFile))
            {
                return reading.Result;
            }
        }
        catch (AggregateException)
        {
            return Died(request.Path);
        }
        Stop();
        return Failed(request.Path, $"decoding did not finish within {timeoutPerFile.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped");
    }

    public void Dispose() => Stop();

    private DecodedFile Died(string path)
    {
        var child = _child;
        var exit = "";
        if (child is not null && child.WaitForExit(2000))
        {
            child.WaitForExit(); // flush the stderr events
            exit = $" (exit {child.ExitCode}{SignalName(child.ExitCode)})";
        }
        string tail;
        lock (_stderrTail)
        {
            tail = CrashReason(_stderrTail);
        }
        Stop();
        return Failed(path, $"the GDCM decoder process died on this file{exit}{tail}");
    }

    private static DecodedFile Failed(string path, string reason) => new(path, null, null, null, null, reason);

    private void EnsureStarted()
    {
        if (_child is { HasExited: false })
        {
            return;
        }
        Stop();
        var start = new ProcessStartInfo(DotnetMuxer())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(WorkerAssembly());
        start.ArgumentList.Add(DicomDecodeWorker.Argument);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the DICOM decoder process");
        lock (_stderrTail)
        {
            _stderrTail.Clear();
        }
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                while (_stderrTail.Count > 20)
                {
                    _stderrTail.Dequeue();
                }
            }
        };
        child.BeginErrorReadLine();
        _child = child;
        _requests = new BinaryWriter(child.StandardInput.BaseStream);
        _responses = new BinaryReader(child.StandardOutput.BaseStream);
        ChildrenStarted++;
    }

    private void Stop()
    {
        var child = _child;
        _child = null;
        _requests = null;
        _responses = null;
        if (child is null)
        {
            return;
        }
        try
        {
            if (!child.HasExited)
            {
                child.StandardInput.Close();
                if (!child.WaitForExit(1000))
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit(5000);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone: nothing left to stop.
        }
        finally
        {
            child.Dispose();
        }
    }

    /// <summary>The useful part of what a dying GDCM printed: the failed assertion and where, if any.</summary>
    internal static string CrashReason(IEnumerable<string> stderr)
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

    private static string SignalName(int exitCode) => exitCode switch
    {
        134 => ", SIGABRT",
        139 => ", SIGSEGV",
        137 => ", SIGKILL",
        136 => ", SIGFPE",
        135 => ", SIGBUS",
        _ => "",
    };

    private static string WorkerAssembly()
    {
        var dll = typeof(DicomDecodeWorker).Assembly.Location;
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"{runtimeConfig} is missing: CartLedger.Imaging must be built as an executable project so it can run as its own decoder process.");
        }
        return dll;
    }

    private static string DotnetMuxer()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var candidate = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
