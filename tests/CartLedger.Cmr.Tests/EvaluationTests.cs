using CartLedger.Cmr.Evaluation;
using CartLedger.Cmr.Pixels;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class EvaluationTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Dice_of_two_overlapping_squares_is_twice_the_overlap_over_the_sum()
    {
        var a = new Mask2D(10, 10);
        var b = new Mask2D(10, 10);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                a[x, y] = true;
                b[x + 2, y] = true;
            }
        }
        // |A| = |B| = 16, overlap 2 columns x 4 rows = 8.
        Assert.Equal(2.0 * 8 / 32, Overlap.Dice(a, b), Exact);
    }

    [Fact]
    public void Hausdorff_distance_is_the_worst_nearest_neighbour_either_way()
    {
        IReadOnlyList<Vec3> a = [new(0, 0, 0), new(10, 0, 0)];
        IReadOnlyList<Vec3> b = [new(0, 0, 0), new(0, 3, 0)];

        // From a: (10,0,0) is 10 from (0,0,0) and sqrt(109) from (0,3,0). From b: (0,3,0) is 3 from (0,0,0).
        Assert.Equal(10, Overlap.Hausdorff(a, b), Exact);
    }

    [Fact]
    public void Cohens_kappa_matches_the_textbook_example()
    {
        // 50 items: both yes 20, both no 15, rater 1 only 5, rater 2 only 10; p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4.
        var r1 = Enumerable.Repeat(true, 20).Concat(Enumerable.Repeat(false, 15)).Concat(Enumerable.Repeat(true, 5)).Concat(Enumerable.Repeat(false, 10)).ToList();
        var r2 = Enumerable.Repeat(true, 20).Concat(Enumerable.Repeat(false, 15)).Concat(Enumerable.Repeat(false, 5)).Concat(Enumerable.Repeat(true, 10)).ToList();

        Assert.Equal(0.4, Agreement.CohensKappa(r1, r2), 1e-12);
        Assert.Equal(1, Agreement.CohensKappa([false, false], [false, false]));
    }
}
