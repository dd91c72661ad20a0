using System.CommandLine;

namespace TrialSim.Cli;

/// <summary>The <c>trialsim</c> command: parse, validate, run. Tests call <see cref="Invoke"/> directly.</summary>
public static class TrialSimCommand
{
    /// <summary>Exit code for bad input (scenario or options); 1 is left for unexpected failures.</summary>
    public const int BadInput = 2;

    /// <summary>Prints "error: MESSAGE" and returns <see cref="BadInput"/>: how every subcommand refuses bad input.</summary>
    public static int Refuse(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return BadInput;
    }

    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("trialsim: Monte Carlo simulation of clinical-trial designs (operating characteristics to Parquet)");
        root.Subcommands.Add(RunCommand.Build(output, error));
        root.Subcommands.Add(MergeCommand.Build(output, error));
        root.Subcommands.Add(SizeCommand.Build(output, error));
        root.Subcommands.Add(ValidateCommand.Build(output, error));
        root.Subcommands.Add(SchemaCommand.Build(output));
        root.Subcommands.Add(DesignCommand.Build(output, error));
        root.Subcommands.Add(SlurmCommand.Build(output, error));
        root.Subcommands.Add(ReportCommand.Build(output, error));
        root.Subcommands.Add(PlotCommand.Build(output, error));
        return root;
    }

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
