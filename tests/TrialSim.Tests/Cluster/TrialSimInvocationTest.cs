using TrialSim.Cluster;

namespace TrialSim.Tests.Cluster;

public class TrialSimInvocationTest
{
    [Fact]
    public void Under_the_dotnet_host_it_is_the_host_and_the_program_assembly()
    {
        Assert.Equal("/usr/share/dotnet/dotnet '/opt/my tools/TrialSim.Cli.dll'",
            TrialSimInvocation.FromProcess("/usr/share/dotnet/dotnet", "/opt/my tools/TrialSim.Cli.dll"));
    }

    [Fact]
    public void As_an_executable_it_is_the_executable_alone()
    {
        Assert.Equal("/opt/trialsim/trialsim", TrialSimInvocation.FromProcess("/opt/trialsim/trialsim", "/opt/trialsim/TrialSim.Cli.dll"));
        Assert.Equal("'/opt/trial sim/TrialSim.Cli'", TrialSimInvocation.FromProcess("/opt/trial sim/TrialSim.Cli", ""));
    }
}
