using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Projection;

/// <summary>
/// Digitally reconstructed radiographs of a CT for a C-arm view: the entry point for registration code.
/// Convert the CT once (<see cref="AttenuationVolume.FromHounsfield"/>), then render any number of views, whole or
/// as a binned region around a point (seed 3: 300 mm at the isocentre on 128^2 pixels).
/// </summary>
public static class DrrRenderer
{
    /// <summary>Line integrals over <paramref name="region"/> of <paramref name="view"/> (the whole detector when null).</summary>
    public static DrrImage Render(AttenuationVolume volume, CArmGeometry view, DetectorRegion? region = null, int maxThreads = -1)
    {
        region ??= DetectorRegion.Full(view);
        var projection = region.Apply(view.ToProjectionMatrix());
        var image = SiddonProjector.Render(volume, projection, region.OutputWidth, region.OutputHeight, maxThreads);
        return new DrrImage(image, projection, region);
    }
}

/// <summary>A rendered DRR with the projection matrix of its own pixel grid (use it to project model points onto it).</summary>
public sealed record DrrImage(Image2D LineIntegrals, ProjectionMatrix Projection, DetectorRegion Region)
{
    /// <summary>Transmitted intensity I/I0 = exp(-line integral) (bright where little attenuates).</summary>
    public Image2D Transmission() => BeerLambert.Intensity(LineIntegrals);
}
