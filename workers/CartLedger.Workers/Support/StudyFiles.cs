using CartLedger.Imaging.Dicom;
using CartLedger.Ledger.Blobs;

namespace CartLedger.Workers.Support;

/// <summary>Brings a study's files back from the ledger's blobs (verified by hash) into a scratch folder and reads them as DICOM.</summary>
public static class StudyFiles
{
    public static async Task<DicomFolderImport> ReadAsync(BlobStore blobs, IEnumerable<string> sha256, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cartledger-worker-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var hash in sha256.Distinct())
            {
                byte[] bytes;
                try
                {
                    bytes = await blobs.GetAsync(hash, cancellationToken);
                }
                catch (BlobNotFoundException)
                {
                    throw new Hosting.ComputationProblem("files-missing", $"file {hash[..12]}... of the study is not stored in the ledger (entered, not imported?): import the DICOM folder");
                }
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{hash}.dcm"), bytes, cancellationToken);
            }
            return DicomFolderReader.Read(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
