using TrialSim.Cluster;

namespace TrialSim.Tests.Cluster;

public class ShellQuoteTest
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("/usr/share/dotnet/dotnet", "/usr/share/dotnet/dotnet")]
    [InlineData("--time=01:00:00", "--time=01:00:00")]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    public void Plain_words_stay_as_they_are_and_others_are_single_quoted(string value, string quoted) =>
        Assert.Equal(quoted, ShellQuote.Word(value));

    [Theory]
    [InlineData("a b  c")]
    [InlineData("it's 'quoted'")]
    [InlineData("$HOME `id` $(id) ${x:-y}")]
    [InlineData("\"double\" \\ back*slash? [a] ~ ! #hash ; & | < > ( )")]
    [InlineData("new\nline\ttab")]
    [InlineData("")]
    public void Bash_reads_the_quoted_word_back_unchanged(string value)
    {
        if (!Bash.IsAvailable) return;
        var run = Bash.Run(["-c", "printf %s " + ShellQuote.Word(value)]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(value, run.Output);
    }
}
