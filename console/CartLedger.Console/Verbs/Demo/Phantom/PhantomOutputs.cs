using CartLedger.Domain.Procedures;
using CartLedger.Ledger.Blobs;

namespace CartLedger.Console.Verbs.Demo.Phantom;

/// <summary>
/// The demo's picture and file outputs: the treatment export (written by the worker's export into
/// <c>phantom/treatment</c>) and the worker's fused overlays on both fluoroscopy views, copied from their blobs
/// (<c>phantom/overlay</c>: a PNG and an RGB Secondary Capture per view).
/// </summary>
public static class PhantomOutputs
{
    public static string TreatmentFolder(PhantomDemo demo) => Path.Combine(demo.Folder, "treatment");

    public static string OverlayFolder(PhantomDemo demo) => Path.Combine(demo.Folder, "overlay");

    /// <summary>Says where the treatment export put its files (DICOM, Slicer meshes, bullseye and strain pictures).</summary>
    public static void SayTreatmentFiles(PhantomDemo demo, TreatmentFilesExported? exported)
    {
        var folder = TreatmentFolder(demo);
        if (exported is null || !Directory.Exists(folder))
        {
            demo.Context.Say("no treatment files were exported: see the failure above");
            return;
        }
        demo.Context.Say($"treatment files exported ({exported.Files.Count} DICOM files stored as blobs): {folder}");
        demo.Context.Say($"  scar in the files: {exported.Scar switch
        {
            null => "none (no LGE)",
            { Edit: null } scar => $"automatic FWHM, threshold {scar.ThresholdFraction:0.##}, burden {scar.ScarBurdenPercent}",
            { Edit: { } edit } scar => $"as the analyst edited it at {edit.EditedAt:HH:mm} (threshold {edit.ThresholdFraction:0.##}, {edit.ErasedPixelCount} px erased, {edit.AddedPixelCount} added), burden {scar.ScarBurdenPercent}",
        }}");
        foreach (var sub in new[] { "dicom", "pictures", "slicer" })
        {
            var path = Path.Combine(folder, sub);
            if (Directory.Exists(path))
            {
                var names = Directory.EnumerateFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal);
                demo.Context.Say($"  {Path.Combine(folder, sub)}/: {string.Join(", ", names)}");
            }
        }
    }

    /// <summary>
    /// Writes the overlays the worker rendered last (FluoroscopyOverlaysRendered: after the electrode measurement, else
    /// after the acceptance) from their blobs: overlay-view{n}.png and overlay-view{n}.dcm (RGB Secondary Capture) per
    /// view; returns the files written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteOverlaysAsync(PhantomDemo demo, CancellationToken cancellationToken)
    {
        if ((await demo.EventsAsync(cancellationToken)).OfType<FluoroscopyOverlaysRendered>().LastOrDefault() is not { } rendered)
        {
            return [];
        }
        var blobs = new BlobStore(demo.Context.DataSource);
        var folder = OverlayFolder(demo);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var view in rendered.Views)
        {
            foreach (var (sha256, extension) in new[] { (view.PngSha256, "png"), (view.SecondaryCaptureSha256, "dcm") })
            {
                var path = Path.Combine(folder, $"overlay-view{view.ViewIndex + 1}.{extension}");
                await File.WriteAllBytesAsync(path, await blobs.GetAsync(sha256, cancellationToken), cancellationToken);
                written.Add(path);
            }
        }
        return written;
    }
}
