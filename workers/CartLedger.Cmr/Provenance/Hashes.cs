using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Surface;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Provenance;

/// <summary>The canonical hash of every input and output of the CMR chain (what computed events record).</summary>
public static class Hashes
{
    /// <summary>A decoded image stack: geometry, trigger times and every pixel.</summary>
    public static string Of(CineStack stack)
    {
        using var h = new CanonicalHash();
        h.Add("cine-stack").Add(stack.Slices.Count);
        foreach (var slice in stack.Slices)
        {
            Add(h, slice.Plane);
            h.Add(slice.TriggerTimesMs).Add(slice.Frames.Count);
            foreach (var frame in slice.Frames)
            {
                h.Add(frame.Width).Add(frame.Height).Add(frame.Pixels);
            }
        }
        return h.Hex();
    }

    public static string Of(CineSegmentation segmentation)
    {
        using var h = new CanonicalHash();
        h.Add("cine-segmentation").Add(segmentation.EndDiastolePhase).Add(segmentation.EndSystolePhase);
        Add(h, segmentation.Orientation.AnteriorDirection);
        Add(h, segmentation.Orientation.SeptalAxis);
        Add(h, segmentation.BaseCentreLps);
        Add(h, segmentation.ApexLps);
        h.Add(segmentation.SlicesBaseToApex.Count);
        foreach (var slice in segmentation.SlicesBaseToApex)
        {
            h.Add(slice.Index).Add((int)slice.Coverage).Add(slice.Phases.Count);
            foreach (var phase in slice.Phases)
            {
                Add(h, phase.Endocardium);
                Add(h, phase.Epicardium);
            }
        }
        return h.Hex();
    }

    public static string Of(ScarResult scar)
    {
        using var h = new CanonicalHash();
        h.Add("scar").Add(scar.Threshold.Threshold).Add(scar.Slices.Count);
        foreach (var slice in scar.Slices)
        {
            h.Add(slice.Slice.CineSliceIndex).Add(slice.Scar.Width).Add(slice.Scar.Height).Add(slice.Scar.Bits).Add(slice.ChordTransmurality);
        }
        return h.Hex();
    }

    public static string Of(ActivationResult activation)
    {
        using var h = new CanonicalHash();
        h.Add("activation").Add(activation.PhaseTimesMs).Add(activation.Segments.Count);
        foreach (var s in activation.Segments)
        {
            h.Add(s.Segment.Number).Add(s.CircumferentialPercent).Add(s.RadialPercent).Add(s.TimeToPeakMs ?? double.NaN).Add(s.OwnTimeToPeakMs ?? double.NaN).Add(s.RadialTimeToPeakMs ?? double.NaN);
        }
        return h.Hex();
    }

    public static string Of(EpicardialMesh mesh)
    {
        using var h = new CanonicalHash();
        h.Add("epicardial-mesh").Add(mesh.Mesh.Vertices.Count);
        for (var i = 0; i < mesh.Mesh.Vertices.Count; i++)
        {
            Add(h, mesh.Mesh.Vertices[i]);
            var a = mesh.Vertices[i];
            h.Add(a.Location.Segment36.Number).Add(a.ScarTransmuralityPercent).Add(a.ActivationMs ?? double.NaN);
        }
        h.Add(mesh.Mesh.Indices.Count);
        foreach (var index in mesh.Mesh.Indices)
        {
            h.Add(index);
        }
        return h.Hex();
    }

    private static void Add(CanonicalHash h, SlicePlane plane)
    {
        Add(h, plane.Origin);
        Add(h, plane.XAxis);
        Add(h, plane.YAxis);
        h.Add(plane.XSpacingMm).Add(plane.YSpacingMm);
    }

    private static void Add(CanonicalHash h, Vec3 v) => h.Add(v.X).Add(v.Y).Add(v.Z);

    private static void Add(CanonicalHash h, PolarContour c) => h.Add(c.Centre.X).Add(c.Centre.Y).Add(c.RadiiMm);
}
