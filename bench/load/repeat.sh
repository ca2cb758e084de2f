#!/usr/bin/env bash
# Runs run.sh RUNS times (default 3) with the same settings (any of run.sh's knobs pass through), builds the API once,
# and prints each run's figures for the ratio targets with their medians: on a shared machine one run can differ from the
# next by a quarter (bench/README.md), so a target is judged on the median of several runs, not on one.
#   RUNS=5 PHASES="cvc3 tokens tokens-yellow threeds" PKCS11=0 PACE=0 bench/load/repeat.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-3}
work=$(mktemp -d /tmp/iv-repeat.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "${API_DIR:-}" ]; then
  dotnet publish "$here/../../src/IssuerVerification.Api" -c Release -o "$work/api" -nologo -v q >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
  export API_DIR="$work/api"
fi

results=()
for i in $(seq "$runs"); do
  echo "[$(date +%T)] run $i of $runs"
  "$here/run.sh" >"$work/run-$i.log" 2>&1 || { tail -20 "$work/run-$i.log"; exit 1; }
  dir=$(sed -n 's/.*results and logs in //p' "$work/run-$i.log" | tail -1)
  results+=("$dir/results.raw")
  echo "  $dir"
done

awk '
  FNR == 1 { run++ }
  /^RESULT / {
    delete v
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    rps[run, v["name"]] = v["rps"]; p99[run, v["name"]] = v["p99_us"] / 1000; measured[run, v["name"]] = v["measured_p99_us"] / 1000
    paths[run, v["name"]] = v["match"] / (v["duration_us"] / 1e6); seen[v["name"]] = 1
  }
  function median(a, n,    i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function row(label, key, fmt,    r, a, line) {
    line = sprintf("%-44s", label)
    for (r = 1; r <= run; r++) { a[r] = col[r, key]; line = line sprintf(fmt, a[r]) }
    printf "%s  | median " fmt "\n", line, median(a, run)
  }
  END {
    for (r = 1; r <= run; r++) {
      col[r, "cvc3"] = rps[r, "cvc3"]; col[r, "cvc3p99"] = p99[r, "cvc3"]; col[r, "cvc3p99m"] = measured[r, "cvc3"]
      col[r, "green"] = rps[r, "tokens"] / rps[r, "cvc3"]; col[r, "greenp99"] = p99[r, "tokens"]
      col[r, "yellow"] = paths[r, "tokens-yellow"] / rps[r, "tokens"]
      col[r, "areq"] = rps[r, "threeds"] / rps[r, "cvc3"]; col[r, "areqp99"] = p99[r, "threeds"]; col[r, "areqp99m"] = measured[r, "threeds"]
    }
    printf "\n%d runs; each column is one run\n", run
    if ("cvc3" in seen) {
      row("cvc3/verify req/s", "cvc3", " %8.0f"); row("cvc3/verify p99 ms", "cvc3p99", " %8.2f"); row("cvc3/verify p99 ms, as measured", "cvc3p99m", " %8.2f")
    }
    if ("tokens" in seen) { row("green token create / cvc3 (>= 0.8)", "green", " %8.3f"); row("green token create p99 ms (< 25)", "greenp99", " %8.2f") }
    if ("tokens-yellow" in seen) row("yellow path / green (>= 0.5)", "yellow", " %8.3f")
    if ("threeds" in seen) {
      row("frictionless AReq / cvc3 (>= 0.8)", "areq", " %8.3f"); row("frictionless AReq p99 ms (< 20)", "areqp99", " %8.2f")
      row("frictionless AReq p99 ms, as measured", "areqp99m", " %8.2f")
    }
  }' "${results[@]}"
