using System.Collections.Immutable;
using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>accrual:</c>: a target, one of a constant rate, piecewise rates or per-site
/// rates, an optional enrolment cut-off and an ineligible fraction.</summary>
internal static class AccrualParser
{
    public const string Form = "{target: N, rate: R | rates: [{from, rate}, ...] | sites: [{name, opens, rate}, ...], max_duration?, ineligible_fraction?}";
    private static readonly string[] Keys = ["target", "rate", "rates", "sites", "max_duration", "ineligible_fraction"];

    public static Accrual Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, Keys);
        int target = map.Require("target", "a positive whole number of enrolled patients").AsPositiveInt("a positive whole number of enrolled patients");
        var sites = ImmutableArray<Site>.Empty;
        PiecewiseRate rate;
        switch (map.ChooseOne("exactly one of rate (patients per month), rates (a piecewise list) or sites (a list per site)", "rate", "rates", "sites"))
        {
            case "rate":
                rate = new PiecewiseRate([0.0], [map.Get("rate")!.Value.AsPositive("an accrual rate > 0 patients per month")]);
                break;
            case "rates":
                rate = Pieces(map.Get("rates")!.Value);
                break;
            default:
                var sitesNode = map.Get("sites")!.Value;
                sites = Sites(sitesNode);
                rate = sitesNode.Construct("sites with rates >= 0", () => PiecewiseRate.FromSites(sites));
                break;
        }
        double? maxDuration = map.Get("max_duration")?.AsPositive("an enrolment period > 0 months");
        double ineligible = map.Get("ineligible_fraction")?
            .AsNumberWhere("a probability in [0, 1)", p => p >= 0 && p < 1, "is not in [0, 1)") ?? 0;
        return new Accrual(target, rate, maxDuration, ineligible, sites);
    }

    private static PiecewiseRate Pieces(ScenarioNode node)
    {
        const string listForm = "a non-empty list of {from: months, rate: patients per month}, the first from 0";
        const string pieceForm = "{from: months, rate: patients per month}";
        var items = node.AsList(listForm);
        if (items.Count == 0) throw node.Error("no pieces", listForm);
        var starts = new List<double>();
        var rates = new List<double>();
        foreach (var item in items)
        {
            var piece = item.AsMap(pieceForm, ["from", "rate"]);
            var fromNode = piece.Require("from", pieceForm);
            double from = fromNode.AsNonNegative("a start time >= 0 months");
            if (starts.Count == 0 && from != 0) throw fromNode.Error("the first piece does not start at 0", "from: 0 for the first piece");
            if (starts.Count > 0 && !(from > starts[^1])) throw fromNode.Error("piece starts do not increase", "from times in strictly increasing order");
            starts.Add(from);
            rates.Add(piece.Require("rate", pieceForm).AsNonNegative("an accrual rate >= 0 patients per month"));
        }
        if (!rates.Any(r => r > 0)) throw node.Error("every rate is zero", "at least one piece with a positive rate");
        return new PiecewiseRate(starts, rates);
    }

    private static ImmutableArray<Site> Sites(ScenarioNode node)
    {
        const string listForm = "a non-empty list of {name, opens: months (default 0), rate: patients per month}";
        const string siteForm = "{name, opens: months (default 0), rate: patients per month}";
        var items = node.AsList(listForm);
        if (items.Count == 0) throw node.Error("no sites", listForm);
        var sites = ImmutableArray.CreateBuilder<Site>(items.Count);
        foreach (var item in items)
        {
            var site = item.AsMap(siteForm, ["name", "opens", "rate"]);
            var nameNode = site.Require("name", "a site name");
            string name = nameNode.AsString("a site name");
            if (sites.Any(s => s.Name == name)) throw nameNode.Error($"site '{name}' is listed twice", "distinct site names");
            double opens = site.Get("opens")?.AsNonNegative("an opening time >= 0 months") ?? 0;
            double rate = site.Require("rate", siteForm).AsPositive("an accrual rate > 0 patients per month");
            sites.Add(new Site(name, opens, rate));
        }
        return sites.MoveToImmutable();
    }
}
