using System.Security.Cryptography;
using System.Text;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>
/// Turns a YAML scenario file into a validated <see cref="Scenario"/>. Every problem is reported
/// as a <see cref="ScenarioException"/> naming the file, line, column, field and expected form.
/// The format is described by <see cref="ScenarioSchema"/> (keys are snake_case; unknown keys are
/// errors); each section has its own parser in this folder.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] Keys =
        [
            "name", "description", "seed", "replicates", "accrual", "dropout", "assessments", "follow_up", "analysis_time",
            "arms", "randomisation", "stratification", "truths", "analyses", "interim", SweepKey,
        ];
    private const string DocumentForm = "a mapping with name, accrual, analysis_time, truths and analyses";
    private const ulong DefaultSeed = 1;
    private const int DefaultReplicates = 10_000;

    /// <summary>Reads and parses the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing or unreadable (line 0), or invalid.</exception>
    public static Scenario Load(string path) => Parse(ReadFile(path), path);

    /// <summary>The text of a scenario file; a located error when it cannot be read.</summary>
    public static string ReadFile(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string problem = exception is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({exception.Message})";
            throw new ScenarioException(path, 0, 0, "", problem, "a readable YAML scenario file", exception);
        }
    }

    /// <summary>Parses scenario YAML; <paramref name="fileName"/> only labels the errors.</summary>
    /// <exception cref="ScenarioException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = ReadDocument(yamlText, fileName);
        if (SweepSection(root) is { } sweep)
            throw sweep.Key.Error("this file is a sweep of scenarios", "a single scenario here; load sweeps with SweepLoader (trialsim run takes both)");
        return ParseRoot(root);
    }

    /// <summary>The key of the sweep section, read by <see cref="Sweeps.SweepLoader"/> and removed before each point is parsed.</summary>
    internal const string SweepKey = "sweep";

    /// <summary>The document's sweep section (its key, where errors about the section point, and its value), or null.</summary>
    internal static (ScenarioNode Key, ScenarioNode Value)? SweepSection(ScenarioNode root)
    {
        if (root.Yaml is not YamlMappingNode mapping) return null;
        var map = new ScenarioMap(mapping, root);
        return map.Has(SweepKey) ? (map.KeyNode(SweepKey), map.Get(SweepKey)!.Value) : null;
    }

    /// <summary>Parses a document's root mapping (without a sweep section) into a scenario.</summary>
    internal static Scenario ParseRoot(ScenarioNode root)
    {
        var map = root.AsMap(DocumentForm, Keys);

        string name = map.Require("name", "a scenario name").AsString("a scenario name");
        string? description = map.Get("description")?.AsString("a description");
        ulong seed = map.Get("seed")?.AsUInt64("an unsigned 64-bit whole number") ?? DefaultSeed;
        int replicates = map.Get("replicates")?.AsPositiveInt("a positive whole number of replicates") ?? DefaultReplicates;
        var arms = map.Get("arms") is ScenarioNode armsNode ? ArmsParser.Parse(armsNode) : Scenario.SingleArm;
        var randomisation = map.Get("randomisation") is ScenarioNode randomisationNode
            ? RandomisationParser.Parse(randomisationNode, arms) : new SimpleRandomisation();
        var strata = map.Get("stratification") is ScenarioNode strataNode ? StratificationParser.Parse(strataNode) : Strata.None;
        var accrual = AccrualParser.Parse(map.Require("accrual", AccrualParser.Form));
        var dropout = map.Get("dropout") is ScenarioNode dropoutNode ? EventTimeModelParser.Parse(dropoutNode) : null;
        var assessments = map.Get("assessments") is ScenarioNode assessmentsNode
            ? AssessmentScheduleParser.Parse(assessmentsNode) : Cohorts.AssessmentSchedule.Continuous;
        double? maxFollowUp = map.Get("follow_up") is ScenarioNode followUpNode ? MaxFollowUp(followUpNode) : null;
        // analysis_time may only be left out when interim.simon sets the final analysis.
        var interimNode = map.Get("interim");
        if (interimNode is null && !map.Has("analysis_time")) throw map.Missing("analysis_time", AnalysisTimeParser.Form);
        AnalysisTime? analysisTime = map.Get("analysis_time") is ScenarioNode timeNode ? AnalysisTimeParser.Parse(timeNode) : null;
        var points = TruthPointParser.Parse(map.Require("truths", TruthPointParser.Form), arms);
        var analyses = AnalysisSpecParser.Parse(map.Require("analyses", AnalysisSpecParser.Form),
            new AnalysisContext(maxFollowUp, (analysisTime as AfterLastPatient)?.FollowUp, arms, strata));
        Decisions.InterimDesign? interim = null;
        if (interimNode is ScenarioNode node) (interim, analysisTime) = InterimParser.Parse(node, map, analysisTime, analyses, accrual);
        return new Scenario(name, description, seed, replicates, accrual, dropout, assessments, maxFollowUp, analysisTime!, points, analyses)
        {
            Arms = arms,
            Randomisation = randomisation,
            Strata = strata,
            Interim = interim,
        };
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the scenario text after normalisation, for provenance metadata:
    /// a byte-order mark, CRLF/CR line ends, trailing spaces and trailing blank lines do not change it.
    /// </summary>
    public static string Hash(string yamlText)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        string text = yamlText.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        string normalised = string.Join('\n', text.Split('\n').Select(line => line.TrimEnd())).TrimEnd('\n') + "\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The root node of the single YAML document, or a located error for malformed YAML.</summary>
    internal static ScenarioNode ReadDocument(string yamlText, string fileName)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yamlText)); }
        catch (YamlException exception)
        {
            throw new ScenarioException(fileName, (int)exception.Start.Line, (int)exception.Start.Column, "",
                $"malformed YAML: {StripPosition(exception.Message)}", "well-formed YAML", exception);
        }
        if (stream.Documents.Count == 0) throw new ScenarioException(fileName, 1, 1, "", "the file is empty", DocumentForm);
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new ScenarioException(fileName, (int)second.Start.Line, (int)second.Start.Column, "", "more than one YAML document", "a single document");
        }
        return ScenarioNode.Root(stream.Documents[0].RootNode, fileName);
    }

    private static double MaxFollowUp(ScenarioNode node)
    {
        const string form = "{max_per_patient: months}";
        var map = node.AsMap(form, ["max_per_patient"]);
        return map.Require("max_per_patient", form).AsPositive("a follow-up > 0 months");
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (...): "; the
    /// exception already carries the position.</summary>
    private static string StripPosition(string message)
    {
        int index = message.IndexOf("): ", StringComparison.Ordinal);
        string text = message.StartsWith('(') && index > 0 ? message[(index + 3)..] : message;
        return text.TrimEnd('.');
    }
}
