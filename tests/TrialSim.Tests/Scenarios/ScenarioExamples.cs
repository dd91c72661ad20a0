namespace TrialSim.Tests.Scenarios;

/// <summary>Scenario texts shared by the loader and schema tests.</summary>
internal static class ScenarioExamples
{
    /// <summary>SSG XXV as planned, using most of the format.</summary>
    public const string SsgXxv = """
        name: SSG XXV as planned
        description: Single-arm imatinib discontinuation, 3-year PFS landmark
        seed: 20170105
        replicates: 2000
        accrual:
          target: 31
          sites:
            - {name: Oslo, opens: 0, rate: 0.3}
            - {name: Helsinki, opens: 3, rate: 0.1}
            - {name: Stockholm, rate: 0.05}
          max_duration: 29
          ineligible_fraction: 0.077
        dropout:
          exponential: {rate: 0.005}
        assessments:
          first: 2
          then:
            - {every: 3, until: 12}
            - {every: 4, until: 36}
            - {every: 6, until: 60}
        follow_up:
          max_per_patient: 60
        analysis_time:
          after_last_patient: 36
        truths:
          H0:
            progression: {exponential: {survival: {time: 36, value: 0.15}}}
            death: {exponential: {rate: 0.001}}
          H1:
            progression:
              cure_mixture:
                landmarks: [{median: 23}, {time: 36, survival: 0.42}]
        analyses:
          - type: km_landmark
            landmark: 36
            null_survival: 0.15
          - type: binomial_landmark
            name: exact binomial
            alpha: 0.025
            landmark: 36
            null_rate: 0.15
          - type: one_sample_logrank
            confidence: 0.9
            reference: {exponential: {survival: {time: 36, value: 0.15}}}
        """;

    /// <summary>The smallest valid scenario; cases below vary one part of it.</summary>
    public const string Minimal = """
        name: minimal
        accrual: {target: 20, rate: 1}
        analysis_time: {after_last_patient: 36}
        truths:
          H0: {progression: {exponential: {rate: 0.05}}}
        analyses:
          - {type: km_landmark, landmark: 36, null_survival: 0.15}
        """;

    /// <summary><see cref="Minimal"/> with the truth H0's progression model replaced (placed on line 5).</summary>
    public static string WithProgression(string model) => $$"""
        name: minimal
        accrual: {target: 20, rate: 1}
        analysis_time: {after_last_patient: 36}
        truths:
          H0: {progression: {{model}}}
        analyses:
          - {type: km_landmark, landmark: 36, null_survival: 0.15}
        """;
}
