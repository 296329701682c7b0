using System.Text.Json;
using System.Text.Json.Serialization;
using CartLedger.Cmr.Surface;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// The epicardial mesh as the ledger stores it (blob "cartledger.epicardial-mesh/1", UTF-8 JSON): LPS mm vertices,
/// triangle indices and, per vertex, the segment in each model, scar transmurality (%) and activation (ms). Written
/// deterministically (same mesh, same bytes), so the blob hash identifies the mesh; read back by the registration
/// worker for lead measurement.
/// </summary>
public sealed record MeshBlob(
    string Format,
    IReadOnlyList<double> VerticesLpsMm,
    IReadOnlyList<int> Indices,
    IReadOnlyList<int> Segment36,
    IReadOnlyList<int> Segment18,
    IReadOnlyList<int> Aha17,
    IReadOnlyList<double> ScarTransmuralityPercent,
    IReadOnlyList<double?> ActivationMs)
{
    public const string CurrentFormat = "cartledger.epicardial-mesh/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public int VertexCount => VerticesLpsMm.Count / 3;
    public int TriangleCount => Indices.Count / 3;

    public static MeshBlob From(EpicardialMesh mesh) => new(
        CurrentFormat,
        [.. mesh.Mesh.Vertices.SelectMany(v => new[] { v.X, v.Y, v.Z })],
        [.. mesh.Mesh.Indices],
        [.. mesh.Vertices.Select(v => v.Location.Segment36.Number)],
        [.. mesh.Vertices.Select(v => v.Location.Segment18.Number)],
        [.. mesh.Vertices.Select(v => v.Location.Aha17.Number)],
        [.. mesh.Vertices.Select(v => v.ScarTransmuralityPercent)],
        [.. mesh.Vertices.Select(v => v.ActivationMs)]);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static MeshBlob Parse(byte[] bytes)
    {
        var blob = JsonSerializer.Deserialize<MeshBlob>(bytes, Json) ?? throw new InvalidDataException("mesh blob is empty");
        if (blob.Format != CurrentFormat)
        {
            throw new InvalidDataException($"mesh blob format '{blob.Format}' is not {CurrentFormat}");
        }
        var n = blob.VertexCount;
        if (blob.VerticesLpsMm.Count % 3 != 0 || blob.Indices.Count % 3 != 0 || blob.Indices.Any(i => i < 0 || i >= n)
            || blob.Segment36.Count != n || blob.Segment18.Count != n || blob.Aha17.Count != n || blob.ScarTransmuralityPercent.Count != n || blob.ActivationMs.Count != n)
        {
            throw new InvalidDataException("mesh blob: vertex, index and per-vertex arrays do not agree");
        }
        return blob;
    }

    /// <summary>The procedure's current mesh from the ledger's blobs; a missing or unreadable one is a <see cref="Hosting.ComputationProblem"/> naming it.</summary>
    public static async Task<MeshBlob> LoadAsync(Npgsql.NpgsqlDataSource dataSource, Domain.Procedures.ProcedureState state, CancellationToken cancellationToken) =>
        Parse(await LoadBytesAsync(dataSource, state, cancellationToken));

    public static async Task<byte[]> LoadBytesAsync(Npgsql.NpgsqlDataSource dataSource, Domain.Procedures.ProcedureState state, CancellationToken cancellationToken)
    {
        var mesh = state.Mesh ?? throw new Hosting.ComputationProblem("model-missing", "there is no epicardial model yet: run the CMR analysis (or import a mesh) first");
        try
        {
            var bytes = await new Ledger.Blobs.BlobStore(dataSource).GetAsync(mesh.MeshSha256, cancellationToken);
            _ = Parse(bytes);
            return bytes;
        }
        catch (Exception e) when (e is Ledger.Blobs.BlobNotFoundException or InvalidDataException or JsonException)
        {
            throw new Hosting.ComputationProblem("model-unreadable", $"the epicardial mesh {mesh.MeshSha256[..12]}... is not a stored {CurrentFormat} blob ({e.Message}): rebuild the model");
        }
    }

    public TriangleMesh ToMesh() =>
        new([.. Enumerable.Range(0, VertexCount).Select(i => new Vec3(VerticesLpsMm[3 * i], VerticesLpsMm[3 * i + 1], VerticesLpsMm[3 * i + 2]))], Indices);

    public IReadOnlyList<SegmentLocation> Locations() =>
        [.. Enumerable.Range(0, VertexCount).Select(i => new SegmentLocation(SegmentId.Of36(Segment36[i]), SegmentId.Of18(Segment18[i]), SegmentId.Aha17(Aha17[i])))];
}
