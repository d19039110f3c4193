#!/usr/bin/env bash
# The product's benchmark. Prints ONE table (name, figure, value, baseline, ratio, goal, met); a missed goal never
# makes it fail. Every baseline runs in the same run, on the same machine.
#   etc/scripts/bench.sh                 full scale (1,000 sign-ins, 10,000 votes, a million decision rows, 15 s rounds)
#   etc/scripts/bench.sh --quick         a tenth of the scale, 5 s read rounds (aimed at three minutes, idle 2 cores)
#   etc/scripts/bench.sh --json FILE     also write the figures as [{name, value, unit, baseline, ratio, goal, met}]
#   etc/scripts/bench.sh --outbox N      outbox messages (default 10,000; 1,000 with --quick; a multiple of 100)
#   etc/scripts/bench.sh --no-build      use the Release builds already there (on a busy machine the build is slow)
#   etc/scripts/bench.sh --only compensation   only the compensation figures (queue and batch below): one host start,
#                                        tenant "bench" with its queue only, the floor app; combines with --quick
#   etc/scripts/bench.sh --only data-sharing   only the agreement register figures (register below): one host start,
#                                        tenant "bench" with its agreements only, the floor app; combines with --quick
# EP_BENCH_ROUND_SECONDS sets the length of each read round (15 s, 5 s with --quick): make the rounds longer when
# latencies come near it, since wrk counts only the requests answered within the round.
# It builds the Release host, DbMigrator and bench/ projects, starts its own throwaway PostgreSQL (durability off), SMTP
# sink and the host on free ports (all under .local/bench/run-<pid>, stopped and removed on exit or Ctrl-C), migrates,
# seeds tenant "bench" (API + set-based SQL, bench/seed.py: 1,000 decisions, 1,000 members with voting seats, each
# signed in once) and measures with wrk (Lua scripts in bench/wrk), one host process from the third start to the end:
#   start-up  host process start to the first /health/ready 200, median of 3 (goal < 2 s)
#   tenants   the read below, product only, with tenant "bench" alone in the tables (1 tenant) ...
#   read      GET /api/governance/decisions?maxResultCount=20, a member's bearer token and __tenant, wrk -t2 -c64,
#             3 alternating rounds against the floor: bench/EngagementPlatform.Benchmarks.Floor, the same JSON from
#             raw Npgsql and one indexed query (goal >= 0.7x the floor's requests/s, p99 < 50 ms); 100 other
#             tenants with 1,000 decisions each (100,000 rows) in the tables
#   memory    the host's resident memory (VmRSS) right after the read rounds (goal < 300 MiB)
#   votes     each of 1,000 members PUTs my-vote once on each of 10 open decisions, then SQL checks that every
#             vote is stored exactly once (goal >= 1,000 votes/s)
#   tenants   ... and again with 1,000 tenants x 1,000 decisions (a million rows, added in SQL, then VACUUM ANALYZE:
#             a table in its steady state, so autovacuum does not run during the rounds); the
#             tenant's page must read the same: p50 ratio, goal <= 1.2x
#   queue     (issue 12) tenant bench's payable-items queue: 100,000 items (25,000 with --quick) of 1,000 payees in 5
#             councils, 30 % Submitted, in SQL (bench/seed.py compensation; the tenant's plan has compensation on, a
#             submitter and a finance approver); GET /api/compensation/payable-items?status=Submitted&maxResultCount=20
#             as the approver, 3 alternating wrk rounds against the floor app's same page from one statement over the
#             same tables (goal >= 0.5x the floor's requests/s, p99 < 100 ms), and EXPLAIN of that statement must use
#             the tenant-leading status index
#   batch     (issue 12) 3 times, on 1,000 fresh Submitted items: one POST .../payable-items/approve and one POST .../pay
#             naming all 1,000 (BatchLimits.MaxItems), ms each, against the floor: the same change to 1,000 other
#             Submitted rows as one plain SQL UPDATE each through psql (goals < 2,000 ms and <= 10x the floor, median of
#             3); the emails each pay batch queued (outbox rows) are counted, and sent before the next batch
#   register  (issue 13) tenant bench's agreement register: 5,000 agreements of its own and 5,000 of each of 10 other
#             tenants (2 with --quick), summary columns in SQL (bench/seed.py data-sharing; the plan has data sharing
#             on, a staff "registrar" reads); GET /api/data-sharing/agreements?maxResultCount=20 (default order: title,
#             then id), 3 alternating wrk rounds against the floor app's same page from one statement over the same
#             table (goal >= 0.5x the floor's requests/s, p99 < 100 ms), and EXPLAIN of that statement must walk the
#             tenant-leading (tenant_id, title, id) index without a sort
#   fan-out   bench/EngagementPlatform.Benchmarks on the benchmark's database (host stopped): the product's
#             OutboxDispatcher draining 10,000 messages of 100 tenants vs a raw MailKit loop (goal >= 500/s, >= 0.5x)
# The table names every figure; the time each phase took follows it. The run fails (after the table) only when a
# figure issue 11, 12 or 13 names (only 12's with --only compensation, 13's with --only data-sharing) is missing from the JSON or was not measured
# (bench/report.py --check), never for a goal.
# Record each full run, with the machine, date and command, in docs/benchmarks.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
cd "$REPO"

QUICK=0 JSON= OUTBOX= BUILD=1 ONLY=
while (($#)); do
  case "$1" in
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --json) JSON=${2:?--json needs a file name}; shift ;;
    --json=*) JSON=${1#--json=} ;;
    --outbox) OUTBOX=${2:?--outbox needs a count}; shift ;;
    --only) ONLY=${2:?--only needs a group (compensation or data-sharing)}; shift ;;
    --only=*) ONLY=${1#--only=} ;;
    [0-9]*) OUTBOX=$1 ;; # the old form: bench.sh N
    *) ep_die "unknown argument '$1' (see --help)" ;;
  esac
  shift
done
# DECISIONS: the measured tenant's decisions, and every other tenant's too (100 others for the read, TENANTS in all for
# the tenants figure: TENANTS x DECISIONS rows).
if ((QUICK)); then
  MEMBERS=100 DECISIONS=100 ROUND_SECONDS=${EP_BENCH_ROUND_SECONDS:-5} WARM_SECONDS=2 OUTBOX=${OUTBOX:-1000}
else
  MEMBERS=1000 DECISIONS=1000 ROUND_SECONDS=${EP_BENCH_ROUND_SECONDS:-15} WARM_SECONDS=5 OUTBOX=${OUTBOX:-10000}
fi
[[ -z "$ONLY" || "$ONLY" == compensation || "$ONLY" == data-sharing ]] ||
  ep_die "--only knows two groups: compensation and data-sharing, not '$ONLY'"
# The queue (issue 12): COMP_ITEMS items of COMP_PAYEES payees in COMP_COUNCILS councils, 30 % of them Submitted; each
# of COMP_BATCHES batches takes 2 x COMP_BATCH of the oldest Submitted ones (the product's and the floor's).
if ((QUICK)); then COMP_ITEMS=25000; else COMP_ITEMS=100000; fi
COMP_PAYEES=1000 COMP_COUNCILS=5 COMP_BATCH=1000 COMP_BATCHES=3
# The register (issue 13): DS_AGREEMENTS agreements of tenant bench and as many of each of DS_OTHER_TENANTS others.
DS_AGREEMENTS=5000
if ((QUICK)); then DS_OTHER_TENANTS=2; else DS_OTHER_TENANTS=10; fi
VOTE_DECISIONS=10 ROUNDS=3 CONNECTIONS=64 THREADS=2 TENANTS=1000 FANOUT_TENANTS=100
PER_TENANT=$DECISIONS OTHER=$((100 * DECISIONS))
[[ "$OUTBOX" =~ ^[0-9]+$ && "$OUTBOX" -gt 0 ]] || ep_die "the outbox count must be a positive number, not '$OUTBOX'"
((OUTBOX % FANOUT_TENANTS == 0)) || ep_die "the outbox count must be a multiple of $FANOUT_TENANTS (the tenants it is spread over)"
[[ "$ROUND_SECONDS" =~ ^[0-9]+$ && "$ROUND_SECONDS" -gt 0 ]] || ep_die "EP_BENCH_ROUND_SECONDS must be a positive number"
if [[ -n "$JSON" ]]; then
  mkdir -p "$(dirname "$JSON")" && JSON="$(cd "$(dirname "$JSON")" && pwd)/$(basename "$JSON")"
fi
export MSBUILDDISABLENODEREUSE=1

BENCH_ROOT="$REPO/.local/bench"
RUN="$BENCH_ROOT/run-$$"
RESULTS="$RUN/results.txt"
FLOOR_BIN="$REPO/bench/EngagementPlatform.Benchmarks.Floor/bin/Release/net10.0"
OUTBOX_BIN="$REPO/bench/EngagementPlatform.Benchmarks/bin/Release/net10.0"

# Phases: each phase's elapsed time and the load average (1 minute) as it ended, printed after the table: where a
# run's time goes, and whether the machine stayed as idle from one phase to the next (the tenants rounds need that).
PHASE= PHASE_START=0 PHASES=()
phase() { # NAME (or "end")
  local now
  now=$(date +%s%N)
  [[ -n "$PHASE" ]] &&
    PHASES+=("$(printf '%6.1f s  load %5s  %s' "$(((now - PHASE_START) / 1000000))e-3" "$(cut -d' ' -f1 /proc/loadavg)" "$PHASE")")
  PHASE=$1 PHASE_START=$now
  [[ "$1" == end ]] && PHASE=
  return 0
}
RUN_START=$(date +%s%N)

# The table (bench/report.py), the phases' times, the check that every named figure was measured; then exit.
finish() { # SCALE
  echo
  echo "EngagementPlatform benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $1"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  JSON_OUT=${JSON:-$RUN/figures.json}
  "$EP_PY" bench/report.py "$RESULTS" "$JSON_OUT" ${ONLY:+--only "$ONLY"}
  echo
  echo "Where the time went ($(printf '%.0f' "$((($(date +%s%N) - RUN_START) / 1000000))e-3") s in all):"
  printf '  %s\n' "${PHASES[@]}"
  # Every named figure must be in the JSON (a missed goal is no failure; a figure the harness did not produce is).
  "$EP_PY" bench/report.py --check "$JSON_OUT" ${ONLY:+--only "$ONLY"} || ep_die "figures are missing from $JSON_OUT (see above)"
  [[ -n "$JSON" ]] && ep_say "Figures written to $JSON"
  exit 0
}

# Cleanup ----------------------------------------------------------------------------------------
CLEANED=0
cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  ep_say "Cleaning up (stopping the host, the floor app, the SMTP sink and PostgreSQL of this run)"
  clean_run_dir "$RUN"
}
trap cleanup EXIT
trap 'echo; ep_warn "interrupted, cleaning up"; exit 130' INT TERM

# Runs an earlier run left behind (killed before it could clean up): their owner is gone.
mkdir -p "$BENCH_ROOT"
for old in "$BENCH_ROOT"/run-*; do
  [[ -d "$old" ]] || continue
  owner=${old##*/run-}
  if ! kill -0 "$owner" 2>/dev/null || ! grep -qa bench.sh "/proc/$owner/cmdline" 2>/dev/null; then
    ep_say "Removing what an earlier run left in ${old#"$REPO"/}"
    clean_run_dir "$old"
  fi
done
mkdir -p "$RUN" "$RUN/wrk-done"
: >"$RESULTS"

# Tools and build --------------------------------------------------------------------------------
# The report's own check first: a harness that cannot name every figure should fail before minutes of measuring.
"$EP_PY" bench/report.py --self-test >/dev/null || ep_die "bench/report.py --self-test failed"
phase "tools and build"
apt_pkgs=(python3-aiosmtpd wrk curl)
[[ -z "$(_ep_pg_bindir)" ]] && apt_pkgs=(postgresql "${apt_pkgs[@]}")
ep_ensure_apt "${apt_pkgs[@]}" || ep_die "could not install ${apt_pkgs[*]}"
ep_pg_bin

if ((BUILD)); then
  ep_say "Building (Release): the DbMigrator and the host, the outbox benchmark, the floor app"
  build src/EngagementPlatform.DbMigrator
  [[ -z "$ONLY" ]] && build bench/EngagementPlatform.Benchmarks
  build bench/EngagementPlatform.Benchmarks.Floor
else
  dlls=("$HOST_BIN/EngagementPlatform.HttpApi.Host.dll" "$MIGRATOR_BIN/EngagementPlatform.DbMigrator.dll" "$FLOOR_BIN/EngagementPlatform.Benchmarks.Floor.dll")
  [[ -z "$ONLY" ]] && dlls+=("$OUTBOX_BIN/EngagementPlatform.Benchmarks.dll") # the fan-out's program
  for dll in "${dlls[@]}"; do
    [[ -f "$dll" ]] || ep_die "--no-build, but ${dll#"$REPO"/} is not built"
  done
  ep_say "Using the Release builds already there (--no-build)"
fi

phase "services and migration"
# Services ---------------------------------------------------------------------------------------
bench_services

READ_PATH="/api/governance/decisions?maxResultCount=20"
check_page() { # the page must be the tenant's 20 newest, with the tenant's total, before anything is timed
  local total items
  read -r total items < <(curl -fsS "$1$READ_PATH" "${@:2}" |
    "$EP_PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["totalCount"], len(d["items"]))') ||
    ep_die "GET $1$READ_PATH failed"
  [[ "$total" == "$DECISIONS" && "$items" == 20 ]] ||
    ep_die "GET $1$READ_PATH answered totalCount $total with $items items, not $DECISIONS with 20"
}
page_digest() { curl -fsS "$URL$READ_PATH" -H "Authorization: Bearer $READ_TOKEN" -H "__tenant: bench" | sha256sum | cut -c1-16; }
read_round() { # NAME SECONDS URL TOKEN TENANT [PATH]
  local out
  out=$(EP_TOKEN=$4 EP_TENANT=$5 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 10s -s bench/wrk/read.lua "$3${6:-$READ_PATH}")
  grep '^EP_RESULT' <<<"$out" | sed "s/^EP_RESULT/$1/"
}
# The floor app (bench/EngagementPlatform.Benchmarks.Floor) on a free port: FLOOR_URL.
start_floor() {
  FLOOR_PORT=$(ep_free_port)
  FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"
  (cd "$FLOOR_BIN" && EP_FLOOR_DB="$DB" ASPNETCORE_URLS="$FLOOR_URL" ASPNETCORE_ENVIRONMENT=Production \
    exec setsid dotnet EngagementPlatform.Benchmarks.Floor.dll </dev/null >"$RUN/floor.log" 2>&1) &
  echo $! >"$RUN/floor.pid"
  ep_wait_port "$FLOOR_PORT" 60 "$(<"$RUN/floor.pid")" || { cat "$RUN/floor.log" >&2; ep_die "the floor app did not start"; }
}

# Compensation (issue 12) --------------------------------------------------------------------------
# The payable-items queue and the 1,000-item approve-and-pay batch, on the running host (see the header).
QUEUE_PATH="/api/compensation/payable-items?status=Submitted&maxResultCount=20"
compensation_figures() {
  phase "seeding the compensation queue"
  ep_say "Seeding: tenant bench's payable-items queue, $COMP_ITEMS items of $COMP_PAYEES payees in $COMP_COUNCILS councils"
  local seed_out
  seed_out=$(EP_PSQL="$PSQL" "$EP_PY" bench/seed.py compensation "$URL" "$COMP_ITEMS" "$COMP_PAYEES" "$COMP_COUNCILS") ||
    ep_die "seeding the compensation queue failed"
  eval "$seed_out" # COMP_TENANT_ID, COMP_TOKEN, COMP_APPROVER_ID, COMP_SUBMITTER_ID
  wait_outbox_drained
  local submitted
  submitted=$(sql "SELECT count(*) FROM compensation.payable_items WHERE tenant_id = '$COMP_TENANT_ID' AND status = 'Submitted'")
  ((submitted >= COMP_BATCHES * 2 * COMP_BATCH + 10 + 20)) ||
    ep_die "the queue holds $submitted Submitted items, fewer than the batches take ($((COMP_BATCHES * 2 * COMP_BATCH + 30)))"

  phase "queue: product vs floor"
  [[ -f "$RUN/floor.pid" ]] || start_floor
  # The same page from both, before anything is timed: the tenant's 20 newest Submitted items and their total.
  local product floor
  product=$(curl -fsS "$URL$QUEUE_PATH" -H "Authorization: Bearer $COMP_TOKEN" -H "__tenant: bench" |
    "$EP_PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["totalCount"], len(d["items"]), ",".join(i["id"] for i in d["items"]))') ||
    ep_die "GET $URL$QUEUE_PATH failed"
  floor=$(curl -fsS "$FLOOR_URL$QUEUE_PATH" -H "__tenant: $COMP_TENANT_ID" |
    "$EP_PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["totalCount"], len(d["items"]), ",".join(i["id"] for i in d["items"]))') ||
    ep_die "GET $FLOOR_URL$QUEUE_PATH failed"
  [[ "$product" == "$submitted 20 "* ]] || ep_die "the queue answered '${product%% *}' items in all and a page of $(cut -d' ' -f2 <<<"$product"), not $submitted and 20"
  [[ "$product" == "$floor" ]] || ep_die "the product's and the floor's first pages of the queue differ"
  # The plan of the page's statement in the shape EF Core sends it (GetPayableItemsHandler, as logged): the
  # tenant-leading status index walked in order, no sort of the tenant's Submitted items.
  local plan
  plan=$(sql "EXPLAIN SELECT p.id, p1.id, p1.name, p.description, p.amount, p.status, p.creation_time
              FROM compensation.payable_items AS p
              INNER JOIN (SELECT p0.id, p0.kind, p0.name, p0.user_id FROM compensation.payees AS p0
                          WHERE p0.tenant_id = '$COMP_TENANT_ID') AS p1 ON p.payee_id = p1.id
              WHERE p.tenant_id = '$COMP_TENANT_ID' AND p.status = 'Submitted'
              ORDER BY p.creation_time DESC, p.id LIMIT 20 OFFSET 0")
  echo "$plan" >"$RUN/queue-plan.txt"
  if grep -q 'ix_payable_items_tenant_id_status_creation_time_id' <<<"$plan" && ! grep -q 'Sort' <<<"$plan"; then
    echo "queue_plan index=yes" >>"$RESULTS"
  else
    echo "queue_plan index=no" >>"$RESULTS"
    ep_warn "the queue's page is not read through (tenant_id, status, creation_time DESC, id):"
    sed 's/^/    /' <<<"$plan" >&2
  fi
  ep_say "Queue: warming both up (${WARM_SECONDS} s each), $submitted Submitted items of $COMP_ITEMS"
  read_round warm "$WARM_SECONDS" "$URL" "$COMP_TOKEN" bench "$QUEUE_PATH" >/dev/null
  read_round warm "$WARM_SECONDS" "$FLOOR_URL" "" "$COMP_TENANT_ID" "$QUEUE_PATH" >/dev/null
  for ((n = 1; n <= ROUNDS; n++)); do
    ep_say "Queue round $n/$ROUNDS: product, then floor (${ROUND_SECONDS} s each, $CONNECTIONS connections)"
    read_round queue_product "$ROUND_SECONDS" "$URL" "$COMP_TOKEN" bench "$QUEUE_PATH" | tee -a "$RESULTS"
    read_round queue_floor "$ROUND_SECONDS" "$FLOOR_URL" "" "$COMP_TENANT_ID" "$QUEUE_PATH" | tee -a "$RESULTS"
  done
  stop_proc "$RUN" floor

  phase "approve-and-pay batches"
  # Warm the two paths (JIT, compiled queries) on 10 items of their own, then COMP_BATCHES measured batches, each on
  # the oldest Submitted items left: COMP_BATCH for the product, the next COMP_BATCH for the floor's UPDATEs.
  comp_post() { # PATH BODY_FILE OUT: prints "HTTP_CODE SECONDS"
    curl -sS -o "$3" -w '%{http_code} %{time_total}\n' -X POST "$URL/api/compensation/payable-items/$1" \
      -H "Authorization: Bearer $COMP_TOKEN" -H "__tenant: bench" -H "Content-Type: application/json" --data-binary "@$2"
  }
  comp_ids() { # N: the N oldest Submitted items, comma-separated
    sql "SELECT string_agg(id::text, ',' ORDER BY creation_time, id) FROM (SELECT id, creation_time FROM compensation.payable_items
         WHERE tenant_id = '$COMP_TENANT_ID' AND status = 'Submitted' ORDER BY creation_time, id LIMIT $1) s"
  }
  comp_batch() { # TAG IDS: approve, then pay; prints "approve_ms pay_ms emails" (dies on a refusal)
    local ids=$2 json code secs approve_ms pay_ms before after paid
    json="[\"${ids//,/\",\"}\"]"
    echo "{\"itemIds\":$json}" >"$RUN/approve.json"
    echo "{\"itemIds\":$json,\"method\":\"BankTransfer\",\"reference\":\"Bench $1\"}" >"$RUN/pay.json"
    read -r code secs < <(comp_post approve "$RUN/approve.json" "$RUN/approve.out")
    [[ "$code" == 200 ]] || { head -c 2000 "$RUN/approve.out" >&2; ep_die "POST approve ($1) answered $code"; }
    approve_ms=$("$EP_PY" -c "print(round($secs * 1000, 1))")
    before=$(sql "SELECT count(*) FROM notifications.outbox_messages WHERE template = 'compensation-item-paid'")
    read -r code secs < <(comp_post pay "$RUN/pay.json" "$RUN/pay.out")
    [[ "$code" == 200 ]] || { head -c 2000 "$RUN/pay.out" >&2; ep_die "POST pay ($1) answered $code"; }
    pay_ms=$("$EP_PY" -c "print(round($secs * 1000, 1))")
    after=$(sql "SELECT count(*) FROM notifications.outbox_messages WHERE template = 'compensation-item-paid'")
    paid=$(sql "SELECT count(*) FROM compensation.payable_items WHERE id = ANY('{$ids}'::uuid[]) AND status = 'Paid'
                AND approved_by = '$COMP_APPROVER_ID' AND paid_by = '$COMP_APPROVER_ID'")
    [[ "$paid" == "$(tr ',' '\n' <<<"$ids" | wc -l)" ]] || ep_die "batch $1: $paid of its items are paid by the approver"
    echo "$approve_ms $pay_ms $((after - before)) $paid"
  }
  comp_floor() { # IDS: the same two changes as one UPDATE each; prints "approve_ms pay_ms"
    local ids=$1 times
    times=$($PSQL -v ON_ERROR_STOP=1 -qAt <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tr '\n' ' '
\timing on
UPDATE compensation.payable_items SET status = 'Approved', approved_by = '$COMP_APPROVER_ID', approved_at = now(),
  concurrency_stamp = md5(random()::text), last_modification_time = now(), last_modifier_id = '$COMP_APPROVER_ID'
WHERE tenant_id = '$COMP_TENANT_ID' AND id = ANY('{$ids}'::uuid[]) AND status = 'Submitted';
UPDATE compensation.payable_items SET status = 'Paid', paid_method = 'BankTransfer', paid_reference = 'Bench floor',
  paid_on = current_date, paid_by = '$COMP_APPROVER_ID', concurrency_stamp = md5(random()::text),
  last_modification_time = now(), last_modifier_id = '$COMP_APPROVER_ID'
WHERE tenant_id = '$COMP_TENANT_ID' AND id = ANY('{$ids}'::uuid[]) AND status = 'Approved';
SQL
    ) || ep_die "the floor's UPDATEs failed"
    [[ "$(sql "SELECT count(*) FROM compensation.payable_items WHERE id = ANY('{$ids}'::uuid[]) AND status = 'Paid'")" == \
      "$(tr ',' '\n' <<<"$ids" | wc -l)" ]] || ep_die "the floor's UPDATEs did not pay every item"
    echo "$times"
  }
  ep_say "Batches: warming up on 10 items"
  comp_batch warm "$(comp_ids 10)" >/dev/null
  wait_outbox_drained "the warm-up batch" >/dev/null
  local ids out floor_times
  for ((n = 1; n <= COMP_BATCHES; n++)); do
    ids=$(comp_ids $((2 * COMP_BATCH)))
    out=$(comp_batch "batch $n" "$(cut -d, -f1-$COMP_BATCH <<<"$ids")")
    floor_times=$(comp_floor "$(cut -d, -f$((COMP_BATCH + 1))- <<<"$ids")")
    read -r a p e k <<<"$out"
    read -r fa fp <<<"$floor_times"
    echo "batch items=$k approve_ms=$a pay_ms=$p floor_approve_ms=$fa floor_pay_ms=$fp emails=$e" | tee -a "$RESULTS"
    # The pay batch's emails are sent before the next batch, so no batch shares the host with sending.
    wait_outbox_drained "the pay batch"
  done
}

# Data sharing (issue 13) --------------------------------------------------------------------------
# The agreement register's first page, on the running host (see the header).
REGISTER_PATH="/api/data-sharing/agreements?maxResultCount=20"
data_sharing_figures() {
  phase "seeding the agreement register"
  ep_say "Seeding: tenant bench's agreement register, $DS_AGREEMENTS agreements (and as many of each of $DS_OTHER_TENANTS other tenants)"
  local seed_out
  seed_out=$(EP_PSQL="$PSQL" "$EP_PY" bench/seed.py data-sharing "$URL" "$DS_AGREEMENTS" "$DS_OTHER_TENANTS") ||
    ep_die "seeding the agreement register failed"
  eval "$seed_out" # DS_TENANT_ID, DS_TOKEN

  phase "register: product vs floor"
  [[ -f "$RUN/floor.pid" ]] || start_floor
  # The same page from both, before anything is timed: the tenant's first 20 agreements by title and their total.
  local product floor
  product=$(curl -fsS "$URL$REGISTER_PATH" -H "Authorization: Bearer $DS_TOKEN" -H "__tenant: bench" |
    "$EP_PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["totalCount"], len(d["items"]), ",".join(i["id"] + ":" + str(i["daysUntilEnd"]) for i in d["items"]))') ||
    ep_die "GET $URL$REGISTER_PATH failed"
  floor=$(curl -fsS "$FLOOR_URL$REGISTER_PATH" -H "__tenant: $DS_TENANT_ID" |
    "$EP_PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["totalCount"], len(d["items"]), ",".join(i["id"] + ":" + str(i["daysUntilEnd"]) for i in d["items"]))') ||
    ep_die "GET $FLOOR_URL$REGISTER_PATH failed"
  [[ "$product" == "$DS_AGREEMENTS 20 "* ]] || ep_die "the register answered '${product%% *}' agreements in all and a page of $(cut -d' ' -f2 <<<"$product"), not $DS_AGREEMENTS and 20"
  [[ "$product" == "$floor" ]] || ep_die "the product's and the floor's first pages of the register differ"
  # The plan of the page's statement in the shape EF Core sends it (GetAgreementsHandler): the tenant-leading
  # (tenant_id, title, id) index walked in order, no sort of the tenant's agreements.
  local plan
  plan=$(sql "EXPLAIN SELECT a.id, a.title, a.state, a.amendment_state, a.sensitivity, a.party_names, a.effective_from,
                     a.effective_to, a.destruction_date, a.current_version_number
              FROM data_sharing.agreements AS a
              WHERE NOT (a.is_deleted) AND a.tenant_id = '$DS_TENANT_ID'
              ORDER BY a.title, a.id LIMIT 20 OFFSET 0")
  echo "$plan" >"$RUN/register-plan.txt"
  if grep -q 'ix_agreements_tenant_id_title_id' <<<"$plan" && ! grep -q 'Sort' <<<"$plan"; then
    echo "register_plan index=yes" >>"$RESULTS"
  else
    echo "register_plan index=no" >>"$RESULTS"
    ep_warn "the register's page is not read through (tenant_id, title, id):"
    sed 's/^/    /' <<<"$plan" >&2
  fi
  ep_say "Register: warming both up (${WARM_SECONDS} s each), $DS_AGREEMENTS agreements"
  read_round warm "$WARM_SECONDS" "$URL" "$DS_TOKEN" bench "$REGISTER_PATH" >/dev/null
  read_round warm "$WARM_SECONDS" "$FLOOR_URL" "" "$DS_TENANT_ID" "$REGISTER_PATH" >/dev/null
  for ((n = 1; n <= ROUNDS; n++)); do
    ep_say "Register round $n/$ROUNDS: product, then floor (${ROUND_SECONDS} s each, $CONNECTIONS connections)"
    read_round register_product "$ROUND_SECONDS" "$URL" "$DS_TOKEN" bench "$REGISTER_PATH" | tee -a "$RESULTS"
    read_round register_floor "$ROUND_SECONDS" "$FLOOR_URL" "" "$DS_TENANT_ID" "$REGISTER_PATH" | tee -a "$RESULTS"
  done
  stop_proc "$RUN" floor
}

if [[ "$ONLY" == data-sharing ]]; then
  phase "start-up (1 start)"
  ms=$(start_host) || ep_die "the host did not start"
  ep_say "Host ready in $ms ms ($URL)"
  data_sharing_figures
  stop_proc "$RUN" host
  phase end
  finish "only the data-sharing figures: $DS_AGREEMENTS agreements of tenant bench, $DS_OTHER_TENANTS other tenants with as many, register rounds $ROUNDS x ${ROUND_SECONDS} s"
fi

if [[ "$ONLY" == compensation ]]; then
  phase "start-up (1 start)"
  ms=$(start_host) || ep_die "the host did not start"
  ep_say "Host ready in $ms ms ($URL)"
  compensation_figures
  stop_proc "$RUN" host
  phase end
  finish "only the compensation figures: $COMP_ITEMS items of $COMP_PAYEES payees, queue rounds $ROUNDS x ${ROUND_SECONDS} s, $COMP_BATCHES batches of $COMP_BATCH"
fi

phase "start-up (3 starts)"
ep_say "Start-up: starting the host 3 times, to the first ready 200 ($URL)"
for n in 1 2 3; do
  ms=$(start_host) || ep_die "the host did not start"
  echo "startup ms=$ms" >>"$RESULTS"
  ep_say "  start $n: $ms ms"
  if ((n < 3)); then stop_proc "$RUN" host; fi
done
HOST_PID=$(<"$RUN/host.pid")

# Seed: the tenant alone --------------------------------------------------------------------------
phase "seeding tenant bench alone"
ep_say "Seeding: tenant 'bench' with $DECISIONS decisions (alone in the tables), $MEMBERS members signing in"
seed_out=$(EP_PSQL="$PSQL" "$EP_PY" bench/seed.py base "$URL" "$RUN" "$MEMBERS" "$DECISIONS" "$VOTE_DECISIONS") ||
  ep_die "seeding failed"
eval "$seed_out" # TENANT_ID, TEMPLATE_ID, READ_TOKEN, VOTE_DECISION_IDS
wait_outbox_drained

# The tenants figure: the same read, product only, warmed and then ROUNDS rounds; NAME tags the results. The warm-up
# is a whole round, at both scales alike: the 1-tenant rounds come first, on a host that has served no reads yet.
tenant_rounds() { # NAME WHAT
  ep_say "Tenants ($2): warming up (${ROUND_SECONDS} s), then $ROUNDS rounds of ${ROUND_SECONDS} s"
  read_round warm "$ROUND_SECONDS" "$URL" "$READ_TOKEN" bench >/dev/null
  for ((n = 1; n <= ROUNDS; n++)); do
    read_round "$1" "$ROUND_SECONDS" "$URL" "$READ_TOKEN" bench | tee -a "$RESULTS"
  done
}

# Tenants, 1 tenant --------------------------------------------------------------------------------
phase "tenants: read with 1 tenant"
check_page "$URL" -H "Authorization: Bearer $READ_TOKEN" -H "__tenant: bench"
DIGEST_ONE=$(page_digest)
tenant_rounds tenants_one "tenant bench alone, $(sql "SELECT count(*) FROM governance.decisions") decision rows"

# Seed: 100 other tenants ------------------------------------------------------------------------
phase "seeding 100 other tenants"
EP_PSQL="$PSQL" "$EP_PY" bench/seed.py tenants "$TENANT_ID" "$TEMPLATE_ID" 1 100 "$PER_TENANT" || ep_die "seeding failed"
# The floor's own copy of the decisions, with the index its query wants; the product's tables stay as they are.
sql "CREATE SCHEMA bench_floor;
     CREATE TABLE bench_floor.decisions AS SELECT * FROM governance.decisions;
     CREATE INDEX ON bench_floor.decisions (tenant_id, creation_time DESC, id);"
sql "VACUUM ANALYZE bench_floor.decisions"

start_floor

# Read -------------------------------------------------------------------------------------------
phase "read: product vs floor"
check_page "$URL" -H "Authorization: Bearer $READ_TOKEN" -H "__tenant: bench"
check_page "$FLOOR_URL" -H "__tenant: $TENANT_ID"
ep_say "Read: warming both up (${WARM_SECONDS} s each)"
read_round warm "$WARM_SECONDS" "$URL" "$READ_TOKEN" bench >/dev/null
read_round warm "$WARM_SECONDS" "$FLOOR_URL" "" "$TENANT_ID" >/dev/null
for ((n = 1; n <= ROUNDS; n++)); do
  ep_say "Read round $n/$ROUNDS: product, then floor (${ROUND_SECONDS} s each, $CONNECTIONS connections)"
  read_round read_product "$ROUND_SECONDS" "$URL" "$READ_TOKEN" bench | tee -a "$RESULTS"
  read_round read_floor "$ROUND_SECONDS" "$FLOOR_URL" "" "$TENANT_ID" | tee -a "$RESULTS"
done
echo "memory $(awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "rss_kib=%d hwm_kib=%d", r, h}' "/proc/$HOST_PID/status")" |
  tee -a "$RESULTS"
stop_proc "$RUN" floor
sql "SET client_min_messages = warning; DROP SCHEMA bench_floor CASCADE"

# Votes ------------------------------------------------------------------------------------------
phase "votes"
ep_say "Votes: $MEMBERS members each voting once on each of $VOTE_DECISIONS open decisions"
wrk -t"$THREADS" -c"$CONNECTIONS" -d600s --timeout 60s -s bench/wrk/votes.lua "$URL" -- \
  "$RUN/member-tokens.txt" "$VOTE_DECISION_IDS" bench "$THREADS" "$RUN/wrk-done" >"$RUN/votes.out" &
echo $! >"$RUN/wrk.pid"
wait "$(<"$RUN/wrk.pid")" || true
rm -f "$RUN/wrk.pid"
grep '^EP_RESULT' "$RUN/votes.out" | sed 's/^EP_RESULT/votes/' | tee -a "$RESULTS" || ep_warn "wrk printed no result for the votes"
ids="'${VOTE_DECISION_IDS//,/\',\'}'"
check=$(sql "
  WITH d AS (SELECT unnest(ARRAY[$ids]::uuid[]) AS id),
  per AS (
    SELECT d.id,
      (SELECT count(*) FROM governance.eligible_voters v WHERE v.decision_id = d.id) AS eligible,
      (SELECT count(*) FROM governance.ballot_participations p WHERE p.decision_id = d.id) AS participations,
      (SELECT count(DISTINCT p.user_id) FROM governance.ballot_participations p WHERE p.decision_id = d.id) AS voters,
      (SELECT count(*) FROM governance.ballot_participations p WHERE p.decision_id = d.id
         AND NOT EXISTS (SELECT 1 FROM governance.eligible_voters v WHERE v.decision_id = d.id AND v.user_id = p.user_id)) AS strangers,
      (SELECT count(*) FROM governance.ballots b WHERE b.decision_id = d.id) AS ballots
    FROM d)
  SELECT count(*) FILTER (WHERE eligible = $MEMBERS AND participations = $MEMBERS AND voters = $MEMBERS
                            AND strangers = 0 AND ballots = $MEMBERS),
         sum(participations), sum(ballots)
  FROM per")
IFS='|' read -r good participations ballots <<<"$check"
if [[ "$good" == "$VOTE_DECISIONS" ]]; then
  echo "votes_check stored_once=yes detail=$participations" >>"$RESULTS"
else
  echo "votes_check stored_once=no detail=${good}_of_${VOTE_DECISIONS}_decisions_hold_${MEMBERS}_votes_(${participations}_participations,_${ballots}_ballots,_expected_$((MEMBERS * VOTE_DECISIONS)))" >>"$RESULTS"
fi
ep_say "  stored: $participations participations, $ballots ballots (expected $((MEMBERS * VOTE_DECISIONS)) of each)"

# Tenants, 1,000 tenants -----------------------------------------------------------------------------
phase "seeding to $TENANTS tenants"
EP_PSQL="$PSQL" "$EP_PY" bench/seed.py tenants "$TENANT_ID" "$TEMPLATE_ID" 101 $((TENANTS - 1)) "$PER_TENANT" ||
  ep_die "seeding failed"
phase "tenants: read with $TENANTS tenants"
check_page "$URL" -H "Authorization: Bearer $READ_TOKEN" -H "__tenant: bench"
# The votes went to the 10 decisions under voting, none of them on the page: the tenant's answer must not have changed.
if [[ "$(page_digest)" == "$DIGEST_ONE" ]]; then
  echo "tenants_check same_page=yes" >>"$RESULTS"
else
  echo "tenants_check same_page=no" >>"$RESULTS"
  ep_warn "tenant bench's page differs from the one read with 1 tenant"
fi
tenant_rounds tenants_many "$TENANTS tenants, $(sql "SELECT count(*) FROM governance.decisions") decision rows"
# After every figure of issue 11, so none of them is measured with the queue's rows in the database.
compensation_figures
# After the queue and the batches, so none of them is measured with the agreements in the database.
data_sharing_figures
stop_proc "$RUN" host

# Fan-out ----------------------------------------------------------------------------------------
phase "fan-out (outbox)"
ep_say "Fan-out: $OUTBOX outbox messages of $FANOUT_TENANTS tenants (the host is stopped)"
export EP_BENCH_DB="$DB"
export EP_BENCH_SMTP_HOST=127.0.0.1 EP_BENCH_SMTP_PORT=$SMTP_PORT EP_BENCH_SMTP_DIR=$MAIL_DIR
rm -f "$MAIL_DIR"/new/* 2>/dev/null || true
if dotnet "$OUTBOX_BIN/EngagementPlatform.Benchmarks.dll" "$OUTBOX" "$FANOUT_TENANTS" | tee "$RUN/outbox.out"; then
  grep '^EP_RESULT outbox' "$RUN/outbox.out" | sed 's/^EP_RESULT/outbox/' >>"$RESULTS" || true
  grep '^EP_RESULT feedback' "$RUN/outbox.out" | sed 's/^EP_RESULT/latency/' >>"$RESULTS" || true
else
  ep_warn "the outbox benchmark failed; its figures are not measured"
fi
phase end

# Table ------------------------------------------------------------------------------------------
finish "members $MEMBERS, tenant decisions $DECISIONS, other rows $OTHER (read), $TENANTS tenants x $PER_TENANT decisions (tenants), read rounds $ROUNDS x ${ROUND_SECONDS} s, outbox $OUTBOX of $FANOUT_TENANTS tenants, queue $COMP_ITEMS items of $COMP_PAYEES payees, $COMP_BATCHES batches of $COMP_BATCH, register $DS_AGREEMENTS agreements"
