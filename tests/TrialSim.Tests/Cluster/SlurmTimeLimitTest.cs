using TrialSim.Cluster;

namespace TrialSim.Tests.Cluster;

public class SlurmTimeLimitTest
{
    [Theory]
    [InlineData("30")]
    [InlineData("30:00")]
    [InlineData("01:00:00")]
    [InlineData("2-00")]
    [InlineData("2-12:30")]
    [InlineData("2-12:30:00")]
    public void Slurm_forms_are_accepted(string value) => Assert.True(SlurmTimeLimit.IsValid(value));

    [Theory]
    [InlineData("")]
    [InlineData("1h")]
    [InlineData("01:00:00:00")]
    [InlineData("-1")]
    [InlineData("1-")]
    [InlineData("01:00:00 ")]
    [InlineData("01:00:00\n")]
    [InlineData("01:00:00\n#SBATCH --x")]
    public void Other_text_is_refused(string value) => Assert.False(SlurmTimeLimit.IsValid(value));
}
