using System.Diagnostics;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom;

namespace CartLedger.Imaging.Tests.Phantom;

public class ScratchDump
{
    [Fact(Explicit = true)]
    public void Dump()
    {
        var sw = Stopwatch.StartNew();
        var p = PhantomGenerator.Generate(new PhantomOptions { Seed = 3 });
        var dir = "/tmp/phantom-dump";
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "time.txt"), sw.Elapsed.TotalSeconds.ToString());
        void Save(string name, Image2D img) => File.WriteAllBytes(Path.Combine(dir, $"{name}_{img.Width}x{img.Height}.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(img.Pixels.AsSpan()).ToArray());
        var mid = p.Cine.Slices.Count / 2;
        Save("cine_ed", p.Cine.Slices[mid].Frames[0]);
        Save("cine_es", p.Cine.Slices[mid].Frames[11]);
        Save("lge", p.Lge.Slices[mid].Frames[0]);
        Save("ct_axial", p.Ct.Slice((int)p.Ct.Geometry.ToIndex(p.Heart.LvCentre).Z));
        Save("labels_ed", new Image2D(p.Cine.Slices[mid].Frames[0].Width, p.Cine.Slices[mid].Frames[0].Height, p.CineLabels[mid][0].Select(b => (float)b).ToArray()));
        foreach (var v in p.Fluoroscopy)
        {
            Save("fluoro_" + v.Name.Replace(" ", ""), v.Image);
        }
        File.WriteAllText(Path.Combine(dir, "truth.txt"), System.Text.Json.JsonSerializer.Serialize(p.Truth, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IncludeFields = true }));
    }
}
