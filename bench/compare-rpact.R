# rpact's side of bench/compare-rpact.sh: the workloads of bench/workloads/w1.yaml and w2.yaml
# simulated with getSimulationSurvival, each timed with system.time (elapsed seconds).
# Usage: Rscript bench/compare-rpact.R [TRIALS] [W1|W2|all]
# Prints one machine-readable line per workload:
#   rpact W1 trials=100000 seconds=12.3 power=0.9825
suppressPackageStartupMessages(library(rpact))

args <- commandArgs(trailingOnly = TRUE)
trials <- if (length(args) >= 1) as.integer(args[[1]]) else 100000L
which <- if (length(args) >= 2) toupper(args[[2]]) else "ALL"
if (is.na(trials) || trials < 1) stop("TRIALS must be a positive integer, got '", args[[1]], "'")
if (!which %in% c("W1", "W2", "ALL")) stop("workload must be W1, W2 or all, got '", args[[2]], "'")

# W1: 504 patients 1:1 over 12 months, 12-month event probability 0.2 (experimental) vs 0.4
# (control), one one-sided log-rank analysis at 100 events.
simulate_w1 <- function(trials) {
  getSimulationSurvival(
    design = getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1),
    pi1 = 0.2, pi2 = 0.4, eventTime = 12,
    directionUpper = FALSE,
    plannedEvents = 100,
    maxNumberOfSubjects = 504, accrualTime = 12,
    maxNumberOfIterations = trials, seed = 20250101)
}

# W2: 480 patients 1:1 over 24 months, control median 12 months, HR 0.7; Lan-DeMets
# O'Brien-Fleming looks at 120 / 240 / 360 events, one-sided alpha 0.025.
simulate_w2 <- function(trials) {
  getSimulationSurvival(
    design = getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1,
      typeOfDesign = "asOF", informationRates = c(1 / 3, 2 / 3, 1)),
    lambda2 = log(2) / 12, hazardRatio = 0.7,
    directionUpper = FALSE,
    plannedEvents = c(120, 240, 360),
    maxNumberOfSubjects = 480, accrualTime = 24,
    maxNumberOfIterations = trials, seed = 20250102)
}

report <- function(label, simulate) {
  result <- NULL
  seconds <- system.time(result <- simulate(trials))[["elapsed"]]
  # overallReject: share of iterations rejecting H0 at any stage (the power under this truth)
  power <- result$overallReject[[1]]
  cat(sprintf("rpact %s trials=%d seconds=%.3f power=%.6f\n", label, trials, seconds, power))
}

if (which %in% c("W1", "ALL")) report("W1", simulate_w1)
if (which %in% c("W2", "ALL")) report("W2", simulate_w2)
