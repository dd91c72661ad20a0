using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TrialSim.Reports;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Reports;

/// <summary>The paragraph's numbers, read back out of the report's text, equal the values in summary.parquet and the scenario.</summary>
public class StatisticalConsiderationsTest(GroupSequentialRun groupSequential, SingleArmAsRun singleArm)
    : IClassFixture<GroupSequentialRun>, IClassFixture<SingleArmAsRun>
{
    [Fact]
    public Task Group_sequential_paragraph_numbers_equal_the_parquet_values() => AssertParagraphMatches(groupSequential, "logrank");

    [Fact]
    public Task Single_arm_paragraph_numbers_equal_the_parquet_values() => AssertParagraphMatches(singleArm, "km-landmark-36");

    [Fact]
    public void Paragraph_names_the_hypotheses_and_the_allowances()
    {
        string gsd = Paragraph(groupSequential);
        Assert.Contains("H0: hazard ratio (experimental / control) >= 1 against H1: hazard ratio < 1", gsd);
        Assert.Contains("2 interim analyses (at 100 events (50% of the planned information), at 150 events (75% of the planned information))", gsd);
        Assert.Contains("No loss to follow-up is assumed.", gsd);
        Assert.Contains("under H0 (true hazard ratio 1: the type I error)", gsd);
        Assert.Contains("under H1 (true hazard ratio 0.7: the power)", gsd);
        string ssg = Paragraph(singleArm);
        Assert.Contains("loss to follow-up of 15% by 36 months", ssg);
        Assert.Contains("7.7% of patients found ineligible after enrolment", ssg);
        Assert.Contains("closing at month 29 if the target has not been met", ssg);
    }

    private static string Paragraph(ReportedRun run)
    {
        var match = Regex.Match(run.Html, $@"id=""{HtmlReportWriter.ParagraphId}"">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(match.Success, "no statistical-considerations paragraph");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task AssertParagraphMatches(ReportedRun run, string analysis)
    {
        string text = Paragraph(run);
        var (rows, metadata) = await ParquetRows.ReadAsync(run.SummaryPath);
        var scenario = ScenarioLoader.Load(Path.Combine(run.Directory, "scenario.yaml"));

        var header = Match(text, @"In (?<n>[\d,]+) simulated trials per truth \(seed (?<seed>\d+), trialsim (?<version>[^)]+)\)");
        Assert.Equal(metadata["trialsim.replicates"], header.Groups["n"].Value.Replace(",", ""));
        Assert.Equal(metadata["trialsim.seed"], header.Groups["seed"].Value);
        Assert.Equal(metadata["trialsim.version"], header.Groups["version"].Value);
        var spec = scenario.Analyses.Single(a => a.Name == analysis);
        AssertPrinted(Match(text, @"one-sided significance level of (?<v>[\d.]+)").Groups["v"].Value, spec.Alpha);
        Assert.Equal(scenario.Accrual.TargetSampleSize.ToString(CultureInfo.InvariantCulture), Match(text, @"(?<v>\d+) patients enrolled at").Groups["v"].Value);

        var primary = rows.Where(r => (string)r["analysis"] == analysis).ToList();
        Assert.NotEmpty(primary);
        foreach (var row in primary)
        {
            string truth = Regex.Escape((string)row["truth"]);
            var rejection = Match(text, $@"(?<rate>\d+\.\d+) \(Monte Carlo standard error (?<mcse>\d+\.\d+)\) under {truth}[ ;.]");
            AssertPrinted(rejection.Groups["rate"].Value, (double)row["rejection_rate"]);
            AssertPrinted(rejection.Groups["mcse"].Value, (double)row["rejection_rate_mcse"]);
            var conduct = Match(text, $@"Under {truth} the trial enrols on average (?<enrolled>[\d.]+) patients \((?<analysed>[\d.]+) analysed\), "
                + @"records (?<events>[\d.]+) events and (is analysed|ends \(at an interim stop or the final analysis\)) at a mean of (?<duration>[\d.]+) months "
                + @"after enrolment opens \(5-95%: (?<p05>[\d.]+)-(?<p95>[\d.]+) months\)");
            AssertPrinted(conduct.Groups["enrolled"].Value, (double)row["enrolled_mean"]);
            AssertPrinted(conduct.Groups["analysed"].Value, (double)row["analysed_mean"]);
            AssertPrinted(conduct.Groups["events"].Value, (double)row["events_mean"]);
            AssertPrinted(conduct.Groups["duration"].Value, (double)row["duration_mean"]);
            AssertPrinted(conduct.Groups["p05"].Value, (double)row["duration_p05"]);
            AssertPrinted(conduct.Groups["p95"].Value, (double)row["duration_p95"]);
            if ((double)row["closed_short_rate"] > 0)
            {
                var closed = Match(text, $@"Under {truth} .*?enrolment closes short of the target with probability (?<rate>[\d.]+) \(Monte Carlo standard error (?<mcse>[\d.]+)\)");
                AssertPrinted(closed.Groups["rate"].Value, (double)row["closed_short_rate"]);
                AssertPrinted(closed.Groups["mcse"].Value, (double)row["closed_short_rate_mcse"]);
            }
        }
    }

    private static Match Match(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"the paragraph has no match for /{pattern}/:\n{text}");
        return match;
    }

    /// <summary>The printed number is the value rounded to the decimals printed.</summary>
    private static void AssertPrinted(string printed, double value)
    {
        int decimals = printed.Contains('.') ? printed.Length - printed.IndexOf('.') - 1 : 0;
        double parsed = double.Parse(printed, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(parsed - value) <= 0.5 * Math.Pow(10, -decimals) + 1e-12, $"printed {printed}, Parquet has {value}");
    }
}
