#!/usr/bin/env bash
# Load benchmark: builds the API (Release), starts a throwaway PostgreSQL and the API on 127.0.0.1, sets up keys,
# a card range, a client and precomputed card values, then measures with wrk, in one run:
#   /health/live (the baseline), /v1/cvv/verify, /v1/cvc3/verify, /v1/token-verifications (green device bindings), and
#   the token yellow path (tokens-yellow: a yellow verification, then its OTP send; its "match" counts finished paths),
#   and /v1/cvv/verify once more on the PKCS#11 provider (cvv-pkcs11: SoftHSM2)
# and prints req/s, p50, p99, the ratio to the baseline and the share of "match" answers. Stops everything it started.
# See bench/load/README.md. Knobs (environment):
#   DURATION=15 WARMUP=5 CONNECTIONS=64 THREADS=2     seconds measured / warm-up per endpoint, wrk connections, threads
#   CVV_CARDS=1000 CVC3_CARDS=2000                    card counts (CVC3 ATCs per card: enough for CVC3_MAX_RATE req/s)
#   CVC3_MAX_RATE=20000                               the CVC3 rate the precomputed bodies cover without wrapping
#   CVV_MISMATCH_PERCENT=0                            share of CVV bodies with a wrong value
#   TOKEN_CARDS=1000 TOKEN_DEVICES=20                 registered cards and devices per card for the token-verification run
#   THREEDS_CARDS=1000 THREEDS_MAX_RATE=10000         registered cards for the frictionless AReq run, and the rate its
#                                                     distinct AReqs cover without wrapping (a wrapped AReq is a replay)
#   THREEDS_HISTORY_ROWS=0                            more AReqs answered (through the API) during the set-up, so that the
#                                                     integrity check after the threeds run covers that many more records
#   SOURCE=worktree|head                              build the working tree (default) or the committed HEAD
#   PROFILE=1                                         also: registered-card CVV run, pg_stat_statements per endpoint,
#                                                     SQL statements of single requests (log_min_duration_statement=0)
#   PERF=1                                            also: perf record -a during each measured run, summarised
#   PG_OPTS='-c synchronous_commit=off'               extra PostgreSQL server options
#   CONN_OPTS='No Reset On Close=true'                extra options appended to the API's connection string
#   API_DIR=/path                                     use an already published API there (skips the build)
#   HTTP_LOGGING=1                                    keep the API's per-request HTTP log on (off by default)
#   KEEP=1                                            keep the scratch directory (cluster, build) after the run
#   PKCS11=0                                          skip the last phase: /v1/cvv/verify again on a second API process
#                                                     with Crypto:Provider=Pkcs11 (a throwaway SoftHSM2 token)
#   AUDIT_ROWS=10000000                               after the cvv run, fill the audit log with this many rows (a year of
#                                                     monthly partitions), run cvv again (cvv-audit), remove them and run
#                                                     it a third time (cvv-again): the 10 % target
#   PHASES='cvv cvc3 tokens tokens-yellow threeds'    which endpoints to measure after the health baseline
#   WAL_SEGMENTS=96                                   WAL segment files (16 MB) made before the run, for PostgreSQL to
#                                                     recycle as a running server does (0: a new cluster's behaviour)
#   PACE=0.8                                          latency at the throughput target: after tokens (threeds), tokens-paced
#                                                     (threeds-paced) sends at PACE x the cvc3 run's req/s (0: no paced phase)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
CVV_CARDS=${CVV_CARDS:-1000}
CVC3_CARDS=${CVC3_CARDS:-2000}
CVC3_MAX_RATE=${CVC3_MAX_RATE:-20000}
# Enough distinct (card, ATC) bodies for CVC3_MAX_RATE req/s over warm-up and measured run; past that wrk wraps (replays).
CVC3_WARM_ATCS=${CVC3_WARM_ATCS:-$(( (WARMUP * CVC3_MAX_RATE + CVC3_CARDS - 1) / CVC3_CARDS + 1 ))}
CVC3_ATCS=${CVC3_ATCS:-$(( (DURATION * CVC3_MAX_RATE + CVC3_CARDS - 1) / CVC3_CARDS ))}
CVV_MISMATCH_PERCENT=${CVV_MISMATCH_PERCENT:-0}
TOKEN_CARDS=${TOKEN_CARDS:-1000}
TOKEN_DEVICES=${TOKEN_DEVICES:-20}
THREEDS_CARDS=${THREEDS_CARDS:-1000}
THREEDS_MAX_RATE=${THREEDS_MAX_RATE:-10000}
THREEDS_HISTORY_ROWS=${THREEDS_HISTORY_ROWS:-0}
SOURCE=${SOURCE:-worktree}
PROFILE=${PROFILE:-0}
PERF=${PERF:-0}
PG_OPTS=${PG_OPTS:-}
CONN_OPTS=${CONN_OPTS:-}
API_DIR=${API_DIR:-}
HTTP_LOGGING=${HTTP_LOGGING:-0}
KEEP=${KEEP:-0}
PKCS11=${PKCS11:-1}
AUDIT_ROWS=${AUDIT_ROWS:-0}
PHASES=${PHASES:-cvv cvc3 tokens tokens-yellow threeds}
PACE=${PACE:-0.8}
WAL_SEGMENTS=${WAL_SEGMENTS:-96}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; })
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  log "installing postgresql (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
export PATH="$pg_bin:$PATH"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- scratch, results, clean-up on every exit path -----------------------------------------------------------------
work=$(mktemp -d /tmp/iv-load.XXXXXX)
chmod 711 "$work"
out="$here/out/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
cluster="$work/pg"
mkdir -p "$cluster"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$cluster"; fi
api_pid=""
pg_started=0
stop_api() {
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$api_pid" 2>/dev/null || true
  fi
}
cleanup() {
  local status=$?
  set +e
  stop_api
  if [ "$pg_started" = 1 ]; then as_postgres pg_ctl -D "$cluster/data" -m fast -w stop >/dev/null 2>&1; fi
  [ -f "$cluster/log" ] && cp "$cluster/log" "$out/postgres.log"
  [ -f "$work/api.log" ] && cp "$work/api.log" "$out/api.log"
  if [ -n "$api_pid" ] && [ "$KEEP" != 1 ]; then rm -f "/tmp/perf-$api_pid.map" "/tmp/perfinfo-$api_pid.map"; fi
  if [ "$KEEP" = 1 ]; then log "scratch kept in $work"; else rm -rf "$work"; fi
  log "results and logs in $out"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build -------------------------------------------------------------------------------------------------------
src="$repo"
api_built="built from the working tree (HEAD $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src || echo ' + uncommitted changes in src/'))"
if [ -n "$API_DIR" ]; then
  api_built="published in $API_DIR (not built by this run)"
  log "using the API published in $API_DIR (no build)"
elif [ "$SOURCE" = head ]; then
  src="$work/src"
  mkdir -p "$src"
  git -C "$repo" archive HEAD | tar -x -C "$src"
  api_built="built from committed HEAD $(git -C "$repo" rev-parse --short HEAD)"
  log "$api_built"
else
  log "$api_built"
fi
if [ -z "$API_DIR" ]; then
  API_DIR="$work/api"
  dotnet publish "$src/src/IssuerVerification.Api" -c Release -o "$API_DIR" -nologo -v q >"$work/build-api.log" 2>&1 \
    || { tail -n 30 "$work/build-api.log" >&2; exit 1; }
fi
dotnet build "$here/LoadSetup" -c Release -o "$work/setup" -nologo -v q >"$work/build-setup.log" 2>&1 \
  || { tail -n 30 "$work/build-setup.log" >&2; exit 1; }

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
pg_port=$(free_port)
as_postgres initdb -D "$cluster/data" -A trust -U postgres >/dev/null
# max_wal_size: each phase starts from a CHECKPOINT (see phase()); with the default 1 GB, the WAL of a long phase (the
# AReq runs write about 3 kB a request) started another one mid-phase, charging that phase with its full-page writes.
# min_wal_size (and the segments made below, before anything is measured): a server that has been running recycles its WAL
# segment files at each checkpoint; a new cluster has none, so every 16 MB of WAL made PostgreSQL create and zero-fill a
# segment while holding the WAL write lock, stalling every commit behind it (bench/README.md, WAL segments).
pg_server_opts="-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$cluster -c max_connections=200 -c max_wal_size=4GB -c min_wal_size=2GB"
if [ "$PROFILE" = 1 ]; then pg_server_opts="$pg_server_opts -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"; fi
pg_server_opts="$pg_server_opts $PG_OPTS"
as_postgres pg_ctl -D "$cluster/data" -l "$cluster/log" -w -o "$pg_server_opts" start >/dev/null
pg_started=1
pg_pid=$(head -n 1 "$cluster/data/postmaster.pid")
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d issuer_bench -XAtq "$@"; }
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -XAtq -c "CREATE DATABASE issuer_bench" >/dev/null
if [ "$PROFILE" = 1 ]; then psql_ -c "CREATE EXTENSION pg_stat_statements" >/dev/null; fi
# WAL_SEGMENTS segment files (16 MB each), then a checkpoint: from there on they are recycled, as on a running server.
psql_ -c "CREATE TABLE wal_fill (x int)" >/dev/null
for _ in $(seq 1 "$WAL_SEGMENTS"); do echo "INSERT INTO wal_fill VALUES (1); SELECT pg_switch_wal();"; done | psql_ >/dev/null
psql_ -c "DROP TABLE wal_fill" -c "CHECKPOINT" -c "CHECKPOINT" >/dev/null
log "PostgreSQL $(psql_ -c 'SHOW server_version') on 127.0.0.1:$pg_port (fsync=$(psql_ -c 'SHOW fsync'), synchronous_commit=$(psql_ -c 'SHOW synchronous_commit'))"

# --- API -----------------------------------------------------------------------------------------------------------
admin_key="bench-admin-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
master_key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
api_args=()
if [ "$HTTP_LOGGING" != 1 ]; then api_args+=("--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Warning"); fi
start_api() { # database [extra VAR=value ...]: starts the API on a free port; sets api_pid, api_port and url
  local database=$1
  shift
  api_port=$(free_port)
  (
    cd "$API_DIR"
    # PERF: name JIT-compiled code for perf (perf map; code in anonymous memory, not W^X double-mapped) and JIT
    # everything (no ReadyToRun code, which perf could not name).
    if [ "$PERF" = 1 ]; then export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0; fi
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
      Storage__Provider=Postgres ConnectionStrings__IssuerVerification="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database${CONN_OPTS:+;$CONN_OPTS}" \
      Crypto__MasterKey="$master_key" Bootstrap__AdminApiKey="$admin_key" Keys__AllowSingleRequestImport=true \
      RateLimiting__PermitsPerSecond=1000000 RateLimiting__Burst=1000000 Logging__LogLevel__Default=Warning "$@"
    exec dotnet IssuerVerification.Api.dll "${api_args[@]}"
  ) >>"$work/api.log" 2>&1 &
  api_pid=$!
  url="http://127.0.0.1:$api_port"
}
start_api issuer_bench

# --- set-up: admin objects and precomputed request bodies ------------------------------------------------------------
registered=0
if [ "$PROFILE" = 1 ]; then registered=$CVV_CARDS; fi
data="$work/data"
dotnet "$work/setup/LoadSetup.dll" --url "$url" --admin-key "$admin_key" --out "$data" \
  --cvv-cards "$CVV_CARDS" --registered-cvv-cards "$registered" --cvv-mismatch-percent "$CVV_MISMATCH_PERCENT" \
  --cvc3-cards "$CVC3_CARDS" --cvc3-warm-atcs "$CVC3_WARM_ATCS" --cvc3-atcs "$CVC3_ATCS" \
  --token-cards "$TOKEN_CARDS" --token-devices "$TOKEN_DEVICES" \
  --threeds-cards "$THREEDS_CARDS" --threeds-warm $(( WARMUP * THREEDS_MAX_RATE )) --threeds-bodies $(( 2 * DURATION * THREEDS_MAX_RATE )) \
  --threeds-history "$THREEDS_HISTORY_ROWS" >&2
client_key=$(cat "$data/client.key")
# Half of the distinct AReqs for the threeds run, half for threeds-paced (a body sent twice would be a replay).
threeds_half=$(( DURATION * THREEDS_MAX_RATE ))
tail -n +$(( threeds_half + 1 )) "$data/threeds.bodies" >"$data/threeds-paced.bodies"
head -n "$threeds_half" "$data/threeds.bodies" >"$data/threeds-run.bodies"
log "API on $url (pid $api_pid)"

# --- SQL statements of single requests (PROFILE) ---------------------------------------------------------------------
if [ "$PROFILE" = 1 ]; then
  psql_ -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  send() { # label file path
    psql_ -c "SELECT 'probe:$1'" >/dev/null
    local answer
    answer=$(curl -s -H 'Content-Type: application/json' -H "X-Api-Key: $client_key" --data-binary "@$data/probe/$2" "$url$3")
    printf '%-28s %s\n' "$1" "$answer" >>"$out/sql-probes.txt"
  }
  send cvv-match-1 cvv-match.json /v1/cvv/verify
  send cvv-match-2 cvv-match.json /v1/cvv/verify
  send cvv-registered-match cvv-registered-match.json /v1/cvv/verify
  send cvv-mismatch cvv-mismatch.json /v1/cvv/verify
  send cvv-match-after-failure cvv-match.json /v1/cvv/verify
  send cvv-match-3 cvv-match.json /v1/cvv/verify
  send cvc3-first-atc cvc3-first.json /v1/cvc3/verify
  send cvc3-next-atc cvc3-next.json /v1/cvc3/verify
  send cvc3-replay cvc3-next.json /v1/cvc3/verify
  psql_ -c "SELECT 'probe:end'" >/dev/null
  psql_ -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  # Each probe's statements in order, with the server's time for each: the log lines between its marker and the
  # next one, multi-line statements joined, psql's own lines dropped.
  awk '
    function flush() { if (buf != "") { gsub(/[ \t]+/, " ", buf); print "  " substr(buf, 1, 230) }; buf = "" }
    /probe:end/ { flush(); exit }
    /^\t/ { if (buf != "") buf = buf " " $0; next }
    { flush() }
    match($0, /probe:[a-z0-9-]+/) { if (cur != "") print ""; cur = substr($0, RSTART + 6, RLENGTH - 6); print "== " cur; next }
    cur != "" && /duration: .* (execute|statement)/ && !/pg_reload_conf|ALTER SYSTEM/ { buf = $0; sub(/^.*duration: /, "", buf) }
  ' "$cluster/log" >>"$out/sql-probes.txt"
  log "SQL statements per request written to $out/sql-probes.txt"
fi

# --- measurements --------------------------------------------------------------------------------------------------
cpu_sample() { # api_ticks pg_ticks total_ticks idle_ticks system_ticks
  local api pg total idle sys
  api=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$api_pid/stat")
  pg=$( { cat "/proc/$pg_pid/stat"; cat /proc/[0-9]*/stat 2>/dev/null | awk -v p="$pg_pid" '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); if (f[2] == p) print }'; } \
        | awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }')
  read -r total idle sys < <(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6, $4+$7+$8 }' /proc/stat)
  echo "$api $pg $total $idle $sys"
}
wait_sampler() { # seconds outfile: samples what the API's PostgreSQL backends are doing, 20 times a second
  psql_ -c "CREATE TEMP TABLE w (sample int, ev text)" -c "
    DO \$\$ BEGIN
      FOR i IN 1..$(( $1 * 20 )) LOOP
        PERFORM pg_stat_clear_snapshot();
        INSERT INTO w SELECT i, CASE WHEN state = 'active' THEN 'active, ' || coalesce(wait_event_type || ': ' || wait_event, 'no wait event (on CPU or runnable)')
                                     ELSE coalesce(state, '?') || coalesce(' (' || wait_event || ')', '') END
          FROM pg_stat_activity WHERE datname = 'issuer_bench' AND backend_type = 'client backend' AND pid <> pg_backend_pid();
        PERFORM pg_sleep(0.05);
      END LOOP;
    END \$\$" -F ' | ' -c "
    SELECT lpad(round(count(*)::numeric / (SELECT count(DISTINCT sample) FROM w), 2)::text, 6) AS avg_backends,
           lpad(round(100.0 * count(*) / sum(count(*)) OVER (), 1)::text, 5) || ' %', ev
    FROM w GROUP BY ev ORDER BY count(*) DESC" >"$2" 2>&1
}
results="$out/results.raw"
: >"$results"
clk_tck=$(getconf CLK_TCK)
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%U %S' -o "$work/wrk.cpu"); fi
run_wrk() { # name path bodies seconds outfile [rate]; wrk's user and system seconds go to $work/wrk.cpu when GNU time is there
  echo "0 0" >"$work/wrk.cpu"
  "${timer[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${4}s" --timeout 5s --latency -s "$here/bench.lua" "$url" -- "$1" "$THREADS" "$2" "$3" "$client_key" "${6:-0}" "$CONNECTIONS" >"$5" 2>&1
}
phase() { # name path warm_bodies bodies [rate: paced at that many req/s instead of as fast as the connections go]
  local name=$1 path=$2 warm=$3 bodies=$4 rate=${5:-0}
  if [ "$WARMUP" -gt 0 ]; then
    # A phase with a warm-up starts from a checkpoint: the WAL the earlier phases wrote must not start one in the middle
    # of this phase (it would charge this endpoint with their full-page writes and skew the ratios); the warm-up takes
    # the full-page writes that follow a checkpoint. (threeds-paced has no warm-up: it continues the threeds run.)
    psql_ -c "CHECKPOINT" >/dev/null
    log "$name: warm-up ${WARMUP}s"
    run_wrk "$name" "$path" "$warm" "$WARMUP" "$out/wrk-$name-warmup.txt"
  fi
  if [ "$PROFILE" = 1 ]; then psql_ -c "SELECT pg_stat_statements_reset()" -c "SELECT pg_stat_reset_shared('wal')" >/dev/null; fi
  log "$name: ${DURATION}s, $CONNECTIONS connections, $THREADS wrk threads"
  local sampler="" perf_pid=""
  if [ "$PROFILE" = 1 ]; then (sleep 1; wait_sampler $(( DURATION - 2 )) "$out/pg-waits-$name.txt") & sampler=$!; fi
  if [ "$PERF" = 1 ]; then
    (sleep 1; exec perf record -e cpu-clock -F 499 -a -g -o "$work/perf-$name.data" -- sleep $(( DURATION - 2 ))) >"$work/perf-$name.log" 2>&1 &
    perf_pid=$!
  fi
  local before after wrk_ticks
  before=$(cpu_sample)
  run_wrk "$name" "$path" "$bodies" "$DURATION" "$out/wrk-$name.txt" "$rate"
  after=$(cpu_sample)
  wrk_ticks=$(awk -v tk="$clk_tck" '{ printf "%d\n", ($1 + $2) * tk }' "$work/wrk.cpu")
  if [ -n "$sampler" ]; then wait "$sampler" || true; fi
  if [ -n "$perf_pid" ]; then wait "$perf_pid" || true; fi
  local line
  line=$(grep '^RESULT ' "$out/wrk-$name.txt" || true)
  if [ -z "$line" ]; then cat "$out/wrk-$name.txt" >&2; exit 1; fi
  read -r a0 p0 t0 i0 s0 <<<"$before"
  read -r a1 p1 t1 i1 s1 <<<"$after"
  local dt=$(( t1 - t0 ))
  echo "$line cpu_api=$(( (a1 - a0) * 1000 / dt )) cpu_pg=$(( (p1 - p0) * 1000 / dt )) cpu_wrk=$(( wrk_ticks * 1000 / dt )) cpu_idle=$(( (i1 - i0) * 1000 / dt )) cpu_sys=$(( (s1 - s0) * 1000 / dt ))" >>"$results"
  if [ "$PROFILE" = 1 ]; then
    local requests
    requests=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$line")
    {
      echo "== $name: pg_stat_statements over the measured ${DURATION}s ($requests requests); per request: calls, exec time; mean exec and plan time per call"
      psql_ -F ' | ' -c "
        SELECT lpad(round(calls::numeric / $requests, 2)::text, 5) || ' calls/req' AS calls,
               lpad(round(total_exec_time::numeric / $requests * 1000)::text, 4) || ' us/req' AS exec_per_req,
               lpad(round(100 * total_exec_time::numeric / nullif(sum(total_exec_time) OVER (), 0)::numeric, 1)::text, 5) || ' %' AS share,
               'mean ' || lpad(round(mean_exec_time::numeric * 1000)::text, 4) || ' us' AS mean_exec,
               'plan ' || lpad(round(mean_plan_time::numeric * 1000)::text, 3) || ' us' AS mean_plan,
               regexp_replace(left(query, 150), '\s+', ' ', 'g')
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'issuer_bench') AND calls > 0
          AND query NOT LIKE '%pg_stat_statements_reset%' AND query NOT LIKE '%pg_stat_reset_shared%'
          AND query NOT LIKE '%pg_stat_clear_snapshot%' AND query NOT LIKE 'CREATE TEMP TABLE w %' AND query NOT LIKE '%FROM w GROUP BY%'
          AND query NOT LIKE '%count(DISTINCT sample)%'
        ORDER BY total_exec_time DESC LIMIT 12"
      psql_ -F ' | ' -c "SELECT 'WAL per request: ' || round(wal_records::numeric / $requests, 2) || ' records, ' || round(wal_bytes::numeric / $requests) || ' bytes; WAL flushes (fsync) per request: ' || round(wal_sync::numeric / $requests, 3) || ', ' || round(wal_sync_time::numeric) || ' ms syncing in total' FROM pg_stat_wal" 2>/dev/null || true
      echo "-- what the API's backends were doing (sampled 20/s): average backends in that state, share"
      cat "$out/pg-waits-$name.txt"
      echo
    } >>"$out/pg-stat-statements.txt"
  fi
  if [ "$PERF" = 1 ] && [ -f "$work/perf-$name.data" ]; then
    python3 "$here/perf_summary.py" "$work/perf-$name.data" "$api_pid" "$pg_pid" "$name" >>"$out/perf.txt" 2>"$work/perf-summary-$name.err" \
      || { log "perf summary for $name failed:"; tail -n 5 "$work/perf-summary-$name.err" >&2; }
  fi
}

# AUDIT_ROWS: a year's monthly partitions (as retention keeps them) and that many records spread over the year, written
# straight into the partitioned table with generate_series, each with its own card fingerprint; then VACUUM ANALYZE.
fill_audit_log() {
  log "audit log: filling with $AUDIT_ROWS rows"
  local started=$SECONDS
  psql_ -v ON_ERROR_STOP=1 -c "SELECT iv_audit_prepare(now() - interval '12 months', 15)" -c "
    INSERT INTO \"AuditLog\" (\"At\", \"RequestId\", \"Client\", \"Source\", \"Action\", \"CardFingerprint\", \"Outcome\", \"Chain\", \"Seq\", \"Mac\")
    SELECT now() - interval '1 second' * (31536000 * g::float8 / $AUDIT_ROWS), md5(g::text), 'bench-fill', '127.0.0.1', 'cvv2.verify',
           sha256(int8send(g)), 'match', 'bench-fill', g, sha256(int8send(-g))
    FROM generate_series(1, $AUDIT_ROWS) AS g" -c "VACUUM ANALYZE \"AuditLog\"" >/dev/null
  log "audit log: $(psql_ -c 'SELECT count(*) FROM "AuditLog"') rows in $(psql_ -c "SELECT count(*) FROM pg_inherits WHERE inhparent = '\"AuditLog\"'::regclass") partitions, $(psql_ -c "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = '\"AuditLog\"'::regclass"), filled in $(( SECONDS - started ))s"
}

# After cvv-audit: the filled rows out again (past months truncated, the current month's deleted), so that cvv-again
# measures the empty table once more: the two empty runs bracket the full one and show the drift of a shared machine.
empty_audit_log() {
  log "audit log: removing the filled rows"
  psql_ -v ON_ERROR_STOP=1 -c "DO \$\$ DECLARE p regclass; BEGIN
      FOR p IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '\"AuditLog\"'::regclass
               AND inhrelid::regclass::text <> quote_ident('AuditLog_' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMM')) LOOP
        EXECUTE format('TRUNCATE %s', p);
      END LOOP;
    END \$\$" -c "DELETE FROM \"AuditLog\" WHERE \"Chain\" = 'bench-fill'" -c "VACUUM ANALYZE \"AuditLog\"" >/dev/null
  log "audit log: $(psql_ -c 'SELECT count(*) FROM "AuditLog"') rows"
}

paced_rate() { # phase: PACE x that phase's req/s in this run, if it ran and PACE is set
  [ "$PACE" != 0 ] && awk -v n="$1" -v pace="$PACE" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    v["name"] == n { rate = v["rps"] * pace } END { if (rate > 0) printf "%.0f\n", rate; else exit 1 }' "$results"
}

phase health /health/live - -
for p in $PHASES; do
  case $p in
    cvv)
      phase cvv /v1/cvv/verify "$data/cvv.bodies" "$data/cvv.bodies"
      if [ "$PROFILE" = 1 ]; then
        phase cvv-registered /v1/cvv/verify "$data/cvv-registered.bodies" "$data/cvv-registered.bodies"
      fi
      if [ "$AUDIT_ROWS" -gt 0 ]; then
        fill_audit_log
        phase cvv-audit /v1/cvv/verify "$data/cvv.bodies" "$data/cvv.bodies"
        empty_audit_log
        phase cvv-again /v1/cvv/verify "$data/cvv.bodies" "$data/cvv.bodies"
      fi
      ;;
    cvc3) phase cvc3 /v1/cvc3/verify "$data/cvc3-warm.bodies" "$data/cvc3.bodies" ;;
    tokens)
      phase tokens /v1/token-verifications "$data/tokens.bodies" "$data/tokens.bodies"
      # The latency target holds at the throughput target: green creates paced at PACE x the cvc3 run's req/s.
      if rate=$(paced_rate cvc3); then phase tokens-paced /v1/token-verifications "$data/tokens.bodies" "$data/tokens.bodies" "$rate"; fi
      ;;
    tokens-yellow) phase tokens-yellow /v1/token-verifications "$data/tokens-yellow.bodies" "$data/tokens-yellow.bodies" ;;
    threeds)
      phase threeds /v1/3ds/authentications "$data/threeds-warm.bodies" "$data/threeds-run.bodies"
      if rate=$(paced_rate cvc3); then WARMUP=0 phase threeds-paced /v1/3ds/authentications - "$data/threeds-paced.bodies" "$rate"; fi
      # The history's integrity check over every record the AReq run wrote (one per frictionless ARes).
      integrity=$(curl -s -o "$work/integrity.json" -w '%{time_total}' -H "X-Api-Key: $client_key" "$url/v1/3ds/history/integrity")
      integrity_records=$(sed -E 's/.*"records":([0-9]+).*/\1/' "$work/integrity.json")
      ;;
    *) log "unknown phase $p"; exit 2 ;;
  esac
done

# --- the same CVV verification on the PKCS#11 provider (SoftHSM2), in the same run ----------------------------------
# A second API process on a database of its own, its keys created in a throwaway SoftHSM2 token (PKCS11=0 skips this).
if [ "$PKCS11" = 1 ]; then
  if ! command -v softhsm2-util >/dev/null; then
    log "installing softhsm2 (Debian package)"
    apt-get install -y -qq softhsm2 >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softhsm2 >/dev/null; }
  fi
  mkdir -p "$work/softhsm/tokens"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$work/softhsm/tokens" >"$work/softhsm/softhsm2.conf"
  export SOFTHSM2_CONF="$work/softhsm/softhsm2.conf"
  softhsm2-util --init-token --free --label iv-load --pin 2468 --so-pin 13579 >/dev/null
  stop_api
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -XAtq -c "CREATE DATABASE issuer_bench_pkcs11" >/dev/null
  start_api issuer_bench_pkcs11 Crypto__Provider=Pkcs11 Crypto__Pkcs11__ModulePath=/usr/lib/softhsm/libsofthsm2.so \
    Crypto__Pkcs11__TokenLabel=iv-load Crypto__Pkcs11__UserPin=2468 Crypto__Pkcs11__MaxSessions=64
  dotnet "$work/setup/LoadSetup.dll" --url "$url" --admin-key "$admin_key" --out "$work/data-pkcs11" \
    --cvv-cards "$CVV_CARDS" --registered-cvv-cards 0 --cvv-mismatch-percent "$CVV_MISMATCH_PERCENT" \
    --cvc3-cards 1 --cvc3-warm-atcs 1 --cvc3-atcs 1 --token-cards 1 --token-devices 1 --threeds-cards 1 --threeds-warm 1 --threeds-bodies 1 >&2
  client_key=$(cat "$work/data-pkcs11/client.key")
  log "API on the PKCS#11 provider on $url (pid $api_pid)"
  phase cvv-pkcs11 /v1/cvv/verify "$work/data-pkcs11/cvv.bodies" "$work/data-pkcs11/cvv.bodies"
fi

# --- table ---------------------------------------------------------------------------------------------------------
{
  echo "IssuerVerification load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), API: $api_built"
  echo "$(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); wrk, the API and PostgreSQL $(psql_ -c 'SHOW server_version' | cut -d' ' -f1) share them"
  echo "wrk: $CONNECTIONS keep-alive connections, $THREADS threads, ${WARMUP}s warm-up + ${DURATION}s measured per endpoint, 127.0.0.1; PostgreSQL: fsync and synchronous_commit on, max_wal_size=4GB, min_wal_size=2GB, $WAL_SEGMENTS WAL segments made before the run${PG_OPTS:+, options: $PG_OPTS}$([ "$PROFILE" = 1 ] && echo ', pg_stat_statements loaded')"
  echo
  awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    NR == 1 { base = v["rps"]
      printf "%-16s %9s %8s %8s %8s %7s %7s  %-24s %s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "(meas.)", "ratio", "match", "CPU% api/pg/wrk/other/idle", "notes" }
    {
      match_ratio = (v["name"] == "health") ? "-" : sprintf("%.4f", v["ok"] > 0 ? v["match"] / v["ok"] : 0)
      notes = ""
      if (v["other_status"] > 0) notes = notes "non-200: " v["other_status"] " "
      if (v["reasons"] != "-") notes = notes "no_match: " v["reasons"] " "
      if (v["wraps"] > 0 && v["name"] ~ /cvc3/) notes = notes "bodies wrapped " v["wraps"] "x (ATC replays) "
      if (v["wraps"] > 0 && v["name"] ~ /threeds/) notes = notes "bodies wrapped " v["wraps"] "x (AReq replays) "
      errs = v["err_connect"] + v["err_read"] + v["err_write"] + v["err_timeout"]
      if (errs > 0) notes = notes "socket errors/timeouts: " errs
      other = 1000 - v["cpu_api"] - v["cpu_pg"] - v["cpu_wrk"] - v["cpu_idle"]; if (other < 0) other = 0
      printf "%-16s %9.0f %8.2f %8.2f %8.2f %7.3f %7s  %3d/%3d/%3d/%3d/%3d (sys %2d)  %s\n", v["name"], v["rps"], v["p50_us"] / 1000, v["p99_us"] / 1000,
        v["measured_p99_us"] / 1000, v["rps"] / base,
        match_ratio, v["cpu_api"] / 10, v["cpu_pg"] / 10, v["cpu_wrk"] / 10, other / 10, v["cpu_idle"] / 10, v["cpu_sys"] / 10, notes
      rps[v["name"]] = v["rps"]; p99[v["name"]] = v["p99_us"]; paths[v["name"]] = v["match"] / (v["duration_us"] / 1e6)
      measured[v["name"]] = v["measured_p99_us"]
    }
    END {
      print ""
      if ("cvv" in rps)
        printf "target cvv/verify  >= 0.5 x baseline and p99 < 10 ms: %.3f x, p99 %.2f ms -> %s\n", rps["cvv"] / base, p99["cvv"] / 1000,
          (rps["cvv"] / base >= 0.5 && p99["cvv"] < 10000) ? "met" : "NOT met"
      if ("cvv-pkcs11" in rps && "cvv" in rps)
        printf "cvv/verify on PKCS#11 (SoftHSM2) / on the software provider: %.3f x, p99 %.2f ms\n", rps["cvv-pkcs11"] / rps["cvv"], p99["cvv-pkcs11"] / 1000
      if ("cvv-again" in rps) {
        empty = (rps["cvv"] + rps["cvv-again"]) / 2
        printf "target cvv/verify with %s audit rows >= 0.9 x without them (mean of cvv and cvv-again): %.3f x (%.3f x cvv, %.3f x cvv-again) -> %s\n",
          audit_rows, rps["cvv-audit"] / empty, rps["cvv-audit"] / rps["cvv"], rps["cvv-audit"] / rps["cvv-again"], (rps["cvv-audit"] / empty >= 0.9) ? "met" : "NOT met"
      }
      if ("cvc3" in rps)
        printf "target cvc3/verify >= 5000 req/s:                      %.0f req/s -> %s\n", rps["cvc3"], (rps["cvc3"] >= 5000 ? "met" : "NOT met")
      if ("tokens" in rps && "cvc3" in rps)
        printf "target token-verifications (green) >= 0.8 x cvc3 and p99 < 25 ms: %.3f x, p99 %.2f ms -> %s\n", rps["tokens"] / rps["cvc3"], p99["tokens"] / 1000,
          (rps["tokens"] / rps["cvc3"] >= 0.8 && p99["tokens"] < 25000) ? "met" : "NOT met"
      if ("tokens-paced" in rps)
        printf "target token-verifications (green) p99 < 25 ms at %s x cvc3 (paced): %.0f req/s, p99 %.2f ms -> %s\n", pace, rps["tokens-paced"],
          p99["tokens-paced"] / 1000, (p99["tokens-paced"] < 25000 && rps["tokens-paced"] >= 0.95 * pace * rps["cvc3"]) ? "met" : "NOT met"
      if ("tokens-yellow" in rps && "tokens" in rps)
        printf "target token yellow path (create + OTP send) >= 0.5 x green: %.0f paths/s, %.3f x -> %s\n", paths["tokens-yellow"],
          paths["tokens-yellow"] / rps["tokens"], (paths["tokens-yellow"] / rps["tokens"] >= 0.5) ? "met" : "NOT met"
      if ("threeds-paced" in rps)
        printf "target 3-D Secure frictionless AReq p99 < 20 ms at %s x cvc3 (paced): %.0f req/s, p99 %.2f ms -> %s\n", pace, rps["threeds-paced"],
          p99["threeds-paced"] / 1000, (p99["threeds-paced"] < 20000 && rps["threeds-paced"] >= 0.95 * pace * rps["cvc3"]) ? "met" : "NOT met"
      if ("threeds" in rps && "cvc3" in rps)
        printf "target 3-D Secure frictionless AReq >= 0.8 x cvc3 and p99 < 20 ms: %.3f x, p99 %.2f ms (as measured %.2f; cvc3/verify %.2f, as measured %.2f) -> %s\n",
          rps["threeds"] / rps["cvc3"], p99["threeds"] / 1000, measured["threeds"] / 1000, p99["cvc3"] / 1000, measured["cvc3"] / 1000,
          (rps["threeds"] / rps["cvc3"] >= 0.8 && p99["threeds"] < 20000) ? "met" : "NOT met"
    }' audit_rows="$AUDIT_ROWS" pace="$PACE" "$results"
  if [ -n "${integrity:-}" ]; then
    printf "3-D Secure history integrity check: %s records in %s s (target: 100,000 in < 5 s)\n" "$integrity_records" "$integrity"
  fi
  echo "(CPU%: share of all $(nproc) cores over the measured run: the API process / PostgreSQL processes / wrk / anything else on the"
  echo " machine / idle; sys: kernel time of all processes, included in the others. A large 'other' means the figures are disturbed."
  echo " p50, p99: as wrk reports them, corrected for coordinated omission (a slow answer also counts the answers that requests"
  echo " sent on schedule meanwhile would have had); (meas.): the p99 of the answers as measured; bench/load/README.md.)"
} | tee "$out/results.txt"
if [ "$PROFILE" = 1 ]; then
  echo
  cat "$out/sql-probes.txt"
  echo
  cat "$out/pg-stat-statements.txt"
fi
if [ "$PERF" = 1 ] && [ -f "$out/perf.txt" ]; then
  echo
  cat "$out/perf.txt"
fi
