using System.Text.Json;
using CartLedger.Console.Cli;

namespace CartLedger.Console.Tests.Register;

/// <summary>`bench registration` runs end to end and prints the fields its consumers read.</summary>
public class RegistrationBenchVerbTests
{
    [Fact]
    public async Task One_landmark_case_with_the_lead_prints_one_json_object_with_the_figures()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "registration", "--method", "landmark", "--cases", "1", "--lead", "--json"], new Terminal(output, error, interactive: false), TestContext.Current.CancellationToken);

        Assert.True(code == ExitCodes.Success, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        foreach (var field in new[] { "method", "cases", "startMeanTreMm", "meanTreMm", "sdTreMm", "medianTreMm", "p90TreMm", "successRate", "msPerRegistration" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Equal("landmark", root.GetProperty("method").GetString());
        Assert.InRange(root.GetProperty("meanTreMm").GetDouble(), 0, 5);
        Assert.True(root.GetProperty("lead").GetProperty("electrodes").GetInt32() > 0);
    }
}
