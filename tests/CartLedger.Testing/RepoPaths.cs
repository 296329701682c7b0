using Xunit;

namespace CartLedger.Testing;

/// <summary>Paths tests need: the repository root (where CartLedger.sln is) and the shared data folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>`../shared/data` relative to the repository root, or CARTLEDGER_SHARED_DATA when set.</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("CARTLEDGER_SHARED_DATA") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A path inside the shared data folder; the test is skipped with a clear message when it is absent.</summary>
    public static string RequireSharedData(string relativePath)
    {
        var path = Path.Combine(SharedData, relativePath);
        Assert.SkipUnless(File.Exists(path) || Directory.Exists(path), $"shared data not present: {path} (see ../shared/data/MANIFEST.md)");
        return path;
    }

    /// <summary>A fresh, empty scratch folder under the test output (kept after the run for inspection).</summary>
    public static string ScratchFolder(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scratch", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CartLedger.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"CartLedger.sln not found above {AppContext.BaseDirectory}");
    }
}
