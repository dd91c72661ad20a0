#!/usr/bin/env bash
# A real Slurm round trip on this machine: starts a one-node Slurm cluster, has `trialsim slurm`
# write the job scripts for a sharded run, submits them, and checks the merged result is
# byte-identical to a plain `trialsim run` of the same scenario, replicates and seed.
#
# Needs root (it installs slurm-wlm and munge with apt-get if missing and starts munged, slurmctld
# and slurmd); without root, or with TRIALSIM_SLURM_ROUNDTRIP=skip, it prints SKIPPED and exits 0.
# It builds nothing: TRIALSIM is the shell command that runs trialsim, here and in the jobs
# (default: dotnet on the Release build of src/TrialSim.Cli). Exits 1 with FAILED on a failure.
# Re-runnable: daemons left over from an earlier run are stopped first; the trap stops the ones
# it started. Its Slurm runs from its own configuration (SLURM_CONF) on its own ports, so a
# system Slurm configuration is neither read nor changed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
# A small sweep (33 points x 2 truths), so shards split points as well as replicate chunks.
scenario="$repo/scenarios/ssg-xxv-sweep.yaml"
replicates=500
shards=3
seed=20250101
timeout_seconds=${SLURM_ROUNDTRIP_TIMEOUT:-300}
state=/var/spool/trialsim-slurm-roundtrip
export SLURM_CONF="$state/slurm.conf"
daemons=()  # pids of the daemons this run started, stopped by the exit trap
work=""     # this run's files, removed by the exit trap after a success
slurm_started=no

say() { echo "slurm round trip: $*"; }
fail() {
  echo "slurm round trip: FAILED: $*" >&2
  exit 1
}

if [ "${TRIALSIM_SLURM_ROUNDTRIP:-}" = skip ]; then
  echo "SKIPPED: slurm round trip turned off (TRIALSIM_SLURM_ROUNDTRIP=skip)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: slurm round trip needs root (it installs slurm-wlm and munge and starts munged, slurmctld and slurmd)"
  exit 0
fi

if [ -z "${TRIALSIM:-}" ]; then
  dll="$repo/src/TrialSim.Cli/bin/Release/net10.0/TrialSim.Cli.dll"
  [ -f "$dll" ] || fail "$dll not found: build it first (dotnet build src/TrialSim.Cli -c Release) or set TRIALSIM to a trialsim command"
  TRIALSIM="dotnet $(printf '%q' "$dll")"
fi
# TRIALSIM is a shell command (it may quote its own words), so it is evaluated, not split.
trialsim() { eval "$TRIALSIM" '"$@"'; }

# --- Slurm and munge installed --------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge (apt-get)"
  apt_log=$(mktemp)
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge; } >"$apt_log" 2>&1 \
    || { tail -n 30 "$apt_log" >&2; fail "apt-get could not install slurm-wlm and munge"; }
  rm -f "$apt_log"
fi

on_exit() {
  local status=$? pid index queued
  # Jobs left after a failure are cancelled while slurmctld and slurmd can still end them: a job's
  # slurmstepd outlives slurmd. Every job of this private cluster is this test's.
  if [ "$slurm_started" = yes ] && queued=$(squeue -h -o '%A' 2>/dev/null) && [ -n "$queued" ]; then
    # shellcheck disable=SC2086 # one job id per word
    scancel $queued 2>/dev/null || true
    for _ in $(seq 1 60); do squeue -h -o '%A' 2>/dev/null | grep -q . || break; sleep 0.5; done
  fi
  # Newest first: slurmd, slurmctld, then munged.
  for ((index = ${#daemons[@]} - 1; index >= 0; index--)); do
    pid=${daemons[index]}
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -eq 0 ]; then rm -rf "$work"; elif [ -n "$work" ]; then echo "slurm round trip: files kept in $work" >&2; fi
  exit "$status"
}
trap on_exit EXIT

# --- a fresh state directory ------------------------------------------------------------
# Stops Slurm daemons an earlier run of this test left behind (found by their pid files), never
# any other Slurm.
stop_leftover_daemons() {
  local pidfile pid
  for pidfile in "$state/slurmd.pid" "$state/slurmctld.pid"; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$pidfile"
  done
}
stop_leftover_daemons
rm -rf "$state"
mkdir -p "$state/ctld" "$state/d"

# --- munge: a key and a running munged ------------------------------------------------------
if [ ! -s /etc/munge/munge.key ]; then
  say "creating /etc/munge/munge.key"
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
fi
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "starting munged"
  install -d -o munge -g munge -m 0755 /run/munge
  # In the foreground, as a child of this script, so the trap can stop and reap it by its pid.
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground >"$state/munged.log" 2>&1 &
  daemons+=($!)
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null || fail "munged does not answer (see $state/munged.log)"
fi

# --- slurm.conf: one node, this machine ---------------------------------------------------
host=$(hostname -s)
# slurmd -C prints this machine's hardware as a slurm.conf node line: CPUs, sockets, RealMemory.
node_line=$(slurmd -C | head -n 1)
case "$node_line" in
  NodeName=*) ;;
  *) fail "slurmd -C did not print a node line (got: $node_line)" ;;
esac
cat >"$SLURM_CONF" <<EOF
# Written by tests/slurm/slurm-roundtrip.sh: a one-node cluster for the round trip test.
ClusterName=trialsim-roundtrip
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=6917
SlurmdPort=6918
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
# No cgroups: processes are tracked by their parentage, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=roundtrip Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

say "starting slurmctld and slurmd ($SLURM_CONF)"
# -D: in the foreground, as children of this script (see munged); -c: no state from earlier runs.
# They log to $state/*.log; .out catches what they print before reading slurm.conf.
slurmctld -D -c >"$state/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -c >"$state/slurmd.out" 2>&1 &
daemons+=($!)
slurm_started=yes
node_state=""
for _ in $(seq 1 60); do
  node_state=$(sinfo -h -N -n "$host" -o '%T' 2>/dev/null || true)
  [ "$node_state" = idle ] && break
  sleep 1
done
if [ "$node_state" != idle ]; then
  tail -n 20 "$state"/slurmctld.* "$state"/slurmd.* >&2 || true
  fail "node $host is '${node_state:-unknown}', not idle, after 60 s"
fi
say "node $host idle"

work=$(mktemp -d /tmp/trialsim-slurm-roundtrip.XXXXXX)

# Waits until none of the given jobs is in the queue (finished, failed or cancelled), printing the
# logs in DIR and failing after the timeout.
wait_for_jobs() {
  local logs=$1 ids=$2 waited=0
  while squeue -h -j "$ids" -o '%i' 2>/dev/null | grep -q .; do
    if [ "$waited" -ge "$timeout_seconds" ]; then
      squeue -j "$ids" >&2 || true
      tail -n 50 "$logs"/* >&2 || true
      fail "jobs $ids still queued or running after $timeout_seconds s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# --- infrastructure: a trivial job array ---------------------------------------------------
mkdir -p "$work/smoke"
# shellcheck disable=SC2016 # $SLURM_ARRAY_TASK_ID is for the job's shell
smoke=$(sbatch --parsable --array=1-3 --output="$work/smoke/%A_%a.out" --wrap 'echo "array task $SLURM_ARRAY_TASK_ID ok"')
smoke=${smoke%%;*}
wait_for_jobs "$work/smoke" "$smoke"
for task in 1 2 3; do
  grep -qx "array task $task ok" "$work/smoke/${smoke}_$task.out" 2>/dev/null \
    || { tail -n 20 "$work/smoke"/* "$state/slurmd.log" >&2 || true; fail "smoke job array task $task did not run"; }
done
say "smoke job array (3 tasks) ran"

# --- trialsim: a sharded run through Slurm, against the same run on this machine -------------
# A space and a quote in the directory: the generated scripts' quoting meets the real sbatch.
out="$work/slurm run's"
trialsim slurm "$scenario" --shards "$shards" --replicates "$replicates" --seed "$seed" --time 00:10:00 \
  --trialsim "$TRIALSIM" --out "$out" >"$work/slurm.txt" 2>&1 \
  || { cat "$work/slurm.txt" >&2; fail "trialsim slurm did not write the scripts"; }
submitted=$("$out/submit.sh") || fail "submit.sh failed: $submitted"
array_job=$(sed -n 's/^array job \([0-9][0-9]*\):.*/\1/p' <<<"$submitted")
merge_job=$(sed -n 's/^merge job \([0-9][0-9]*\):.*/\1/p' <<<"$submitted")
if [ -z "$array_job" ] || [ -z "$merge_job" ]; then fail "submit.sh did not print both job ids: $submitted"; fi
say "submitted array job $array_job ($shards shards) and merge job $merge_job"
started=$SECONDS
wait_for_jobs "$out/logs" "$array_job,$merge_job"
say "jobs finished in $((SECONDS - started)) s"

for task in $(seq 1 "$shards"); do
  log="$out/logs/${array_job}_$task.out"
  grep -qx "trialsim shard $task/$shards: done" "$log" 2>/dev/null \
    || { tail -n 30 "$log" >&2 || true; fail "shard $task/$shards did not succeed (log: $log)"; }
done
merge_log="$out/logs/merge-$merge_job.out"
grep -qx "trialsim merge of $shards shards: done" "$merge_log" 2>/dev/null \
  || { tail -n 30 "$merge_log" >&2 || echo "(no merge log: Slurm cancelled the merge)" >&2; fail "the merge did not succeed (log: $merge_log)"; }
for file in summary.parquet arms.parquet; do
  [ -s "$out/result/$file" ] || fail "the merge wrote no $out/result/$file"
done
say "every shard and the merge succeeded"

trialsim run "$scenario" --replicates "$replicates" --seed "$seed" --out "$work/local" --quiet >/dev/null \
  || fail "trialsim run on this machine failed"
# Every Parquet file of either run, by its path inside the run's directory.
compared=0
while IFS= read -r file; do
  [ -f "$work/local/$file" ] || fail "${file#./} is in the Slurm result but not in trialsim run's output ($work/local)"
  [ -f "$out/result/$file" ] || fail "${file#./} is in trialsim run's output but not in the Slurm result ($out/result)"
  cmp -s "$work/local/$file" "$out/result/$file" \
    || fail "${file#./} differs between the Slurm result ($out/result) and trialsim run on this machine ($work/local)"
  compared=$((compared + 1))
done < <( (cd "$work/local" && find . -name '*.parquet'; cd "$out/result" && find . -name '*.parquet') | sort -u)
say "passed: $compared Parquet file(s) byte-identical to trialsim run on one machine"
