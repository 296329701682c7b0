using System.Buffers.Binary;
using System.IO.Compression;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Nifti;

/// <summary>A NIfTI-1 volume in patient LPS, with which header transform placed it.</summary>
/// <param name="Volume">Voxel values after scl_slope/scl_inter; geometry in LPS mm.</param>
/// <param name="Transform">"sform", "qform" or "pixdim" (no transform: axis-aligned at the origin).</param>
public sealed record NiftiImage(Volume Volume, string Transform);

/// <summary>
/// Reads NIfTI-1 (.nii, .nii.gz) 3D volumes. NIfTI world coordinates are RAS; they are turned into DICOM LPS
/// by negating x and y, so a volume read here overlays DICOM series read by <see cref="Dicom.DicomFolderReader"/>.
/// The voxel-to-world transform is the sform when sform_code > 0, else the qform quaternion, else pixdim.
/// Sheared transforms (non-orthogonal axes) are refused, since <see cref="VolumeGeometry"/> assumes orthonormal axes.
/// </summary>
public static class NiftiReader
{
    /// <summary>Axes must be orthogonal to this tolerance (cosine).</summary>
    public const double OrthogonalityTolerance = 1e-4;

    private const long MaxVoxelBytes = 2L << 30;

    public static NiftiImage Read(string path)
    {
        try
        {
            return Parse(Load(path));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static byte[] Load(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[2];
        var gzip = file.Read(head) == 2 && head[0] == 0x1F && head[1] == 0x8B;
        file.Position = 0;
        if (!gzip)
        {
            return File.ReadAllBytes(path);
        }
        using var unzip = new GZipStream(file, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = unzip.Read(buffer)) > 0)
        {
            if (output.Length + read > MaxVoxelBytes)
            {
                throw new InvalidDataException($"decompresses to more than {MaxVoxelBytes} bytes");
            }
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private static NiftiImage Parse(byte[] bytes)
    {
        if (bytes.Length < 348)
        {
            throw new InvalidDataException($"{bytes.Length} bytes is shorter than a NIfTI-1 header (348)");
        }
        var little = BinaryPrimitives.ReadInt32LittleEndian(bytes) == 348;
        if (!little && BinaryPrimitives.ReadInt32BigEndian(bytes) != 348)
        {
            throw new InvalidDataException("not a NIfTI-1 file (sizeof_hdr is not 348)");
        }
        var h = new Header(bytes, little);
        var magic = System.Text.Encoding.ASCII.GetString(bytes, 344, 3);
        if (magic is not ("n+1" or "ni1"))
        {
            throw new InvalidDataException($"magic '{magic}' is not NIfTI-1 ('n+1'); ANALYZE 7.5 files are not read");
        }
        var dims = Enumerable.Range(0, 8).Select(i => (int)h.Short(40 + 2 * i)).ToArray();
        if (dims[0] is < 3 or > 7 || dims.Skip(4).Take(dims[0] - 3).Any(d => d > 1))
        {
            throw new InvalidDataException($"dim = [{string.Join(", ", dims)}]: only 3D volumes are read");
        }
        int nx = dims[1], ny = dims[2], nz = dims[3];
        if (nx <= 0 || ny <= 0 || nz <= 0)
        {
            throw new InvalidDataException($"dimensions {nx}x{ny}x{nz} must be positive");
        }
        var (bytesPerVoxel, decode) = Decoder(h.Short(70), little);
        var count = (long)nx * ny * nz;
        var offset = (long)h.Float(108);
        if (offset < 348 || offset + count * bytesPerVoxel > bytes.Length)
        {
            throw new InvalidDataException($"truncated: {count} voxels of {bytesPerVoxel} bytes from byte {offset} need {offset + count * bytesPerVoxel} bytes, the file has {bytes.Length}");
        }
        var (affine, transform) = Affine(h);
        var geometry = Geometry(affine, nx, ny, nz);
        double slope = h.Float(112), intercept = h.Float(116);
        var scale = slope != 0 && double.IsFinite(slope) && (slope != 1 || intercept != 0);
        var voxels = new float[count];
        for (long i = 0; i < count; i++)
        {
            var value = decode(bytes.AsSpan((int)(offset + i * bytesPerVoxel)));
            voxels[i] = (float)(scale ? value * slope + intercept : value);
        }
        return new NiftiImage(new Volume(geometry, voxels), transform);
    }

    private static (int Bytes, Func<ReadOnlySpan<byte>, double> Decode) Decoder(short datatype, bool little) => datatype switch
    {
        2 => (1, s => s[0]),
        256 => (1, s => (sbyte)s[0]),
        4 => (2, s => little ? BinaryPrimitives.ReadInt16LittleEndian(s) : BinaryPrimitives.ReadInt16BigEndian(s)),
        512 => (2, s => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s)),
        8 => (4, s => little ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadInt32BigEndian(s)),
        768 => (4, s => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s)),
        16 => (4, s => little ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadSingleBigEndian(s)),
        64 => (8, s => little ? BinaryPrimitives.ReadDoubleLittleEndian(s) : BinaryPrimitives.ReadDoubleBigEndian(s)),
        _ => throw new InvalidDataException($"datatype {datatype} is not supported (uint8, int8, int16, uint16, int32, uint32, float32, float64 are)"),
    };

    /// <summary>The voxel-to-RAS transform as its three axis columns and translation (NIfTI-1 header, method 3, 2, 1).</summary>
    private static ((Vec3 I, Vec3 J, Vec3 K, Vec3 T) Affine, string Transform) Affine(Header h)
    {
        if (h.Short(254) > 0)
        {
            Vec3 Row(int at) => new(h.Float(at), h.Float(at + 4), h.Float(at + 8));
            Vec3 x = Row(280), y = Row(296), z = Row(312);
            return ((new Vec3(x.X, y.X, z.X), new Vec3(x.Y, y.Y, z.Y), new Vec3(x.Z, y.Z, z.Z), new Vec3(h.Float(292), h.Float(308), h.Float(324))), "sform");
        }
        double di = h.Float(80), dj = h.Float(84), dk = h.Float(88);
        if (h.Short(252) > 0)
        {
            double b = h.Float(256), c = h.Float(260), d = h.Float(264);
            var a = Math.Sqrt(Math.Max(0, 1 - (b * b + c * c + d * d)));
            var qfac = h.Float(76) < 0 ? -1.0 : 1.0;
            var r = new Mat3(
                a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
                2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
                2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b);
            return ((r.Column0 * di, r.Column1 * dj, r.Column2 * (dk * qfac), new Vec3(h.Float(268), h.Float(272), h.Float(276))), "qform");
        }
        return ((Vec3.UnitX * di, Vec3.UnitY * dj, Vec3.UnitZ * dk, Vec3.Zero), "pixdim");
    }

    private static VolumeGeometry Geometry((Vec3 I, Vec3 J, Vec3 K, Vec3 T) affine, int nx, int ny, int nz)
    {
        static Vec3 Lps(Vec3 ras) => new(-ras.X, -ras.Y, ras.Z);
        Vec3 i = Lps(affine.I), j = Lps(affine.J), k = Lps(affine.K);
        if (!(i.Length > 0 && j.Length > 0 && k.Length > 0))
        {
            throw new InvalidDataException("the voxel-to-world transform has a zero-length axis");
        }
        Vec3 ui = i.Normalized(), uj = j.Normalized(), uk = k.Normalized();
        if (Math.Abs(ui.Dot(uj)) > OrthogonalityTolerance || Math.Abs(ui.Dot(uk)) > OrthogonalityTolerance || Math.Abs(uj.Dot(uk)) > OrthogonalityTolerance)
        {
            throw new InvalidDataException("the voxel-to-world transform is sheared (axes not orthogonal); not supported");
        }
        return new VolumeGeometry(nx, ny, nz, Lps(affine.T), ui, uj, uk, new Vec3(i.Length, j.Length, k.Length));
    }

    private readonly struct Header(byte[] bytes, bool little)
    {
        public short Short(int at) => little ? BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(at));

        public float Float(int at) => little ? BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(at));
    }
}
