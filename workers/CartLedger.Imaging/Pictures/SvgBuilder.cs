using System.Globalization;
using System.Text;
using CartLedger.Imaging.Files;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Pictures;

/// <summary>
/// A tiny SVG builder for plots and bullseyes: lines, polylines, polygons, circles, rectangles, annular wedges
/// (bullseye segments) and text, in user units with y down. Numbers are written with invariant culture and three
/// decimals, so the same drawing gives the same bytes.
/// </summary>
public sealed class SvgBuilder
{
    private readonly StringBuilder _body = new();

    public SvgBuilder(double width, double height, RgbColour? background = null)
    {
        if (!(width > 0) || !(height > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"An SVG needs a positive size, got {width}x{height}.");
        }
        Width = width;
        Height = height;
        if (background is { } fill)
        {
            Rectangle(0, 0, width, height, fill: fill);
        }
    }

    public double Width { get; }
    public double Height { get; }

    public SvgBuilder Line(double x1, double y1, double x2, double y2, RgbColour stroke, double strokeWidth = 1) =>
        Element($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"{Stroke(stroke, strokeWidth)}/>");

    public SvgBuilder Polyline(IEnumerable<Vec2> points, RgbColour stroke, double strokeWidth = 1) =>
        Element($"<polyline points=\"{Points(points)}\" fill=\"none\"{Stroke(stroke, strokeWidth)}/>");

    public SvgBuilder Polygon(IEnumerable<Vec2> points, RgbColour? fill, RgbColour? stroke = null, double strokeWidth = 1, double opacity = 1) =>
        Element($"<polygon points=\"{Points(points)}\"{Fill(fill, opacity)}{Stroke(stroke, strokeWidth)}/>");

    public SvgBuilder Circle(double cx, double cy, double r, RgbColour? fill, RgbColour? stroke = null, double strokeWidth = 1) =>
        Element($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"{Fill(fill, 1)}{Stroke(stroke, strokeWidth)}/>");

    public SvgBuilder Rectangle(double x, double y, double width, double height, RgbColour? fill, RgbColour? stroke = null, double strokeWidth = 1) =>
        Element($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"{Fill(fill, 1)}{Stroke(stroke, strokeWidth)}/>");

    /// <summary>
    /// An annular sector between radii <paramref name="innerRadius"/> and <paramref name="outerRadius"/> from
    /// <paramref name="startDeg"/> to <paramref name="endDeg"/>: a bullseye segment. Angles are clockwise on screen
    /// from 12 o'clock (anterior at the top, as bullseyes are drawn).
    /// </summary>
    public SvgBuilder Wedge(double cx, double cy, double innerRadius, double outerRadius, double startDeg, double endDeg, RgbColour fill, RgbColour? stroke = null, double strokeWidth = 1, string? title = null)
    {
        Vec2 At(double radius, double deg) => new(cx + radius * Math.Sin(deg * Math.PI / 180), cy - radius * Math.Cos(deg * Math.PI / 180));
        var large = Math.Abs(endDeg - startDeg) > 180 ? 1 : 0;
        var (o1, o2, i1, i2) = (At(outerRadius, startDeg), At(outerRadius, endDeg), At(innerRadius, endDeg), At(innerRadius, startDeg));
        var path = innerRadius > 0
            ? $"M {N(o1.X)} {N(o1.Y)} A {N(outerRadius)} {N(outerRadius)} 0 {large} 1 {N(o2.X)} {N(o2.Y)} L {N(i1.X)} {N(i1.Y)} A {N(innerRadius)} {N(innerRadius)} 0 {large} 0 {N(i2.X)} {N(i2.Y)} Z"
            : $"M {N(cx)} {N(cy)} L {N(o1.X)} {N(o1.Y)} A {N(outerRadius)} {N(outerRadius)} 0 {large} 1 {N(o2.X)} {N(o2.Y)} Z";
        var tooltip = title is null ? "" : $"<title>{Escape(title)}</title>";
        return Element($"<path d=\"{path}\"{Fill(fill, 1)}{Stroke(stroke, strokeWidth)}>{tooltip}</path>");
    }

    /// <summary>Text at (x, y) (the baseline); anchor "start", "middle" or "end" aligns it horizontally.</summary>
    public SvgBuilder Text(double x, double y, string text, double size = 12, RgbColour? colour = null, string anchor = "start", bool bold = false)
    {
        if (anchor is not ("start" or "middle" or "end"))
        {
            throw new ArgumentException($"Text anchor must be start, middle or end, got '{anchor}'.", nameof(anchor));
        }
        var weight = bold ? " font-weight=\"bold\"" : "";
        return Element($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-family=\"sans-serif\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{(colour ?? RgbColour.Black).Hex}\"{weight}>{Escape(text)}</text>");
    }

    /// <summary>A vertical colour bar for a colour map, with its end values as labels.</summary>
    public SvgBuilder ColourBar(double x, double y, double width, double height, ColourMap map, double minimum, double maximum, string format = "0.#", int steps = 32)
    {
        for (var s = 0; s < steps; s++)
        {
            var value = maximum - (maximum - minimum) * (s + 0.5) / steps;
            Rectangle(x, y + height * s / steps, width, height / steps + 0.5, map.Map(value, minimum, maximum));
        }
        Text(x + width + 4, y + 10, maximum.ToString(format, CultureInfo.InvariantCulture), 10);
        return Text(x + width + 4, y + height, minimum.ToString(format, CultureInfo.InvariantCulture), 10);
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\">\n{_body}</svg>\n";

    public void Save(string path) => AtomicFile.WriteAllText(path, ToString());

    private SvgBuilder Element(string element)
    {
        _body.Append("  ").Append(element).Append('\n');
        return this;
    }

    private static string Fill(RgbColour? fill, double opacity) =>
        (fill is { } f ? $" fill=\"{f.Hex}\"" : " fill=\"none\"") + (opacity < 1 ? $" fill-opacity=\"{N(opacity)}\"" : "");

    private static string Stroke(RgbColour? stroke, double width) => stroke is { } s ? $" stroke=\"{s.Hex}\" stroke-width=\"{N(width)}\"" : "";

    private static string Points(IEnumerable<Vec2> points) => string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));

    private static string N(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"SVG coordinates must be finite, got {value}.");
        }
        var text = Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
