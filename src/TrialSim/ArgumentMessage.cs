namespace TrialSim;

/// <summary>What an ArgumentException says, for a user: the first line without .NET's "(Parameter 'x')" suffix.</summary>
internal static class ArgumentMessage
{
    public static string Plain(ArgumentException exception)
    {
        string message = exception.Message.Split('\n')[0].TrimEnd();
        int suffix = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }
}
