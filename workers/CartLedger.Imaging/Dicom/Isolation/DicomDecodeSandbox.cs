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
/// replaced for the next file. Not thread-safe: <see cref="DicomSandboxPool"/> lends each to one reader at a time.
/// </summary>
internal sealed class DicomDecodeSandbox : IDisposable
{
    private Process? _child;
    private BinaryWriter? _requests;
    private BinaryReader? _responses;
    private readonly Queue<string> _stderrTail = new();

    private static int _started;

    /// <summary>How many decoder children this process has started (for tests and benchmarks).</summary>
    public static int TotalChildrenStarted => Volatile.Read(ref _started);

    public DecodedFile Decode(DecodeRequest request, TimeSpan timeoutPerFile)
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
        Stop(kill: true);
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
            exit = $" (exit {child.ExitCode}{ChildCrashReport.SignalName(child.ExitCode)})";
        }
        string tail;
        lock (_stderrTail)
        {
            tail = ChildCrashReport.Reason(_stderrTail);
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
        Interlocked.Increment(ref _started);
        var ready = Task.Run(() => _responses.ReadUInt32());
        var started = false;
        try
        {
            started = ready.Wait(StartupTimeout) && ready.Result == DicomDecodeWorker.ReadyMagic;
        }
        catch (AggregateException)
        {
            started = false;
        }
        if (!started)
        {
            string tail;
            lock (_stderrTail)
            {
                tail = ChildCrashReport.Reason(_stderrTail);
            }
            Stop();
            throw new InvalidOperationException($"the DICOM decoder process did not start within {StartupTimeout.TotalSeconds:0} s{tail}");
        }
    }

    /// <summary>Starting the child (runtime, JIT, GDCM) takes well under a second; a loaded machine gets plenty of slack.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private void Stop(bool kill = false)
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
                if (kill || !child.WaitForExit(1000))
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
