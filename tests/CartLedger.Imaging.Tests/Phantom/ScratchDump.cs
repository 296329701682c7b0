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
        var log = new System.Text.StringBuilder();
        var p = PhantomGenerator.Generate(new PhantomOptions { Seed = 3 }, (n, t) => log.AppendLine($"{n}: {t.TotalSeconds:0.00}"));
        var dir = "/tmp/phantom-dump";
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "time.txt"), sw.Elapsed.TotalSeconds.ToString() + "\n" + log);
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

public class ScratchPaintTiming
{
    [Fact(Explicit = true)]
    public void Time()
    {
        var thorax = CartLedger.Imaging.Phantom.Anatomy.ThoraxLayout.Draw(3);
        var heart = CartLedger.Imaging.Phantom.Heart.HeartBuilder.Build(new(3, thorax, [], CartLedger.Imaging.Phantom.Heart.ActivationPattern.Lbbb, null), _ => null);
        var grid = CartLedger.Imaging.Phantom.Acquisition.CtVolumes.Grid(thorax, heart, 1.0);
        var scene = CartLedger.Imaging.Phantom.Anatomy.ThoraxBuilder.Build(thorax);
        scene.Add(heart.AtPhase(heart.EndDiastole));
        var voxels = new float[grid.VoxelCount];
        var log = new System.Text.StringBuilder();
        foreach (var group in scene.GroupBy(s => s.Name.Split(' ')[0]))
        {
            var sw = Stopwatch.StartNew();
            CartLedger.Imaging.Phantom.Anatomy.VolumePainter.Paint(grid, group, [new CartLedger.Imaging.Phantom.Anatomy.PaintChannel(voxels, t => t.NativeHu)]);
            log.AppendLine($"{group.Key} x{group.Count()}: {sw.Elapsed.TotalSeconds:0.000}");
        }
        File.WriteAllText("/tmp/phantom-dump/paint.txt", log.ToString());
    }
}
