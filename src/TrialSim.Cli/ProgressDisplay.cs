using System.Diagnostics;
using System.Globalization;
using TrialSim.Running;

namespace TrialSim.Cli;

/// <summary>
/// Progress of a long run: on an interactive terminal a one-line display (points done, trials a
/// second, time left) redrawn a few times a second; when stderr is redirected, a plain line every
/// 10 seconds (for log files); nothing in CI or with --quiet.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter? _writer;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawMilliseconds;
    private bool _drawn;

    private ProgressDisplay(TextWriter? writer, bool interactive)
    {
        _writer = writer;
        _interactive = interactive;
        _lastDrawMilliseconds = interactive ? -1000 : 0;
    }

    public static ProgressDisplay Create(TextWriter error, bool quiet)
    {
        bool console = ReferenceEquals(error, Console.Error);
        bool ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (quiet || !console || ci) return new ProgressDisplay(null, false);
        return new ProgressDisplay(error, interactive: !Console.IsErrorRedirected);
    }

    public void Report(RunProgress progress)
    {
        if (_writer is null || progress.TrialsTotal == 0) return;
        long now = _clock.ElapsedMilliseconds;
        bool done = progress.TrialsDone >= progress.TrialsTotal;
        if (now - _lastDrawMilliseconds < (_interactive ? 200 : 10_000) && !(done && _interactive)) return;
        _lastDrawMilliseconds = now;
        double seconds = Math.Max(now / 1000.0, 1e-3);
        double rate = progress.TrialsDone / seconds;
        double left = rate > 0 ? (progress.TrialsTotal - progress.TrialsDone) / rate : double.NaN;
        string points = progress.PointsTotal > 1 ? $"points {progress.PointsDone}/{progress.PointsTotal}  " : "";
        string line = string.Create(CultureInfo.InvariantCulture,
            $"  {points}{100.0 * progress.TrialsDone / progress.TrialsTotal,5:F1}%  {progress.TrialsDone:N0}/{progress.TrialsTotal:N0} trials  {rate:N0} trials/s  {Duration(left)} left");
        if (_interactive)
        {
            _writer.Write($"\r{line}   ");
            _drawn = true;
        }
        else _writer.WriteLine(line.TrimStart());
    }

    public void Finish()
    {
        if (_writer is not null && _drawn) _writer.Write("\r" + new string(' ', 100) + "\r");
        _drawn = false;
    }

    public void Dispose() => Finish();

    private static string Duration(double seconds) =>
        double.IsNaN(seconds) ? "?" : seconds < 100 ? $"{seconds:F0} s" : seconds < 6000 ? $"{seconds / 60:F0} min" : $"{seconds / 3600:F1} h";
}
