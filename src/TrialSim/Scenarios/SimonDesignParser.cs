using System.Globalization;
using TrialSim.Analyses;
using TrialSim.Decisions;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>interim.simon</c>: Simon's optimal or minimax two-stage design searched for with the
/// monitored binomial_landmark analysis's null_rate as p0 and its alpha, against p1 and power
/// given here; or an explicit design {n1, r1, n, r}.
/// </summary>
internal static class SimonDesignParser
{
    public const string Form = "{design: optimal or minimax, p1: rate under H1, power: (0, 1), default 0.8} or {explicit: {n1, r1, n, r}}";
    public const string ExplicitForm = "{n1: first-stage patients, r1: most first-stage responses that stop, n: total patients, r: most total responses that accept H0}";

    /// <summary>The largest total sample size searched (clinfun::ph2simon's default nmax).</summary>
    public const int MaxTotal = 100;
    private const double DefaultPower = 0.8;

    public static SimonDesign Parse(ScenarioNode node, BinomialLandmarkSpec monitor)
    {
        var map = node.AsMap(Form, ["design", "p1", "power", "explicit"]);
        string kind = map.ChooseOne(Form, "design", "explicit");
        if (kind == "explicit")
        {
            foreach (string key in (string[])["p1", "power"])
                if (map.Has(key)) throw map.KeyNode(key).Error($"'{key}' only applies to a searched design", "an explicit design alone, or design: optimal | minimax with p1 and power");
            return Explicit(map.Get("explicit")!.Value);
        }

        var designNode = map.Get("design")!.Value;
        const string designForm = "optimal (smallest expected size under H0) or minimax (smallest total size)";
        bool minimax = designNode.AsString(designForm) switch
        {
            "optimal" => false,
            "minimax" => true,
            string other => throw designNode.Error($"unknown Simon design '{other}'", designForm),
        };
        double p0 = monitor.NullRate;
        double p1 = map.Require("p1", Form).AsNumberWhere(
            Invariant($"a rate under H1 between the monitored analysis's null_rate ({p0}) and 1"), p => p > p0 && p < 1,
            Invariant($"is not strictly between the null rate {p0} and 1"));
        double power = map.Get("power")?.AsNumberWhere("a power in (0, 1), default 0.8", p => p > 0 && p < 1, "is not strictly between 0 and 1") ?? DefaultPower;
        try
        {
            return minimax
                ? SimonSearch.Minimax(p0, p1, monitor.Alpha, 1 - power, MaxTotal)
                : SimonSearch.Optimal(p0, p1, monitor.Alpha, 1 - power, MaxTotal);
        }
        catch (InvalidOperationException exception)
        {
            throw node.Error(
                string.Create(CultureInfo.InvariantCulture, $"no Simon design with n at most {MaxTotal} has type I error at most {monitor.Alpha} at p0 = {p0} and power at least {power} at p1 = {p1}"),
                "p1 further from the null rate, a larger alpha or a lower power; or an explicit design {n1, r1, n, r}", exception);
        }
    }

    private static SimonDesign Explicit(ScenarioNode node)
    {
        var map = node.AsMap(ExplicitForm, ["n1", "r1", "n", "r"]);
        int n1 = map.Require("n1", ExplicitForm).AsPositiveInt("n1, a positive whole number of first-stage patients");
        int r1 = map.Require("r1", ExplicitForm).AsNonNegativeInt("r1, a whole number in [0, n1)");
        int n = map.Require("n", ExplicitForm).AsPositiveInt("n, a whole number of patients above n1");
        int r = map.Require("r", ExplicitForm).AsNonNegativeInt("r, a whole number in [r1, n)");
        return node.Construct(Invariant($"{ExplicitForm} with 1 <= n1 < n, 0 <= r1 < n1, r1 <= r < n"), () => new SimonDesign(n1, r1, n, r));
    }
}
