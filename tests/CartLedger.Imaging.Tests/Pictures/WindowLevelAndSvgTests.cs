using System.Xml.Linq;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Pictures;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Pictures;

public class WindowLevelAndSvgTests
{
    [Fact]
    public void The_window_follows_the_DICOM_linear_function()
    {
        var window = new WindowLevel(40, 400);

        // PS3.3 C.11.2.1.2: x <= c - 0.5 - (w-1)/2 is black, x > c - 0.5 + (w-1)/2 is white.
        Assert.Equal(0, window.Apply(-160));
        Assert.Equal(255, window.Apply(240));
        Assert.Equal(128, window.Apply(40));
        Assert.True(window.Apply(100) > window.Apply(0));
    }

    [Fact]
    public void A_percentile_window_maps_the_low_percentile_to_black_and_the_high_to_white()
    {
        var image = new Image2D(101, 1, Enumerable.Range(0, 101).Select(i => (float)(3 * i)).ToArray());

        var window = WindowLevel.FromPercentiles(image, 10, 90);

        Assert.Equal(0, window.Apply(30));
        Assert.Equal(255, window.Apply(270));
        Assert.InRange(window.Apply(150), 126, 129);
    }

    [Fact]
    public void An_SVG_bullseye_is_well_formed_with_escaped_text_and_wedges_where_they_belong()
    {
        var svg = new SvgBuilder(200, 200, RgbColour.White);
        for (var s = 0; s < 6; s++)
        {
            svg.Wedge(100, 100, 60, 90, 60 * s, 60 * (s + 1), ColourMap.Viridis.Map(s, 0, 5), RgbColour.Black, title: $"segment {s + 1}");
        }
        svg.Wedge(100, 100, 0, 30, 0, 360 - 1e-9, RgbColour.White).Text(100, 195, "TTP <ms> & \"scar\"", anchor: "middle").Polyline([new Vec2(0, 0), new Vec2(10, 5)], RgbColour.Black);
        var path = Path.Combine(RepoPaths.ScratchFolder("svg"), "bullseye.svg");
        svg.Save(path);

        var document = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var wedges = document.Descendants(ns + "path").ToList();
        Assert.Equal(7, wedges.Count);
        // The first wedge starts at 12 o'clock on the outer radius: (100, 100 - 90).
        Assert.StartsWith("M 100 10 A 90 90 0 0 1 177.942 55", wedges[0].Attribute("d")!.Value, StringComparison.Ordinal);
        Assert.Equal("TTP <ms> & \"scar\"", document.Descendants(ns + "text").Single().Value);
        Assert.Equal("segment 1", wedges[0].Element(ns + "title")!.Value);
    }

    [Fact]
    public void Colour_maps_reach_their_end_colours_and_clamp_outside()
    {
        Assert.Equal(new RgbColour(68, 1, 84), ColourMap.Viridis.Map(-5, 0, 10));
        Assert.Equal(new RgbColour(253, 231, 37), ColourMap.Viridis.Map(10, 0, 10));
        Assert.Equal(new RgbColour(128, 128, 128), ColourMap.Grey.Map(0.5, 0, 1));
    }
}
