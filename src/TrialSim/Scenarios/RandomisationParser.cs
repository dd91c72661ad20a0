using System.Collections.Immutable;
using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>randomisation:</c> (designs with two or more arms): <c>{simple: true}</c>, or
/// permuted blocks <c>{blocks: [sizes]}</c> whose sizes are each a multiple of the sum of the ratios.</summary>
internal static class RandomisationParser
{
    public const string Form = "{blocks: [block sizes]} for permuted blocks, or {simple: true}";

    public static Randomisation Parse(ScenarioNode node, ImmutableArray<Arm> arms)
    {
        if (arms.Length < 2)
            throw node.Error("randomisation needs two or more arms", "arms: [{name, ratio}, ...] with two or more arms, or no randomisation for a single-arm design");
        var map = node.AsMap(Form, ["blocks", "simple"]);
        if (map.ChooseOne(Form, "blocks", "simple") == "simple")
        {
            var simple = map.Get("simple")!.Value;
            if (!simple.AsBoolean("simple: true")) throw simple.Error("simple: false names no randomisation", Form);
            return new SimpleRandomisation();
        }
        int ratioSum = arms.Sum(a => a.Ratio);
        string ratios = string.Join(":", arms.Select(a => a.Ratio));
        string fitForm = $"block sizes that are multiples of {ratioSum} (the sum of the ratios {ratios}), e.g. {ratioSum}, {2 * ratioSum}, {3 * ratioSum}";
        var blocksNode = map.Get("blocks")!.Value;
        var items = blocksNode.AsList($"a non-empty list of {fitForm}");
        if (items.Count == 0) throw blocksNode.Error("no block sizes", $"a non-empty list of {fitForm}");
        var sizes = ImmutableArray.CreateBuilder<int>(items.Count);
        foreach (var item in items)
        {
            int size = item.AsPositiveInt($"a block size: {fitForm}");
            if (size % ratioSum != 0)
                throw item.Error($"block size {size} does not fit the allocation ratios {ratios}", fitForm);
            sizes.Add(size);
        }
        return new PermutedBlockRandomisation(sizes.MoveToImmutable());
    }
}
