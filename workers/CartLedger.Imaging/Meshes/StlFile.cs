using System.Buffers.Binary;
using System.Text;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Meshes;

/// <summary>
/// STL: writes binary (80-byte header with "SPACE=LPS", facet normals from the winding); reads binary and ASCII.
/// STL stores triangles without shared vertices, so reading merges bit-identical corners back into shared points.
/// Only triangles survive STL: lines, vertices and scalars are not written.
/// </summary>
public static class StlFile
{
    public static void Write(string path, MeshData mesh)
    {
        mesh.Check(path);
        var count = mesh.Triangles.Count / 3;
        var bytes = new byte[84 + 50 * count];
        Encoding.ASCII.GetBytes("CartLedger mesh SPACE=LPS").CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(80), (uint)count);
        for (var t = 0; t < count; t++)
        {
            Vec3 a = mesh.Points[mesh.Triangles[3 * t]], b = mesh.Points[mesh.Triangles[3 * t + 1]], c = mesh.Points[mesh.Triangles[3 * t + 2]];
            var normal = (b - a).Cross(c - a);
            normal = normal.Length > 0 ? normal.Normalized() : Vec3.Zero;
            var offset = 84 + 50 * t;
            foreach (var v in new[] { normal, a, b, c })
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), (float)v.X);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset + 4), (float)v.Y);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset + 8), (float)v.Z);
                offset += 12;
            }
        }
        AtomicFile.WriteAllBytes(path, bytes);
    }

    public static MeshData Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // "solid" also starts many binary headers: binary when the size matches the triangle count exactly.
        var binary = bytes.Length >= 84 && 84 + 50L * BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(80)) == bytes.Length;
        if (!binary && !Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 5)).Equals("solid", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}: neither binary STL (size does not match the triangle count) nor ASCII STL (no 'solid')");
        }
        var corners = binary ? ReadBinary(bytes) : ReadAscii(Encoding.ASCII.GetString(bytes), path);
        var index = new Dictionary<Vec3, int>();
        var points = new List<Vec3>();
        var triangles = new List<int>(corners.Count);
        foreach (var corner in corners)
        {
            if (!index.TryGetValue(corner, out var i))
            {
                i = points.Count;
                index[corner] = i;
                points.Add(corner);
            }
            triangles.Add(i);
        }
        return new MeshData(points, triangles, [], [], new Dictionary<string, IReadOnlyList<double>>());
    }

    private static List<Vec3> ReadBinary(byte[] bytes)
    {
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(80));
        var corners = new List<Vec3>(3 * count);
        for (var t = 0; t < count; t++)
        {
            for (var k = 1; k <= 3; k++)
            {
                var offset = 84 + 50 * t + 12 * k;
                corners.Add(new Vec3(
                    BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset)),
                    BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 4)),
                    BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 8))));
            }
        }
        return corners;
    }

    private static List<Vec3> ReadAscii(string text, string path)
    {
        var corners = new List<Vec3>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var parts = lines[l].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["vertex", var x, var y, var z])
            {
                // Parsed as float, like binary STL, so both readings of one mesh merge identically.
                corners.Add(new Vec3(
                    (float)MeshText.ParseNumber(x, path, l + 1), (float)MeshText.ParseNumber(y, path, l + 1), (float)MeshText.ParseNumber(z, path, l + 1)));
            }
            else if (parts is ["vertex", ..])
            {
                throw new InvalidDataException($"{path}:{l + 1}: a vertex needs three coordinates");
            }
        }
        if (corners.Count % 3 != 0)
        {
            throw new InvalidDataException($"{path}: {corners.Count} vertices do not make whole triangles");
        }
        return corners;
    }
}
