using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class ComparisonTest
{
    [Fact]
    public void GroupOf_codes_experimental_control_and_neither()
    {
        var comparison = new Comparison(Experimental: 2, Control: 0);
        Assert.Equal(1, comparison.GroupOf(2));
        Assert.Equal(0, comparison.GroupOf(0));
        Assert.Equal(255, comparison.GroupOf(1));
        Assert.Equal(255, comparison.GroupOf(3));
    }

    /// <summary>The vectorised form against the one-patient reference, over lengths that leave a tail.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(501)]
    public void GroupsOf_equals_GroupOf_patient_by_patient(int n)
    {
        var random = new Random(n);
        var arms = Enumerable.Range(0, n).Select(_ => (byte)random.Next(4)).ToArray();
        foreach (var comparison in new[] { new Comparison(1, 0), new Comparison(0, 3), new Comparison(2, 1) })
        {
            var groups = new byte[n];
            comparison.GroupsOf(arms, groups);
            Assert.Equal(arms.Select(comparison.GroupOf).ToArray(), groups);
        }
    }
}
