#!/usr/bin/env bash
# The report as a person sees it: run a shipped scenario, write its HTML report, open it in headless
# Chromium and check that the page loads with no console error and that every figure is decoded and
# drawn with ink (non-white pixels). Prints "report in chromium: passed", "... FAILED (why)" or
# "... SKIPPED (why)" as its last line; exits 1 on failure, 0 otherwise.
# Usage: tests/report/report-in-chromium.sh [SCENARIO.yaml] [REPLICATES]
set -uo pipefail
cd "$(dirname "$0")/../.."
scenario=${1:-scenarios/gsd-logrank.yaml}
replicates=${2:-300}
here=tests/report

skip() { echo "report in chromium: SKIPPED ($1)"; exit 0; }
fail() { echo "report in chromium: FAILED ($1)"; exit 1; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "!!!!!!!! SKIPPED: chromium is not installed and this is not root, so it cannot be installed with apt-get !!!!!!!!"
    skip "no chromium and not root"
  fi
  echo "installing Debian's chromium with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium; } > /tmp/report-in-chromium-apt.log 2>&1 \
    || { tail -20 /tmp/report-in-chromium-apt.log; fail "apt-get install chromium failed"; }
  browser=$(command -v chromium) || fail "chromium not found after installing it"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/TrialSim.Cli -c Release -v quiet -nologo > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; fail "dotnet build failed"; }
cli=(dotnet src/TrialSim.Cli/bin/Release/net10.0/TrialSim.Cli.dll)
"${cli[@]}" run "$scenario" --replicates "$replicates" --quiet --out "$work/run" > "$work/run.log" 2>&1 || { cat "$work/run.log"; fail "trialsim run failed"; }
"${cli[@]}" report "$work/run" --out "$work/report.html" > "$work/report.log" 2>&1 || { cat "$work/report.log"; fail "trialsim report failed"; }
expected=$(grep -c '<figure id="figure-' "$work/report.html")
[ "$expected" -gt 0 ] || fail "the report has no figures"

headless=("$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=10000)

# 1. The harness sees console errors: a page that makes one must show up in the log.
printf '<!DOCTYPE html><html><body><script>console.error("harness-probe")</script></body></html>\n' > "$work/probe.html"
timeout 120 "${headless[@]}" --dump-dom "file://$work/probe.html" > /dev/null 2> "$work/probe.log"
grep -q 'CONSOLE.*harness-probe' "$work/probe.log" || fail "the console check cannot see console messages in this chromium"

# 2. The report itself: loads, and logs nothing to the console.
timeout 120 "${headless[@]}" --dump-dom "file://$work/report.html" > "$work/dom.html" 2> "$work/report-console.log" \
  || fail "chromium could not load the report"
grep -q '</html>' "$work/dom.html" || fail "chromium returned no document"
if grep -E 'CONSOLE|Uncaught' "$work/report-console.log"; then fail "the report logs to the console"; fi
shown=$(grep -c '<figure id="figure-' "$work/dom.html")
[ "$shown" -eq "$expected" ] || fail "chromium's document has $shown figures, the file $expected"

# 3. Every figure decoded and drawn: a copy of the report with the probe script appended.
{ sed 's#</body>##; s#</html>##' "$work/report.html"; printf '<script>\n'; cat "$here/figure-probe.js"; printf '</script>\n</body>\n</html>\n'; } > "$work/probed.html"
timeout 120 "${headless[@]}" --dump-dom "file://$work/probed.html" > "$work/probed-dom.html" 2> "$work/probed.log" \
  || fail "chromium could not load the probed report"
python3 - "$work/probed-dom.html" "$expected" <<'PY' || fail "a figure is missing, undecoded or blank (see above)"
import html, re, sys
dom, expected = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
match = re.search(r'<pre id="figure-probe">(.*?)</pre>', dom, re.S)
if not match:
    print("the probe wrote no results"); sys.exit(1)
lines = [l for l in html.unescape(match.group(1)).splitlines() if l.strip()]
ok = len(lines) == expected
for line in lines:
    f = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
    ink, pixels = int(f.get("ink", 0)), int(f.get("pixels", 0))
    w, h = (int(v) for v in f.get("shown", "0x0").split("x"))
    nw, nh = (int(v) for v in f.get("natural", "0x0").split("x"))
    # Decoded at a real figure's size, laid out visibly, and at least 1% of its pixels not white.
    good = f.get("complete") == "true" and nw > 100 and nh > 100 and ink > pixels // 100 and w > 100 and h > 100
    ok &= good
    print(f"  {'ok  ' if good else 'BAD '} {line}")
sys.exit(0 if ok else 1)
PY

# A screenshot for a person to look at (kept when REPORT_SCREENSHOT names a file).
if [ -n "${REPORT_SCREENSHOT:-}" ]; then
  timeout 120 "${headless[@]}" --window-size=1200,6000 --screenshot="$REPORT_SCREENSHOT" "file://$work/report.html" > /dev/null 2>&1 || true
fi
echo "  $expected figures drawn with ink, no console messages ($scenario, $replicates replicates)"
echo "report in chromium: passed"
