using CartLedger.Console.Cli;
using CartLedger.Registration.Similarity;

namespace CartLedger.Console.Verbs.Register;

/// <summary>The parsed arguments of `register`; <see cref="Validate"/> refuses what makes no sense before anything is read.</summary>
public sealed record RegistrationRequest(
    IReadOnlyList<string> Xrays,
    string Model,
    string? Init,
    SimilarityMethod Method,
    bool MethodGiven,
    int? Dof,
    string? Landmarks,
    string Out,
    string? Overlay)
{
    public void Validate()
    {
        if (Xrays.Count > 2)
        {
            throw new UsageException($"--xray: one or two views, got {Xrays.Count}");
        }
        foreach (var file in Xrays.Where(f => !File.Exists(f)))
        {
            throw new UsageException($"--xray: {file} does not exist");
        }
        if (!File.Exists(Model))
        {
            throw new UsageException($"--model: {Model} does not exist");
        }
        if (Path.GetExtension(Model).ToLowerInvariant() is not (".vtk" or ".stl" or ".obj"))
        {
            throw new UsageException($"--model: {Path.GetFileName(Model)} is not .vtk, .stl or .obj");
        }
        if (Dof is { } d && d is not (3 or 6))
        {
            throw new UsageException($"--dof: must be 3 or 6, got {d}");
        }
        if (Dof == 6 && Xrays.Count != 2)
        {
            throw new UsageException("--dof 6 needs two --xray views (one view cannot see depth)");
        }
        if (Landmarks is not null && Xrays.Count != 2)
        {
            throw new UsageException("--landmarks needs two --xray views (picks are triangulated)");
        }
        if (Overlay is { } o && Path.GetExtension(o).ToLowerInvariant() is not (".png" or ".dcm"))
        {
            throw new UsageException($"--overlay: {Path.GetFileName(o)} must end in .png or .dcm");
        }
        if (Path.GetDirectoryName(Path.GetFullPath(Out)) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"--out: folder {folder} does not exist");
        }
    }
}
