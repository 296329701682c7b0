using CartLedger.Imaging.Phantom.Truth;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// Writes a phantom patient to a folder: truth.json, the label maps it references (raw uint8 per image), the LV
/// meshes (meshes/, <see cref="PhantomMeshFiles"/>) and, when asked, preview PNGs (preview/, <see cref="PhantomPreview"/>).
/// The DICOM studies are written beside them by the imaging writers. Everything goes to a temporary sibling folder first
/// and is moved into place at the end, so a failure never leaves half a patient behind.
/// </summary>
public static class PhantomFolderWriter
{
    /// <summary>What was written besides the studies and labels.</summary>
    public sealed record Written(IReadOnlyList<PhantomMeshFiles.SurfaceFiles> Meshes, IReadOnlyList<PhantomPreview.PreviewFile> Previews);

    public static Written Write(PhantomPatient patient, string folder, Action<string>? writeStudies = null, bool preview = false)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target}: the output folder exists and is not empty");
        }
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        try
        {
            var labels = new List<TruthJsonWriter.LabelFile>();
            for (var k = 0; k < patient.Cine.Slices.Count; k++)
            {
                var slice = patient.Cine.Slices[k];
                for (var f = 0; f < slice.PhaseCount; f++)
                {
                    labels.Add(WriteLabel(staging, "cine", k, f, slice.SopInstanceUids[f], patient.CineLabels[k][f], slice.Frames[f]));
                }
                var lge = patient.Lge.Slices[k];
                labels.Add(WriteLabel(staging, "lge", k, 0, lge.SopInstanceUids[0], patient.LgeLabels[k], lge.Frames[0]));
            }
            var meshes = PhantomMeshFiles.Write(patient, staging);
            File.WriteAllBytes(Path.Combine(staging, "truth.json"), TruthJsonWriter.Write(patient, labels, meshes));
            IReadOnlyList<PhantomPreview.PreviewFile> previews = preview ? PhantomPreview.Write(patient, staging) : [];
            writeStudies?.Invoke(staging);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.Move(staging, target);
            return new Written(meshes, previews);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static TruthJsonWriter.LabelFile WriteLabel(string root, string series, int slice, int phase, string uid, byte[] labels, Geometry.Image2D image)
    {
        var relative = Path.Combine("labels", series, $"slice{slice:00}_phase{phase:00}.u8");
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, labels);
        return new TruthJsonWriter.LabelFile(series, slice, phase, uid, relative.Replace('\\', '/'), image.Width, image.Height);
    }
}
