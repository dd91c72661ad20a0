using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class AnalysisResultTest
{
    [Fact]
    public void Undefined_HasNaNEstimateAndInterval_PValueOne_NoRejection()
    {
        var result = AnalysisResult.Undefined(analysed: 12, events: 3);
        Assert.True(double.IsNaN(result.Estimate));
        Assert.True(double.IsNaN(result.Lower));
        Assert.True(double.IsNaN(result.Upper));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
        Assert.Equal(12, result.Analysed);
        Assert.Equal(3, result.Events);
    }
}
