namespace CartLedger.Domain.Statistics;

/// <summary>
/// Pearson chi-square on an r x c table (SPSS CROSSTABS "Pearson Chi-Square") and, for 2 x 2 tables, the Yates
/// "Continuity Correction" row; plus the smallest expected count SPSS footnotes (below 5 the test is doubtful).
/// </summary>
public sealed record ChiSquareResult(double ChiSquare, int Df, double P, double? YatesChiSquare, double? YatesP, double MinimumExpected);

public static class ChiSquareTest
{
    public static ChiSquareResult Test(int[,] table)
    {
        int rows = table.GetLength(0), cols = table.GetLength(1);
        if (rows < 2 || cols < 2)
        {
            throw new ArgumentException("a chi-square test needs at least a 2 x 2 table", nameof(table));
        }
        var rowSums = new double[rows];
        var colSums = new double[cols];
        var n = 0.0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                if (table[i, j] < 0)
                {
                    throw new ArgumentException($"cell ({i + 1}, {j + 1}) is negative", nameof(table));
                }
                rowSums[i] += table[i, j];
                colSums[j] += table[i, j];
                n += table[i, j];
            }
        }
        if (rowSums.Any(s => s == 0) || colSums.Any(s => s == 0))
        {
            throw new ArgumentException("a row or column of the table is empty: chi-square is undefined", nameof(table));
        }
        double chi = 0, yates = 0, minimum = double.MaxValue;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var expected = rowSums[i] * colSums[j] / n;
                minimum = Math.Min(minimum, expected);
                var diff = table[i, j] - expected;
                chi += diff * diff / expected;
                var corrected = Math.Max(0, Math.Abs(diff) - 0.5);
                yates += corrected * corrected / expected;
            }
        }
        var df = (rows - 1) * (cols - 1);
        var is2X2 = rows == 2 && cols == 2;
        return new ChiSquareResult(chi, df, Distributions.ChiSquareUpperTail(chi, df),
            is2X2 ? yates : null, is2X2 ? Distributions.ChiSquareUpperTail(yates, 1) : null, minimum);
    }
}
