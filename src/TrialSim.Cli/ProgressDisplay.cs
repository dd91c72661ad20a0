using System.Diagnostics;

namespace TrialSim.Cli;

/// <summary>
/// A one-line progress display on an interactive terminal (trials done, trials a second, time
/// left), redrawn at most a few times a second; silent when stderr is redirected, in CI, or with --quiet.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawMilliseconds = -1000;
    private bool _drawn;

    private ProgressDisplay(TextWriter? writer) => _writer = writer;

    public static ProgressDisplay Create(TextWriter error, bool quiet)
    {
        bool interactive = !quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return new ProgressDisplay(interactive ? error : null);
    }

    public void Report(long done, long total)
    {
        if (_writer is null) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDrawMilliseconds < 200 && done < total) return;
        _lastDrawMilliseconds = now;
        double seconds = Math.Max(now / 1000.0, 1e-3);
        double rate = done / seconds;
        double left = rate > 0 ? (total - done) / rate : double.NaN;
        _writer.Write($"\r  {100.0 * done / total,5:F1}%  {done:N0}/{total:N0} trials  {rate:N0} trials/s  {left:F0} s left   ");
        _drawn = true;
    }

    public void Finish()
    {
        if (_writer is not null && _drawn) _writer.Write("\r" + new string(' ', 78) + "\r");
        _drawn = false;
    }

    public void Dispose() => Finish();
}
