#!/usr/bin/env bash
# The same two-arm workloads in rpact and in trialsim, in one run: speed and agreement of power.
#
#   bench/compare-rpact.sh [--trials N]     (default 100000 simulated trials per workload)
#
# W1 (bench/workloads/w1.yaml): 504 patients 1:1 over 12 months, 12-month event probability 0.2 vs
#    0.4, one log-rank analysis at 100 events.
# W2 (bench/workloads/w2.yaml): 480 patients over 24 months, control median 12, HR 0.7, Lan-DeMets
#    O'Brien-Fleming looks at 120 / 240 / 360 events.
# rpact runs bench/compare-rpact.R (getSimulationSurvival); trialsim runs each workload with 1 and
# with 2 threads. Prints one table; exits 1 if a trialsim power and rpact's differ by more than 3
# combined Monte Carlo standard errors, 2 on bad usage or missing prerequisites.
set -euo pipefail

trials=100000
thread_counts=(1 2)

usage() {
  echo "usage: bench/compare-rpact.sh [--trials N]   (N simulated trials per workload, default 100000)"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --trials)
      [[ $# -ge 2 ]] || { echo "error: --trials needs a value" >&2; usage >&2; exit 2; }
      trials="$2"; shift 2 ;;
    --trials=*) trials="${1#--trials=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'; valid: --trials N, --help" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ "$trials" =~ ^[1-9][0-9]*$ ]]; then
  echo "error: --trials must be a positive integer, got '$trials'" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# --- prerequisites: R with rpact, the .NET SDK ---------------------------------------------------
has_rpact() {
  command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'quit(status = if (requireNamespace("rpact", quietly = TRUE)) 0 else 1)' >/dev/null 2>&1
}
if ! has_rpact; then
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "Rscript or rpact missing: installing r-cran-rpact with apt-get" >&2
    apt-get update -qq && apt-get install -y -qq r-cran-rpact >&2
  fi
  if ! has_rpact; then
    echo "error: this comparison needs R with the rpact package." >&2
    echo "  Debian/Ubuntu: sudo apt-get install r-cran-rpact" >&2
    echo "  elsewhere:     install R, then Rscript -e 'install.packages(\"rpact\")'" >&2
    exit 2
  fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK (dotnet) is needed" >&2; exit 2; }

dll="src/TrialSim.Cli/bin/Release/net10.0/TrialSim.Cli.dll"
echo "building trialsim (Release) ..." >&2
dotnet build src/TrialSim.Cli -c Release -nologo -v quiet >&2
[[ -f "$dll" ]] || { echo "error: build did not produce $dll" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/compare-rpact.XXXXXX")"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

# --- run everything; each result is one line: workload tool threads seconds inproc power ----------
results="$work/results.txt"
: > "$results"
for workload in w1 w2; do
  label="${workload^^}"
  echo "rpact $label: $trials trials ..." >&2
  line="$(Rscript bench/compare-rpact.R "$trials" "$label" | grep "^rpact $label ")"
  seconds="$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$line")"
  power="$(sed -E 's/.* power=([0-9.]+).*/\1/' <<<"$line")"
  echo "$label rpact 1 $seconds - $power" >> "$results"

  for threads in "${thread_counts[@]}"; do
    echo "trialsim $label: $trials trials, $threads thread(s) ..." >&2
    log="$work/$workload-t$threads.log"
    start="$(now)"
    dotnet "$dll" run "bench/workloads/$workload.yaml" --replicates "$trials" --threads "$threads" \
      --quiet --out "$work/$workload-t$threads" > "$log"
    end="$(now)"
    seconds="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')"
    # The rejection line of the monitored analysis: "  logrank   0.9840 (0.0028)   0.4368 ..."
    power="$(awk '/^  analysis +reject/ { table = 1; next } table && $1 == "logrank" { print $2; exit }' "$log")"
    # trialsim's own in-process time, its last line: "100,000 trials in 20.51 s (4,876 trials/s)"
    inproc="$(tail -n 1 "$log" | sed -nE 's/^[0-9,]+ trials in ([0-9.]+) s.*/\1/p')"
    if [[ -z "$power" || -z "$inproc" ]]; then
      echo "error: could not read trialsim's power or time from its output:" >&2
      cat "$log" >&2
      exit 2
    fi
    echo "$label trialsim $threads $seconds $inproc $power" >> "$results"
  done
done

# --- report ---------------------------------------------------------------------------------------
cpu="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//')"
echo
echo "machine: $(nproc) logical CPUs, ${cpu:-unknown CPU}; $(uname -sm)"
echo "rpact $(Rscript -e 'cat(format(packageVersion("rpact")))'), $(R --version | head -n 1 | sed 's/ (.*//'); trialsim $(git rev-parse --short HEAD 2>/dev/null || echo '?'), .NET $(dotnet --version)"
echo "trials per workload: $trials"
echo
awk -v n="$trials" '
  function mcse(p) { return sqrt(p * (1 - p) / n) }
  BEGIN {
    printf "%-8s %-8s %7s %9s %9s %10s %8s %8s %8s %8s %8s %5s\n",
      "workload", "tool", "threads", "seconds", "in-proc s", "trials/s", "x rpact", "in-proc", "power", "MCSE", "diff/se", "agree"
  }
  {
    workload = $1; tool = $2; threads = $3; seconds = $4; inproc = $5; power = $6
    if (tool == "rpact") { rpact_seconds = seconds; rpact_power = power }
    rate = n / seconds
    speed = rpact_seconds / seconds
    speed_inproc = (inproc == "-") ? "-" : sprintf("%.2f", rpact_seconds / inproc)
    if (tool == "rpact") { z = "-"; agree = "-" }
    else {
      se = sqrt(mcse(power) ^ 2 + mcse(rpact_power) ^ 2)
      diff = power - rpact_power; if (diff < 0) diff = -diff
      if (se > 0) z = sprintf("%.2f", diff / se); else z = (diff == 0 ? "0.00" : "inf")
      if (diff <= 3 * se) agree = "yes"; else { agree = "NO"; disagree = 1 }
    }
    printf "%-8s %-8s %7d %9.2f %9s %10.0f %8.2f %8s %8.4f %8.4f %8s %5s\n",
      workload, tool, threads, seconds, inproc, rate, speed, speed_inproc, power, mcse(power), z, agree
  }
  END { exit disagree ? 1 : 0 }
' "$results" && status=0 || status=$?

cat <<EOF

seconds: wall clock. For rpact, system.time(getSimulationSurvival(...)) inside R, so R start-up and
  loading rpact are excluded. For trialsim, the whole 'dotnet TrialSim.Cli.dll run' process:
  .NET start-up, JIT, reading the YAML and writing Parquet are included.
in-proc s: trialsim's own reported time for the simulation ("N trials in X s").
trials/s and x rpact (rpact seconds / these seconds, above 1 is faster) use the wall-clock seconds;
  in-proc is rpact seconds / trialsim in-process seconds, the like-for-like ratio.
MCSE: sqrt(p (1 - p) / n); diff/se: |power - rpact power| / sqrt(MCSE^2 + rpact MCSE^2);
  agree: within 3 combined MCSE.
Accrual: rpact enrols uniformly over the accrual time, trialsim by Poisson arrivals at the same
  rate; for event-driven analyses this matters little.
EOF

if [[ $status -ne 0 ]]; then
  echo "error: a trialsim power differs from rpact's by more than 3 combined MCSE" >&2
  exit 1
fi
