using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>
/// Makes GDCM's managed and native halves findable wherever CartLedger.Imaging runs. The build copies
/// gdcm-sharp.dll and libgdcmsharpglue.so next to every output that references this library, but a host's
/// deps.json does not always list gdcm-sharp (seen in an incremental build of a referencing test project):
/// then the runtime would refuse to load it. This resolver falls back to the copy beside this assembly, then to
/// Debian's install location, for both the assembly and its native glue library.
/// </summary>
internal static class GdcmLibrary
{
    private const string AssemblyName = "gdcm-sharp";
    private const string DebianFolder = "/usr/lib/cli/gdcm-sharp-3.0";

#pragma warning disable CA2255 // A module initializer is the one place that runs before any GDCM type is touched.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name != AssemblyName)
            {
                return null;
            }
            var path = Candidates($"{AssemblyName}.dll").FirstOrDefault(File.Exists);
            if (path is null)
            {
                return null;
            }
            var assembly = context.LoadFromAssemblyPath(path);
            NativeLibrary.SetDllImportResolver(assembly, ResolveNative);
            return assembly;
        };
    }

    private static IntPtr ResolveNative(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (NativeLibrary.TryLoad(libraryName, assembly, searchPath, out var handle))
        {
            return handle;
        }
        foreach (var candidate in Candidates($"{libraryName}.so").Concat(Candidates(libraryName)))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero;
    }

    private static IEnumerable<string> Candidates(string file)
    {
        yield return Path.Combine(AppContext.BaseDirectory, file);
        if (Path.GetDirectoryName(typeof(GdcmLibrary).Assembly.Location) is { Length: > 0 } here)
        {
            yield return Path.Combine(here, file);
        }
        yield return Path.Combine(DebianFolder, file);
    }
}
