using System.Text;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Meshes;

/// <summary>
/// VTK legacy POLYDATA, ASCII: POINTS (double), VERTICES, LINES, POLYGONS and POINT_DATA scalars. Writes the
/// classic 3.0 layout every VTK and 3D Slicer reads; reads both 3.0 ("n size" cells) and 5.1 (OFFSETS and
/// CONNECTIVITY) layouts. Polygons with more than three points are fan-triangulated on reading.
/// </summary>
public static class VtkPolyDataFile
{
    public static void Write(string path, MeshData mesh)
    {
        mesh.Check(path);
        var text = new StringBuilder();
        text.Append("# vtk DataFile Version 3.0\nCartLedger mesh SPACE=LPS\nASCII\nDATASET POLYDATA\n");
        text.Append($"POINTS {mesh.Points.Count} double\n");
        foreach (var p in mesh.Points)
        {
            text.Append(MeshText.Number(p.X)).Append(' ').Append(MeshText.Number(p.Y)).Append(' ').Append(MeshText.Number(p.Z)).Append('\n');
        }
        if (mesh.Vertices.Count > 0)
        {
            text.Append($"VERTICES {mesh.Vertices.Count} {2 * mesh.Vertices.Count}\n");
            foreach (var v in mesh.Vertices)
            {
                text.Append("1 ").Append(v).Append('\n');
            }
        }
        if (mesh.Lines.Count > 0)
        {
            text.Append($"LINES {mesh.Lines.Count} {mesh.Lines.Sum(l => l.Count + 1)}\n");
            foreach (var line in mesh.Lines)
            {
                text.Append(line.Count).Append(' ').Append(string.Join(' ', line)).Append('\n');
            }
        }
        if (mesh.Triangles.Count > 0)
        {
            var count = mesh.Triangles.Count / 3;
            text.Append($"POLYGONS {count} {4 * count}\n");
            for (var t = 0; t < count; t++)
            {
                text.Append("3 ").Append(mesh.Triangles[3 * t]).Append(' ').Append(mesh.Triangles[3 * t + 1]).Append(' ').Append(mesh.Triangles[3 * t + 2]).Append('\n');
            }
        }
        if (mesh.PointScalars.Count > 0)
        {
            text.Append($"POINT_DATA {mesh.Points.Count}\n");
            foreach (var (name, values) in mesh.PointScalars.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                {
                    throw new ArgumentException($"VTK scalar names cannot be empty or contain spaces: '{name}'.", nameof(mesh));
                }
                text.Append($"SCALARS {name} double 1\nLOOKUP_TABLE default\n");
                foreach (var value in values)
                {
                    text.Append(MeshText.Number(value)).Append('\n');
                }
            }
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    public static MeshData Read(string path)
    {
        var reader = new VtkTokens(File.ReadAllText(path), path);
        if (!reader.Line(0).StartsWith("# vtk DataFile", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}:1: not a VTK legacy file (no '# vtk DataFile' header)");
        }
        if (reader.Line(2).Trim() != "ASCII")
        {
            throw new InvalidDataException($"{path}:3: only ASCII VTK files are read (found '{reader.Line(2).Trim()}')");
        }
        reader.SkipLines(3);
        var points = new List<Vec3>();
        var triangles = new List<int>();
        var lines = new List<IReadOnlyList<int>>();
        var vertices = new List<int>();
        var scalars = new Dictionary<string, IReadOnlyList<double>>();
        while (reader.Next() is { } keyword)
        {
            switch (keyword.ToUpperInvariant())
            {
                case "DATASET":
                    if (reader.Next() is not "POLYDATA" and var kind)
                    {
                        throw new InvalidDataException($"{path}:{reader.LineNumber}: dataset {kind} is not POLYDATA");
                    }
                    break;
                case "POINTS":
                    var n = reader.Index();
                    reader.Next(); // the data type
                    for (var i = 0; i < n; i++)
                    {
                        points.Add(new Vec3(reader.Number(), reader.Number(), reader.Number()));
                    }
                    break;
                case "VERTICES":
                    vertices.AddRange(ReadCells(reader).SelectMany(c => c));
                    break;
                case "LINES":
                    lines.AddRange(ReadCells(reader));
                    break;
                case "TRIANGLE_STRIPS":
                    foreach (var strip in ReadCells(reader))
                    {
                        // Every other triangle of a strip is flipped to keep one winding.
                        for (var k = 0; k + 2 < strip.Count; k++)
                        {
                            triangles.AddRange(k % 2 == 0 ? [strip[k], strip[k + 1], strip[k + 2]] : [strip[k + 1], strip[k], strip[k + 2]]);
                        }
                    }
                    break;
                case "POLYGONS":
                    foreach (var cell in ReadCells(reader))
                    {
                        for (var k = 1; k + 1 < cell.Count; k++)
                        {
                            triangles.AddRange([cell[0], cell[k], cell[k + 1]]);
                        }
                    }
                    break;
                case "POINT_DATA":
                    reader.Index();
                    break;
                case "SCALARS":
                    var name = reader.Next() ?? "";
                    reader.Next(); // type
                    var after = reader.Peek();
                    if (after is not null && int.TryParse(after, out var components))
                    {
                        reader.Next();
                        if (components != 1)
                        {
                            throw new InvalidDataException($"{path}:{reader.LineNumber}: scalar array '{name}' has {components} components; only 1 is read");
                        }
                    }
                    if (reader.Peek() == "LOOKUP_TABLE")
                    {
                        reader.Next();
                        reader.Next();
                    }
                    scalars[name] = Enumerable.Range(0, points.Count).Select(_ => reader.Number()).ToList();
                    break;
                case "METADATA":
                    reader.SkipBlock();
                    break;
                default:
                    throw new InvalidDataException($"{path}:{reader.LineNumber}: '{keyword}' is not supported in a POLYDATA file");
            }
        }
        var mesh = new MeshData(points, triangles, lines, vertices, scalars);
        mesh.Check(path);
        return mesh;
    }

    /// <summary>Cells in the 3.0 layout ("count size", then "k i1..ik" each) or the 5.1 layout (OFFSETS, CONNECTIVITY).</summary>
    private static List<List<int>> ReadCells(VtkTokens reader)
    {
        var count = reader.Index();
        var size = reader.Index();
        var cells = new List<List<int>>();
        if (reader.Peek() == "OFFSETS")
        {
            reader.Next();
            reader.Next();
            var offsets = Enumerable.Range(0, count).Select(_ => reader.Index()).ToList();
            if (reader.Next() != "CONNECTIVITY")
            {
                throw new InvalidDataException($"{reader.File}:{reader.LineNumber}: CONNECTIVITY expected after OFFSETS");
            }
            reader.Next();
            var connectivity = Enumerable.Range(0, size).Select(_ => reader.Index()).ToList();
            for (var c = 0; c + 1 < offsets.Count; c++)
            {
                cells.Add(connectivity.GetRange(offsets[c], offsets[c + 1] - offsets[c]));
            }
            return cells;
        }
        for (var c = 0; c < count; c++)
        {
            var k = reader.Index();
            cells.Add(Enumerable.Range(0, k).Select(_ => reader.Index()).ToList());
        }
        return cells;
    }
}
