namespace TrialSim.Cli;

public static class Program
{
    public static int Main(string[] args) => TrialSimCommand.Invoke(args, Console.Out, Console.Error);
}
