#!/usr/bin/env bash
# Profiles one of the benchmark's loads on the Release host, at bench.sh's --quick scale, and prints where the
# time and the allocations go as shares (bench/EngagementPlatform.Profiling.Reader). Asserts nothing.
#   etc/scripts/profile.sh read|votes|fanout [options]
#     read     GET /api/governance/decisions?maxResultCount=20 with a member's token, wrk -t2 -c64 (bench/wrk/read.lua)
#     votes    PUT my-vote: the members vote on 10 open decisions, round after round (bench/wrk/votes.lua; from the
#              second round on each vote replaces the member's earlier one, the same two statements)
#     fanout   the outbox dispatcher draining --messages messages of 100 tenants (bench/EngagementPlatform.Benchmarks,
#              the host stopped); the process profiled is that benchmark's, from the moment its timed drain starts
#   --seconds N      length of each collection window (default 15)
#   --alloc          also an allocation trace (dotnet-trace --profile gc-verbose) in a window of its own after the
#                    CPU trace (it slows the process down, so it never overlaps the CPU trace or the counters)
#   --gcdump         also a dotnet-gcdump of the live heap at the end, with dotnet-gcdump report's top types
#   --members N      members seeded, each with a token of their own (default 100; bench.sh's full scale is 1,000)
#   --messages N     fanout: messages to drain (default 6,000, a multiple of 100; the drain must outlast the windows)
#   --out DIR        where the results go (default .local/profile/LOAD-YYYYmmdd-HHMMSS)
#   --no-build       use the Release builds already there
# While the load runs it takes, over the same window: a dotnet-counters CSV (System.Runtime: allocation rate, GC pause
# time, gen0/1/2 collections, thread pool, CPU; ASP.NET Core's request rate) and a sampled CPU trace
# (dotnet-trace --profile dotnet-sampled-thread-time, also written as speedscope JSON, https://www.speedscope.app).
# The diagnostics tools are installed into .local/tools/diag when missing. Everything it started is stopped and its
# services' data removed on exit; the results folder is kept: counters.csv, cpu.nettrace, cpu.speedscope.json,
# alloc.nettrace, heap.gcdump and the reader's summaries (counters.txt, cpu.txt, alloc.txt, gcdump.txt).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
cd "$REPO"

LOAD= SECONDS_PER_WINDOW=15 ALLOC=0 GCDUMP=0 MEMBERS=100 MESSAGES=6000 OUT= BUILD=1
while (($#)); do
  case "$1" in
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    read | votes | fanout) LOAD=$1 ;;
    --seconds) SECONDS_PER_WINDOW=${2:?--seconds needs a number}; shift ;;
    --alloc) ALLOC=1 ;;
    --gcdump) GCDUMP=1 ;;
    --members) MEMBERS=${2:?--members needs a number}; shift ;;
    --messages) MESSAGES=${2:?--messages needs a number}; shift ;;
    --out) OUT=${2:?--out needs a folder}; shift ;;
    --no-build) BUILD=0 ;;
    *) ep_die "unknown argument '$1' (see --help)" ;;
  esac
  shift
done
[[ -n "$LOAD" ]] || ep_die "name the load to profile: read, votes or fanout (see --help)"
for n in "$SECONDS_PER_WINDOW" "$MEMBERS" "$MESSAGES"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || ep_die "'$n' is not a positive number"
done
((MESSAGES % 100 == 0)) || ep_die "--messages must be a multiple of 100 (the tenants they are spread over)"
DECISIONS=100 VOTE_DECISIONS=10 THREADS=2 CONNECTIONS=64
OUT=${OUT:-$REPO/.local/profile/$LOAD-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
export MSBUILDDISABLENODEREUSE=1

RUN="$REPO/.local/profile/run-$$"
TOOLS="$REPO/.local/tools/diag"
DIAG_VERSION=10.0.750501
READER_BIN="$REPO/bench/EngagementPlatform.Profiling.Reader/bin/Release/net10.0"
OUTBOX_BIN="$REPO/bench/EngagementPlatform.Benchmarks/bin/Release/net10.0"
READ_PATH="/api/governance/decisions?maxResultCount=20"

CLEANED=0
cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  touch "$RUN/stop" 2>/dev/null || true
  ep_say "Cleaning up (the load, the host, the SMTP sink and PostgreSQL of this run)"
  clean_run_dir "$RUN"
}
trap cleanup EXIT
trap 'echo; ep_warn "interrupted, cleaning up"; exit 130' INT TERM
mkdir -p "$RUN"

# Tools and build --------------------------------------------------------------------------------
ep_ensure_apt python3-aiosmtpd wrk curl || ep_die "could not install python3-aiosmtpd, wrk and curl"
ep_pg_bin
for tool in dotnet-trace dotnet-counters dotnet-gcdump; do
  if [[ ! -x "$TOOLS/$tool" ]]; then
    ep_say "Installing $tool $DIAG_VERSION into ${TOOLS#"$REPO"/}"
    dotnet tool install --tool-path "$TOOLS" "$tool" --version "$DIAG_VERSION" >/dev/null || ep_die "could not install $tool"
  fi
done
if ((BUILD)); then
  ep_say "Building (Release): the DbMigrator and the host, the profile reader$([[ $LOAD == fanout ]] && echo ', the outbox benchmark')"
  build src/EngagementPlatform.DbMigrator
  build bench/EngagementPlatform.Profiling.Reader
  [[ "$LOAD" == fanout ]] && build bench/EngagementPlatform.Benchmarks
fi
for dll in "$HOST_BIN/EngagementPlatform.HttpApi.Host.dll" "$MIGRATOR_BIN/EngagementPlatform.DbMigrator.dll" \
  "$READER_BIN/EngagementPlatform.Profiling.Reader.dll"; do
  [[ -f "$dll" ]] || ep_die "${dll#"$REPO"/} is not built"
done

# Services, host, seed ---------------------------------------------------------------------------
bench_services
ep_say "Starting the host at $URL"
ms=$(start_host) || ep_die "the host did not start"
ep_say "  ready after $ms ms"
ep_say "Seeding: tenant 'bench' with $DECISIONS decisions, $MEMBERS members signing in"
seed_out=$(EP_PSQL="$PSQL" "$EP_PY" bench/seed.py base "$URL" "$RUN" "$MEMBERS" "$DECISIONS" "$VOTE_DECISIONS") ||
  ep_die "seeding failed"
eval "$seed_out" # TENANT_ID, TEMPLATE_ID, READ_TOKEN, VOTE_DECISION_IDS
wait_outbox_drained

# The load ---------------------------------------------------------------------------------------
# start_load starts the load in the background (its own process group, pid in $RUN/load.pid), sets TARGET (the pid to
# profile) and returns once the profiled work is under way.
start_load() {
  case "$LOAD" in
    read)
      (EP_TOKEN=$READ_TOKEN EP_TENANT=bench exec setsid wrk -t"$THREADS" -c"$CONNECTIONS" -d3600s --timeout 10s \
        -s bench/wrk/read.lua "$URL$READ_PATH" </dev/null >"$RUN/load.log" 2>&1) &
      echo $! >"$RUN/load.pid"
      TARGET=$(<"$RUN/host.pid")
      sleep 3 # warm-up: JIT, pools
      ;;
    votes)
      # Rounds of votes.lua until $RUN/stop exists; each round sends every (member, decision) pair once.
      (exec setsid bash -c '
        round=0
        while [[ ! -f "$1/stop" ]]; do
          round=$((round + 1)); rm -rf "$1/wrk-done"; mkdir -p "$1/wrk-done"
          wrk -t"$2" -c"$3" -d600s --timeout 60s -s bench/wrk/votes.lua "$4" -- "$1/member-tokens.txt" "$5" bench "$2" "$1/wrk-done" |
            grep "^EP_RESULT" | sed "s/^/round $round /"
        done' votes "$RUN" "$THREADS" "$CONNECTIONS" "$URL" "$VOTE_DECISION_IDS" </dev/null >"$RUN/load.log" 2>&1) &
      echo $! >"$RUN/load.pid"
      TARGET=$(<"$RUN/host.pid")
      sleep 3
      ;;
    fanout)
      EP_PSQL="$PSQL" "$EP_PY" bench/seed.py tenants "$TENANT_ID" "$TEMPLATE_ID" 1 100 1 || ep_die "seeding the tenants failed"
      stop_proc "$RUN" host
      [[ -f "$OUTBOX_BIN/EngagementPlatform.Benchmarks.dll" ]] || ep_die "bench/EngagementPlatform.Benchmarks is not built"
      (EP_BENCH_DB="$DB" EP_BENCH_SMTP_HOST=127.0.0.1 EP_BENCH_SMTP_PORT=$SMTP_PORT EP_BENCH_SMTP_DIR=$MAIL_DIR \
        exec setsid dotnet "$OUTBOX_BIN/EngagementPlatform.Benchmarks.dll" "$MESSAGES" 100 </dev/null >"$RUN/load.log" 2>&1) &
      echo $! >"$RUN/load.pid"
      TARGET=$(<"$RUN/load.pid")
      local i
      for ((i = 0; i < 6000; i++)); do # the benchmark prints this line as its timed drain starts
        grep -q '^  draining' "$RUN/load.log" 2>/dev/null && break
        kill -0 "$TARGET" 2>/dev/null || { cat "$RUN/load.log" >&2; ep_die "the outbox benchmark exited"; }
        sleep 0.1
      done
      ;;
  esac
}

stop_load() {
  touch "$RUN/stop"
  if [[ "$LOAD" == votes ]]; then
    # the round under way finishes (a few seconds), then the loop sees the stop file
    local i pid
    pid=$(<"$RUN/load.pid")
    for ((i = 0; i < 600; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  stop_proc "$RUN" load
  rm -f "$RUN/load.pid"
}

window() { printf '00:00:%02d:%02d' $((SECONDS_PER_WINDOW / 60)) $((SECONDS_PER_WINDOW % 60)); }

ep_say "Load: $LOAD"
start_load
ep_say "Collecting counters and a sampled CPU trace for $SECONDS_PER_WINDOW s (pid $TARGET)"
"$TOOLS/dotnet-counters" collect -p "$TARGET" --refresh-interval 1 --duration "$(window)" --format csv -o "$OUT/counters.csv" \
  --counters "System.Runtime,EventCounters\\Microsoft.AspNetCore.Hosting" >"$RUN/counters.log" 2>&1 &
counters_pid=$!
"$TOOLS/dotnet-trace" collect -p "$TARGET" --profile dotnet-sampled-thread-time --duration "$(window)" --format Speedscope \
  -o "$OUT/cpu.nettrace" >"$RUN/trace-cpu.log" 2>&1 || { cat "$RUN/trace-cpu.log" >&2; ep_warn "the CPU trace failed"; }
wait "$counters_pid" || { cat "$RUN/counters.log" >&2; ep_warn "dotnet-counters failed"; }
if ((ALLOC)); then
  ep_say "Collecting an allocation trace (gc-verbose) for $SECONDS_PER_WINDOW s"
  "$TOOLS/dotnet-trace" collect -p "$TARGET" --profile gc-verbose --duration "$(window)" -o "$OUT/alloc.nettrace" \
    >"$RUN/trace-alloc.log" 2>&1 || { cat "$RUN/trace-alloc.log" >&2; ep_warn "the allocation trace failed"; }
fi
if ((GCDUMP)); then
  ep_say "Taking a heap snapshot (dotnet-gcdump)"
  "$TOOLS/dotnet-gcdump" collect -p "$TARGET" -o "$OUT/heap.gcdump" >"$RUN/gcdump.log" 2>&1 ||
    { cat "$RUN/gcdump.log" >&2; ep_warn "dotnet-gcdump failed"; }
fi
kill -0 "$TARGET" 2>/dev/null || ep_warn "the profiled process ended before the windows did: the figures cover less than $SECONDS_PER_WINDOW s"
stop_load
cp "$RUN/load.log" "$OUT/load.log" 2>/dev/null || true

# Summaries --------------------------------------------------------------------------------------
reader() { dotnet "$READER_BIN/EngagementPlatform.Profiling.Reader.dll" "$@"; }
[[ -f "$OUT/counters.csv" ]] && reader counters "$OUT/counters.csv" >"$OUT/counters.txt"
[[ -f "$OUT/cpu.nettrace" ]] && reader cpu "$OUT/cpu.nettrace" 30 >"$OUT/cpu.txt"
[[ -f "$OUT/alloc.nettrace" ]] && reader alloc "$OUT/alloc.nettrace" 30 >"$OUT/alloc.txt"
[[ -f "$OUT/heap.gcdump" ]] && "$TOOLS/dotnet-gcdump" report "$OUT/heap.gcdump" 2>&1 | head -n 40 >"$OUT/gcdump.txt"
rm -f "$OUT"/*.etlx
echo
for f in counters cpu alloc gcdump; do
  [[ -f "$OUT/$f.txt" ]] || continue
  echo "---- $f.txt (first lines) ----"
  head -n 40 "$OUT/$f.txt"
  echo
done
ep_say "Results in ${OUT#"$REPO"/}: $(cd "$OUT" && ls | tr '\n' ' ')"
