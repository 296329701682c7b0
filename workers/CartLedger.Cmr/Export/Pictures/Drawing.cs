using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Export.Pictures;

/// <summary>
/// A picture as a list of primitives (annular wedges, polylines, rectangles, circles, text) in user units with y
/// down, drawn once and rendered twice: as SVG (through <see cref="SvgBuilder"/>, vector, with text and tooltips)
/// and as an RGB raster for PNG (same geometry, 1 unit = 1 pixel; text in the built-in <see cref="BitmapFont"/>, so
/// the PNG carries the same title, segment labels and legend without any system font). Both renderings are pure
/// functions of the primitives: the same drawing gives the same bytes.
/// </summary>
public sealed class Drawing(int width, int height)
{
    private readonly List<Primitive> _items = [];

    public int Width { get; } = width;
    public int Height { get; } = height;

    private abstract record Primitive;
    private sealed record WedgeItem(double Cx, double Cy, double Inner, double Outer, double StartDeg, double EndDeg, RgbColour Fill, RgbColour? Stroke, string? Title) : Primitive;
    private sealed record LineItem(IReadOnlyList<Vec2> Points, RgbColour Stroke, double Width) : Primitive;
    private sealed record RectItem(double X, double Y, double W, double H, RgbColour? Fill, RgbColour? Stroke) : Primitive;
    private sealed record CircleItem(double Cx, double Cy, double R, RgbColour Fill) : Primitive;
    private sealed record TextItem(double X, double Y, string Text, double Size, string Anchor, bool Bold) : Primitive;

    /// <summary>An annular sector; angles clockwise on screen from 12 o'clock (as <see cref="SvgBuilder.Wedge"/>).</summary>
    public Drawing Wedge(double cx, double cy, double inner, double outer, double startDeg, double endDeg, RgbColour fill, RgbColour? stroke = null, string? title = null) =>
        Add(new WedgeItem(cx, cy, inner, outer, startDeg, endDeg, fill, stroke, title));

    public Drawing Polyline(IReadOnlyList<Vec2> points, RgbColour stroke, double strokeWidth = 1) => Add(new LineItem(points, stroke, strokeWidth));

    public Drawing Line(double x1, double y1, double x2, double y2, RgbColour stroke, double strokeWidth = 1) => Polyline([new Vec2(x1, y1), new Vec2(x2, y2)], stroke, strokeWidth);

    public Drawing Rectangle(double x, double y, double w, double h, RgbColour? fill, RgbColour? stroke = null) => Add(new RectItem(x, y, w, h, fill, stroke));

    public Drawing Circle(double cx, double cy, double r, RgbColour fill) => Add(new CircleItem(cx, cy, r, fill));

    public Drawing Text(double x, double y, string text, double size = 12, string anchor = "start", bool bold = false) => Add(new TextItem(x, y, text, size, anchor, bold));

    private Drawing Add(Primitive item)
    {
        _items.Add(item);
        return this;
    }

    public string ToSvg()
    {
        var svg = new SvgBuilder(Width, Height, RgbColour.White);
        foreach (var item in _items)
        {
            switch (item)
            {
                case WedgeItem w:
                    svg.Wedge(w.Cx, w.Cy, w.Inner, w.Outer, w.StartDeg, w.EndDeg, w.Fill, w.Stroke, 1, w.Title);
                    break;
                case LineItem l:
                    svg.Polyline(l.Points, l.Stroke, l.Width);
                    break;
                case RectItem r:
                    svg.Rectangle(r.X, r.Y, r.W, r.H, r.Fill, r.Stroke);
                    break;
                case CircleItem c:
                    svg.Circle(c.Cx, c.Cy, c.R, c.Fill);
                    break;
                case TextItem t:
                    svg.Text(t.X, t.Y, t.Text, t.Size, anchor: t.Anchor, bold: t.Bold);
                    break;
                default:
                    break;
            }
        }
        return svg.ToString();
    }

    public RgbImage ToRaster()
    {
        var image = new RgbImage(Width, Height);
        Array.Fill(image.Rgb, (byte)255);
        foreach (var item in _items)
        {
            switch (item)
            {
                case WedgeItem w:
                    FillWedge(image, w);
                    break;
                case LineItem l:
                    for (var i = 0; i + 1 < l.Points.Count; i++)
                    {
                        Segment(image, l.Points[i], l.Points[i + 1], l.Stroke, l.Width);
                    }
                    break;
                case RectItem r:
                    if (r.Fill is { } fill)
                    {
                        FillWhere(image, r.X, r.Y, r.X + r.W, r.Y + r.H, (_, _) => true, fill);
                    }
                    if (r.Stroke is { } stroke)
                    {
                        Vec2 a = new(r.X, r.Y), b = new(r.X + r.W, r.Y), c = new(r.X + r.W, r.Y + r.H), d = new(r.X, r.Y + r.H);
                        Segment(image, a, b, stroke, 1);
                        Segment(image, b, c, stroke, 1);
                        Segment(image, c, d, stroke, 1);
                        Segment(image, d, a, stroke, 1);
                    }
                    break;
                case CircleItem c:
                    FillWhere(image, c.Cx - c.R, c.Cy - c.R, c.Cx + c.R, c.Cy + c.R, (x, y) => (x - c.Cx) * (x - c.Cx) + (y - c.Cy) * (y - c.Cy) <= c.R * c.R, c.Fill);
                    break;
                case TextItem t:
                    BitmapFont.Draw(image, t.X, t.Y, t.Text, t.Size, t.Anchor, t.Bold, RgbColour.Black);
                    break;
                default:
                    break;
            }
        }
        return image;
    }

    private static void FillWedge(RgbImage image, WedgeItem w)
    {
        var span = w.EndDeg - w.StartDeg;
        FillWhere(image, w.Cx - w.Outer, w.Cy - w.Outer, w.Cx + w.Outer, w.Cy + w.Outer, (x, y) =>
        {
            double dx = x - w.Cx, dy = y - w.Cy;
            var r2 = dx * dx + dy * dy;
            if (r2 > w.Outer * w.Outer || r2 < w.Inner * w.Inner)
            {
                return false;
            }
            // Clockwise from 12 o'clock, as the SVG wedge.
            var angle = Math.Atan2(dx, -dy) * 180 / Math.PI;
            var offset = angle - w.StartDeg;
            offset -= Math.Floor(offset / 360) * 360;
            return span >= 360 || offset < span;
        }, w.Fill);
        if (w.Stroke is { } stroke)
        {
            Vec2 At(double radius, double deg) => new(w.Cx + radius * Math.Sin(deg * Math.PI / 180), w.Cy - radius * Math.Cos(deg * Math.PI / 180));
            Segment(image, At(w.Inner, w.StartDeg), At(w.Outer, w.StartDeg), stroke, 1);
            Segment(image, At(w.Inner, w.EndDeg), At(w.Outer, w.EndDeg), stroke, 1);
            var steps = Math.Max(4, (int)Math.Ceiling(Math.Abs(span) / 3));
            foreach (var radius in (double[])[w.Inner, w.Outer])
            {
                if (radius <= 0)
                {
                    continue;
                }
                for (var s = 0; s < steps; s++)
                {
                    Segment(image, At(radius, w.StartDeg + span * s / steps), At(radius, w.StartDeg + span * (s + 1) / steps), stroke, 1);
                }
            }
        }
    }

    /// <summary>Pixels whose centre satisfies <paramref name="inside"/> within a bounding box take the colour.</summary>
    private static void FillWhere(RgbImage image, double x0, double y0, double x1, double y1, Func<double, double, bool> inside, RgbColour colour)
    {
        var xs = Math.Max(0, (int)Math.Floor(x0));
        var xe = Math.Min(image.Width - 1, (int)Math.Ceiling(x1));
        var ys = Math.Max(0, (int)Math.Floor(y0));
        var ye = Math.Min(image.Height - 1, (int)Math.Ceiling(y1));
        for (var y = ys; y <= ye; y++)
        {
            for (var x = xs; x <= xe; x++)
            {
                if (x + 0.5 >= x0 && x + 0.5 <= x1 && y + 0.5 >= y0 && y + 0.5 <= y1 && inside(x + 0.5, y + 0.5))
                {
                    image[x, y] = (colour.R, colour.G, colour.B);
                }
            }
        }
    }

    /// <summary>A thick line segment: pixels whose centre lies within half the width of the segment.</summary>
    private static void Segment(RgbImage image, Vec2 a, Vec2 b, RgbColour colour, double width)
    {
        var half = Math.Max(0.5, width / 2);
        var d = b - a;
        var length2 = d.X * d.X + d.Y * d.Y;
        FillWhere(image, Math.Min(a.X, b.X) - half, Math.Min(a.Y, b.Y) - half, Math.Max(a.X, b.X) + half, Math.Max(a.Y, b.Y) + half, (x, y) =>
        {
            var t = length2 < 1e-12 ? 0 : Math.Clamp(((x - a.X) * d.X + (y - a.Y) * d.Y) / length2, 0, 1);
            double px = a.X + d.X * t - x, py = a.Y + d.Y * t - y;
            return px * px + py * py <= half * half;
        }, colour);
    }
}
