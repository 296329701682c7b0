using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Projection;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// Where on the detector a registration looks: the start projection of the model's centre, the magnification there,
/// and a rectangle holding the model at every pose of the search plus some context.
/// </summary>
internal sealed record RegistrationRegion(Vec2 CentreDetector, double DepthMm, double MmPerDetectorPixel, int X0, int Y0, int Width, int Height)
{
    public static RegistrationRegion Around(XrayFrame frame, MeshArrays model, RigidTransform start, Vec3 modelCentre, InPlaneSettings settings)
    {
        var g = frame.Geometry;
        var centreLps = start.Apply(modelCentre);
        var centre = g.ToProjectionMatrix().Project(centreLps, out var depth);
        if (depth <= 0)
        {
            throw new RegistrationInputException("pose", "the start pose puts the model behind the X-ray source");
        }
        var mmPerPixel = Math.Sqrt(g.DetectorPixelSpacingXMm * g.DetectorPixelSpacingYMm) * depth / g.SourceToDetectorMm;
        var radiusMm = 0.0;
        for (var i = 0; i < model.VertexCount; i++)
        {
            radiusMm = Math.Max(radiusMm, new Vec3(model.X[i], model.Y[i], model.Z[i]).DistanceTo(modelCentre));
        }
        var halfPx = (radiusMm + settings.SearchTranslationMm + settings.ContextMarginMm) / mmPerPixel;
        var x0 = Math.Max(0, (int)Math.Floor(centre.X - halfPx));
        var y0 = Math.Max(0, (int)Math.Floor(centre.Y - halfPx));
        var x1 = Math.Min(g.Columns, (int)Math.Ceiling(centre.X + halfPx));
        var y1 = Math.Min(g.Rows, (int)Math.Ceiling(centre.Y + halfPx));
        if (x1 - x0 < 16 || y1 - y0 < 16)
        {
            throw new RegistrationInputException("pose", $"the start pose projects the model centre to {centre}, outside the {g.Columns}x{g.Rows} image");
        }
        return new RegistrationRegion(centre, depth, mmPerPixel, x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The integer block size of detector pixels nearest to a wanted level resolution.</summary>
    public int FactorFor(double resolutionMm) => Math.Max(1, (int)Math.Round(resolutionMm / MmPerDetectorPixel));
}
