using CartLedger.Cmr.Export.Pictures;
using CartLedger.Imaging.Pictures;

namespace CartLedger.Cmr.Tests.Export;

/// <summary>The PNG pictures carry their text in the built-in bitmap font (no system font): labels, legend, title.</summary>
public class PictureTextTests
{
    private static int Black(RgbImage image, int x0, int y0, int x1, int y1)
    {
        var count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(image.Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(image.Width, x1); x++)
            {
                count += image[x, y] == (0, 0, 0) ? 1 : 0;
            }
        }
        return count;
    }

    [Fact]
    public void Text_is_drawn_glyph_by_glyph_on_its_baseline_at_its_anchor()
    {
        var image = new Drawing(80, 20).Text(10, 12, "L1", 9).ToRaster();

        // 'L': a left column of 7 pixels down to the baseline row (y = 11) and 4 more along it (11); '1': 10.
        Assert.Equal(11 + 10, Black(image, 0, 0, 80, 20));
        Assert.All(Enumerable.Range(5, 7), y => Assert.Equal((byte)0, image[10, y].R));
        Assert.All(Enumerable.Range(10, 5), x => Assert.Equal((byte)0, image[x, 11].R));
        Assert.Equal(0, Black(image, 0, 12, 80, 20)); // nothing below the baseline (no descenders in "L1")
        var centred = new Drawing(80, 20).Text(40, 12, "L1", 9, "middle").ToRaster();
        var ended = new Drawing(80, 20).Text(40, 12, "L1", 9, "end").ToRaster();
        Assert.Equal(21, Black(centred, 34, 0, 46, 20)); // 11 pixels wide, centred on x = 40
        Assert.Equal(21, Black(ended, 29, 0, 40, 20));
    }

    [Fact]
    public void Bullseye_PNGs_show_title_segment_labels_and_legend_and_their_bytes_repeat()
    {
        var transmurality = Enumerable.Range(0, 37).Select(n => n % 5 * 25.0).ToArray();
        var categories = Enumerable.Range(0, 37).Select(n => n == 10 ? TargetCategory.PrimaryTarget : n == 11 ? TargetCategory.TargetArea : TargetCategory.Eligible).ToArray();

        var scar = TreatmentPictures.ScarBullseye(transmurality).ToRaster();
        var targets = TreatmentPictures.TargetBullseye(categories).ToRaster();

        Assert.True(Black(scar, 60, 8, 260, 24) > 150, "the title above the bullseye");
        Assert.True(Black(scar, 0, 40, 310, 310) > 400, "segment numbers on the wedges and the wall names");
        Assert.True(Black(targets, 330, 55, 450, 200) > 300, "the legend's words next to its swatches");
        Assert.Equal(scar.Rgb, TreatmentPictures.ScarBullseye(transmurality).ToRaster().Rgb);
        Assert.Equal(PngEncoder.Encode(targets), PngEncoder.Encode(TreatmentPictures.TargetBullseye(categories).ToRaster()));
    }

    [Fact]
    public void Every_printable_character_has_a_glyph_and_others_draw_as_a_question_mark()
    {
        Assert.All(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c), c =>
            Assert.Contains(Enumerable.Range(0, 5), x => Enumerable.Range(0, 8).Any(y => BitmapFont.Pixel(c, x, y))));
        Assert.All(Enumerable.Range(0, 5), x => Assert.All(Enumerable.Range(0, 8), y => Assert.Equal(BitmapFont.Pixel('?', x, y), BitmapFont.Pixel('\u00b0', x, y))));
    }
}
