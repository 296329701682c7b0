using System.Text.Json;
using Xunit;

namespace CartLedger.Testing;

/// <summary>
/// The three independent checks every DICOM file CartLedger writes must pass: dciodvfy (dicom3tools) reports no
/// errors against the IOD, dcmdump (DCMTK) parses the whole file, and pydicom reads it (attributes and pixels).
/// Use <see cref="AssertValid"/> in any test that writes DICOM; the other members let tests compare what each
/// tool read back.
/// </summary>
public static partial class DicomValidators
{
    /// <summary>Fails the test, quoting the tools' output, unless all three accept the file.</summary>
    public static PydicomView AssertValid(string path)
    {
        Assert.True(File.Exists(path), $"no such file: {path}");
        var errors = DciodvfyErrors(path);
        Assert.True(errors.Count == 0, $"dciodvfy reports errors for {path}:\n{string.Join('\n', errors)}");
        var dump = Dcmdump(path);
        Assert.True(dump.Ok, $"dcmdump failed on {path}:\n{dump.Messages}");
        return Pydicom(path);
    }

    /// <summary>dciodvfy's "Error" lines (warnings are not errors).</summary>
    public static IReadOnlyList<string> DciodvfyErrors(string path)
    {
        var result = ExternalTool.Run("dciodvfy", ["-new", path]);
        return result.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
    }

    /// <summary>dcmdump's reading of the file: top-level attribute values by "gggg,eeee" (upper case).</summary>
    public sealed record DcmdumpView(bool Ok, string Messages, IReadOnlyDictionary<string, string> TopLevel, string Text);

    public static DcmdumpView Dcmdump(string path)
    {
        var result = ExternalTool.Run("dcmdump", ["+L", "+U8", path]);
        var ok = result.ExitCode == 0 && !result.Error.Contains("E:", StringComparison.Ordinal);
        var top = new Dictionary<string, string>();
        foreach (var line in result.Output.Split('\n'))
        {
            // "(0020,0032) DS [1\2\3]    #  6, 3 ImagePositionPatient": top-level lines start at column 0.
            var match = DumpLine().Match(line);
            if (match.Success)
            {
                var value = match.Groups["value"].Value.Trim();
                top[match.Groups["tag"].Value.ToUpperInvariant()] = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : value;
            }
        }
        return new DcmdumpView(ok, (result.Error + result.Output).Trim(), top, result.Output);
    }

    /// <summary>pydicom's reading: attributes by keyword (sequences as lists of objects) and the pixels after the modality LUT.</summary>
    public sealed record PydicomView(JsonElement Attributes, IReadOnlyList<int> PixelShape, IReadOnlyList<double> PixelValues)
    {
        public string Text(string keyword) => Attributes.GetProperty(keyword).ValueKind switch
        {
            JsonValueKind.Array => string.Join('\\', Attributes.GetProperty(keyword).EnumerateArray().Select(e => e.ToString())),
            _ => Attributes.GetProperty(keyword).ToString(),
        };

        public bool Has(string keyword) => Attributes.TryGetProperty(keyword, out _);
    }

    public static PydicomView Pydicom(string path)
    {
        var result = ExternalTool.Run("/usr/bin/python3", ["-c", PydicomScript, path]);
        Assert.True(result.ExitCode == 0, $"pydicom could not read {path}:\n{result.Combined}");
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var shape = root.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var values = root.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToList();
        return new PydicomView(root.GetProperty("attributes").Clone(), shape, values);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\((?<tag>[0-9a-fA-F]{4},[0-9a-fA-F]{4})\) (?<vr>[A-Z]{2}|na) (?<value>.*?)\s+#\s*\d+, \d+ \S+\s*$")]
    private static partial System.Text.RegularExpressions.Regex DumpLine();

    private const string PydicomScript = """
import json, sys
import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut
pydicom.config.settings.reading_validation_mode = pydicom.config.RAISE

def value(elem):
    if elem.VR == 'SQ':
        return [walk(item) for item in elem.value]
    if elem.VR == 'OF':
        return np.frombuffer(elem.value, dtype='<f4').astype(float).tolist()
    if elem.VR == 'OD':
        return np.frombuffer(elem.value, dtype='<f8').tolist()
    if elem.VR == 'OL':
        return np.frombuffer(elem.value, dtype='<u4').astype(int).tolist()
    if elem.VR in ('OB', 'OW', 'UN') or elem.tag == 0x7FE00010:
        return '<%d bytes>' % len(elem.value)
    if elem.VM > 1:
        return [str(v) for v in elem.value]
    return '' if elem.value is None else str(elem.value)

def walk(ds):
    return {(e.keyword or str(e.tag)): value(e) for e in ds}

ds = pydicom.dcmread(sys.argv[1])
out = {'attributes': walk(ds), 'shape': [], 'values': []}
if 'PixelData' in ds:
    raw = ds.pixel_array
    out['shape'] = list(raw.shape)
    pixels = raw if ds.get('SOPClassUID') in ('1.2.840.10008.5.1.4.1.1.66.4', '1.2.840.10008.5.1.4.1.1.7') else apply_modality_lut(raw, ds)
    if pixels.size <= 4000000:
        out['values'] = np.asarray(pixels, dtype=float).ravel().tolist()
print(json.dumps(out))
""";
}
