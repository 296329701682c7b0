using System.Text.Json;
using Xunit;

namespace CartLedger.Testing;

/// <summary>An independent reader for the pictures CartLedger writes: Pillow (Debian python3-pil) via /usr/bin/python3.</summary>
public static class PictureValidators
{
    public sealed record PillowView(string Mode, int Width, int Height, IReadOnlyList<byte> Bytes);

    /// <summary>Pillow's reading of an image file: its mode ("L", "RGB", "RGBA"...), size and raw bytes.</summary>
    public static PillowView ReadWithPillow(string path)
    {
        var result = ExternalTool.Run("/usr/bin/python3", ["-c", Script, path]);
        Assert.True(result.ExitCode == 0, $"Pillow could not read {path}:\n{result.Combined}");
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var bytes = Convert.FromBase64String(root.GetProperty("bytes").GetString()!);
        return new PillowView(root.GetProperty("mode").GetString()!, root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), bytes);
    }

    private const string Script = """
import base64, json, sys
from PIL import Image
im = Image.open(sys.argv[1])
im.load()
print(json.dumps({'mode': im.mode, 'width': im.size[0], 'height': im.size[1], 'bytes': base64.b64encode(im.tobytes()).decode()}))
""";
}
