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

    /// <summary>A randomised stop-vs-continue design (Gist-Ten-like) using every two-arm addition.</summary>
    public const string TwoArm = """
        name: Gist-Ten stop vs continue
        seed: 2021
        replicates: 1000
        arms:
          - {name: stop, ratio: 2}
          - {name: continue}
        randomisation:
          blocks: [3, 6]
        stratification:
          - name: remission
            levels:
              - {name: complete, prevalence: 0.6, hazard_ratio: 0.7}
              - {name: residual, prevalence: 0.4, hazard_ratio: 1.4}
          - name: duration
            levels:
              - {name: under-12y, prevalence: 0.75}
              - {name: over-12y, prevalence: 0.25, hazard_ratio: 0.9}
        accrual: {target: 50, rate: 2}
        assessments: {first: 3, then: [{every: 3, until: 24}], thereafter: 6}
        follow_up: {max_per_patient: 36}
        analysis_time: {after_last_patient: 12}
        truths:
          harmless:
            continue:
              progression: {exponential: {survival: {time: 12, value: 0.85}}}
              toxicity_stop: {exponential: {rate: 0.005}}
              switch_to: stop
            stop:
              progression: {cure_mixture: {landmarks: [{time: 12, survival: 0.32}, {time: 24, survival: 0.165}]}}
              death: {exponential: {rate: 0.002}}
              rechallenge:
                response: 0.92
                progression: {exponential: {median: 24}}
          H0:
            stop: {progression: {exponential: {rate: 0.05}}}
            continue: {progression: {exponential: {rate: 0.05}}}
        analyses:
          - type: logrank
            experimental: continue
            control: stop
            stratified: true
          - type: cox
            name: cox-ni
            experimental: stop
            control: continue
            ties: breslow
            non_inferiority_margin: 1.5
            alpha: 0.025
          - type: landmark_rate_difference
            experimental: stop
            control: continue
            landmark: 6
            estimator: binary
            non_inferiority_margin: 0.15
          - type: fisher_exact
            experimental: continue
            control: stop
            landmark: 6
          - type: bayesian_rate
            experimental: stop
            control: continue
            landmark: 6
            prior_experimental: {a: 0.5, b: 2}
            margin: 0.1
            threshold: 0.8
          - type: rmst_difference
            experimental: continue
            control: stop
            horizon: 12
            non_inferiority_margin: 1
        """;

    /// <summary>The smallest valid two-arm scenario; the two-arm error cases vary one part of it.</summary>
    public const string TwoArmMinimal = """
        name: two-arm
        accrual: {target: 50, rate: 2}
        analysis_time: {after_last_patient: 12}
        arms:
          - {name: stop, ratio: 1}
          - {name: continue, ratio: 1}
        truths:
          H0:
            stop: {progression: {exponential: {rate: 0.1}}}
            continue: {progression: {exponential: {rate: 0.02}}}
        analyses:
          - {type: logrank, experimental: continue, control: stop}
        """;
    /// <summary>A two-arm group-sequential log-rank design; the interim error cases vary one line of it.</summary>
    public const string GroupSequential = """
        name: gsd
        accrual: {target: 400, rate: 16}
        analysis_time: {events: 200}
        arms:
          - {name: control}
          - {name: experimental}
        truths:
          H0:
            control: {progression: {exponential: {median: 12}}}
            experimental: {progression: {exponential: {median: 12}}}
        analyses:
          - {name: logrank, type: logrank, experimental: experimental, control: control, alpha: 0.025}
          - {name: bayes, type: bayesian_rate, experimental: experimental, control: control, landmark: 6, threshold: 0.9}
        interim:
          monitor: logrank
          looks:
            - {information: 0.5}
            - {events: 150}
          group_sequential:
            efficacy: {spending: obrien_fleming}
            futility: {beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7}
        """;

    /// <summary>SSG XXV's hypotheses as a Simon optimal design (single arm).</summary>
    public const string Simon = """
        name: simon
        accrual: {target: 40, rate: 1.25}
        truths:
          H0: {progression: {exponential: {survival: {time: 36, value: 0.15}}}}
        analyses:
          - {name: binomial-36, type: binomial_landmark, landmark: 36, null_rate: 0.15, alpha: 0.05}
          - {type: km_landmark, landmark: 36, null_survival: 0.15}
        interim:
          monitor: binomial-36
          simon: {design: optimal, p1: 0.35, power: 0.8}
        """;

    /// <summary>Bayesian monitoring of a two-arm rate analysis, final analysis at 50 evaluable patients.</summary>
    public const string Bayesian = """
        name: bayes
        accrual: {target: 60, rate: 2}
        analysis_time: {evaluable: 50, landmark: 6}
        arms:
          - {name: stop}
          - {name: continue}
        truths:
          H0:
            stop: {progression: {exponential: {rate: 0.02}}}
            continue: {progression: {exponential: {rate: 0.02}}}
        analyses:
          - {name: bayes-pfr6, type: bayesian_rate, experimental: stop, control: continue, landmark: 6, margin: 0.1, threshold: 0.8}
        interim:
          monitor: bayes-pfr6
          looks:
            - {evaluable: 25, landmark: 6}
            - {enrolled: 50}
          bayesian: {efficacy_threshold: 0.95, harm_threshold: 0.05, min_predictive_probability: 0.1}
        """;
}
