using System.Text;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Meshes;

/// <summary>
/// Wavefront OBJ: "v" points, "f" faces (1-based, negative indices count from the end, "i/t/n" forms accepted,
/// polygons fan-triangulated) and "l" polylines. Scalars are not part of OBJ and are not written.
/// </summary>
public static class ObjFile
{
    public static void Write(string path, MeshData mesh)
    {
        mesh.Check(path);
        var text = new StringBuilder("# CartLedger mesh SPACE=LPS\n");
        foreach (var p in mesh.Points)
        {
            text.Append("v ").Append(MeshText.Number(p.X)).Append(' ').Append(MeshText.Number(p.Y)).Append(' ').Append(MeshText.Number(p.Z)).Append('\n');
        }
        for (var t = 0; t < mesh.Triangles.Count / 3; t++)
        {
            text.Append("f ").Append(mesh.Triangles[3 * t] + 1).Append(' ').Append(mesh.Triangles[3 * t + 1] + 1).Append(' ').Append(mesh.Triangles[3 * t + 2] + 1).Append('\n');
        }
        foreach (var line in mesh.Lines)
        {
            text.Append("l ").Append(string.Join(' ', line.Select(i => i + 1))).Append('\n');
        }
        if (mesh.Vertices.Count > 0)
        {
            text.Append("p ").Append(string.Join(' ', mesh.Vertices.Select(i => i + 1))).Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    public static MeshData Read(string path)
    {
        var points = new List<Vec3>();
        var triangles = new List<int>();
        var lines = new List<IReadOnlyList<int>>();
        var vertices = new List<int>();
        var source = File.ReadAllText(path).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var l = 0; l < source.Length; l++)
        {
            var parts = source[l].Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }
            switch (parts[0])
            {
                case "v" when parts.Length >= 4:
                    points.Add(new Vec3(MeshText.ParseNumber(parts[1], path, l + 1), MeshText.ParseNumber(parts[2], path, l + 1), MeshText.ParseNumber(parts[3], path, l + 1)));
                    break;
                case "v":
                    throw new InvalidDataException($"{path}:{l + 1}: a vertex needs three coordinates");
                case "f":
                    var face = parts.Skip(1).Select(p => Index(p, points.Count, path, l + 1)).ToList();
                    if (face.Count < 3)
                    {
                        throw new InvalidDataException($"{path}:{l + 1}: a face needs at least three points");
                    }
                    for (var k = 1; k + 1 < face.Count; k++)
                    {
                        triangles.AddRange([face[0], face[k], face[k + 1]]);
                    }
                    break;
                case "l":
                    lines.Add(parts.Skip(1).Select(p => Index(p, points.Count, path, l + 1)).ToList());
                    break;
                case "p":
                    vertices.AddRange(parts.Skip(1).Select(p => Index(p, points.Count, path, l + 1)));
                    break;
            }
        }
        var mesh = new MeshData(points, triangles, lines, vertices, new Dictionary<string, IReadOnlyList<double>>());
        mesh.Check(path);
        return mesh;
    }

    private static int Index(string token, int count, string path, int line)
    {
        var index = MeshText.ParseIndex(token.Split('/')[0], path, line);
        return index > 0 ? index - 1 : index < 0 ? count + index : throw new InvalidDataException($"{path}:{line}: OBJ indices start at 1, found 0");
    }
}
