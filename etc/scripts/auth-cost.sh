#!/usr/bin/env bash
# What an authenticated request costs the host before any handler runs (docs/adr/0012). Asserts nothing; prints
# one line per case: requests/s, host CPU per request (user+system time of the host process over the round,
# divided by the requests it answered) and database transactions per request (pg_stat_database).
#   etc/scripts/auth-cost.sh              build (Release), then measure
#   etc/scripts/auth-cost.sh --no-build   use the Release builds already there
# EP_COST_SECONDS sets the length of each round (default 8). It starts its own throwaway PostgreSQL (durability off)
# and the Release host as bench.sh does (Development: development certificates, like run.sh), Hangfire's server off
# so that its polling does not count, creates tenant "costs" and measures with wrk -t1 -c4:
#   live        GET /health/live, anonymous
#   ready       GET /health/ready, anonymous
#   anonymous   GET /api/nothing/here (404 problem details), no token
#   bearer      the same with the tenant admin's access token and __tenant: token validation, the active-user
#               check and the tenant lookup are what it costs on top of "anonymous"
#   permission  GET /api/identity/permissions?maxResultCount=1 with the token: adds the permission check
# Everything it started is stopped and removed on exit (under .local/auth-cost/run-<pid>).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

BUILD=1
[[ "${1:-}" == --no-build ]] && BUILD=0
SECONDS_PER_ROUND=${EP_COST_SECONDS:-8}
RUN="$REPO/.local/auth-cost/run-$$"
HOST_BIN="$REPO/src/EngagementPlatform.HttpApi.Host/bin/Release/net10.0"
MIGRATOR_BIN="$REPO/src/EngagementPlatform.DbMigrator/bin/Release/net10.0"
mkdir -p "$RUN"
export MSBUILDDISABLENODEREUSE=1

HOST_PID=
cleanup() {
  if [[ -n "$HOST_PID" ]] && grep -qa dotnet "/proc/$HOST_PID/cmdline" 2>/dev/null; then
    kill -TERM -- "-$HOST_PID" 2>/dev/null || kill -TERM "$HOST_PID" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$HOST_PID" 2>/dev/null || true
  fi
  ep_pg_stop "$RUN/pg" >/dev/null 2>&1 || true
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'echo; ep_warn "interrupted, cleaning up"; exit 130' INT TERM

if ((BUILD)); then
  ep_say "Building the host and the DbMigrator (Release)"
  dotnet build src/EngagementPlatform.DbMigrator -c Release -nodeReuse:false -v quiet -nologo >"$RUN/build.log" 2>&1 ||
    { cat "$RUN/build.log" >&2; ep_die "the build failed"; }
fi

PG_PORT=$(ep_free_port)
ep_pg_start "$RUN/pg" "$PG_PORT" --fast >/dev/null || ep_die "PostgreSQL did not start"
"$EP_PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres costs
PSQL="$EP_PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d costs -qAt -v ON_ERROR_STOP=1"

URL="http://127.0.0.1:$(ep_free_port)"
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=costs;Username=postgres"
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" App__SelfUrl="$URL" App__RequireHttps=false App__SpaPath=
export Identity__Passwords__ChangeAssignedPasswordAtFirstSignIn=false Hangfire__Server__Enabled=false
export Identity__RateLimits__PerClient__PermitLimit=1000000 Identity__RateLimits__PerAccount__PermitLimit=1000000
export Smtp__Host=127.0.0.1 Smtp__Port=1 Smtp__Security=None Logging__LogLevel__Default=Warning

ep_say "Migrating"
(cd "$MIGRATOR_BIN" && dotnet EngagementPlatform.DbMigrator.dll >"$RUN/migrator.log" 2>&1) ||
  { tail -n 30 "$RUN/migrator.log" >&2; ep_die "the DbMigrator failed"; }

ep_say "Starting the host at $URL"
(cd "$HOST_BIN" && exec setsid dotnet EngagementPlatform.HttpApi.Host.dll </dev/null >"$RUN/host.log" 2>&1) &
HOST_PID=$!
for ((i = 0; i < 1200; i++)); do
  [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/ready" || true)" == 200 ]] && break
  kill -0 "$HOST_PID" 2>/dev/null || { tail -n 30 "$RUN/host.log" >&2; ep_die "the host exited"; }
  sleep 0.1
done

token() { # USER [TENANT]
  curl -fsS "$URL/connect/token" ${2:+-H "__tenant: $2"} --data-urlencode grant_type=password \
    --data-urlencode client_id=EngagementPlatform_App --data-urlencode scope=EngagementPlatform \
    --data-urlencode "username=$1" --data-urlencode 'password=1q2w3E*' | "$EP_PY" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
HOST_TOKEN=$(token admin)
curl -fsS -o /dev/null "$URL/api/saas/tenants" -H "Authorization: Bearer $HOST_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"costs","adminEmailAddress":"admin@costs.example","adminPassword":"1q2w3E*"}'
TOKEN=$(token admin costs)
ep_say "Access token: ${#TOKEN} characters, $(tr -cd . <<<"$TOKEN" | wc -c) dots (JWS 2, JWE 4), signature/key $(cut -d. -f3 <<<"$TOKEN" | "$EP_PY" -c 'import sys; s=sys.stdin.read().strip(); print(len(s) * 6 // 8 * 8)') bits, header $(cut -d. -f1 <<<"$TOKEN" | "$EP_PY" -c 'import base64,sys; s=sys.stdin.read().strip(); print(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)).decode())')"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$HOST_PID/stat"; }
transactions() { $PSQL -c "SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database WHERE datname = 'costs'"; }
TICK=$(getconf CLK_TCK)

round() { # NAME PATH [curl-style headers...] — warm up 2 s, then one measured round
  local name=$1 path=$2 args=() out requests cpu0 cpu1 tx0 tx1
  shift 2
  for h in "$@"; do args+=(-H "$h"); done
  wrk -t1 -c4 -d2s "${args[@]}" "$URL$path" >/dev/null
  sleep 1.5 # statistics reach pg_stat_database within a second of idle
  cpu0=$(cpu_ticks) tx0=$(transactions)
  out=$(wrk -t1 -c4 -d"${SECONDS_PER_ROUND}s" --latency "${args[@]}" "$URL$path")
  cpu1=$(cpu_ticks)
  sleep 1.5
  tx1=$(transactions)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  "$EP_PY" - "$name" "$requests" "$SECONDS_PER_ROUND" "$((cpu1 - cpu0))" "$TICK" "$((tx1 - tx0 - 2))" <<'PY'
import sys
name, requests, seconds, ticks, tick, tx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"{name:<11} {requests / seconds:8.0f} req/s   host CPU {ticks / tick / requests * 1e6:8.0f} us/request   "
      f"db transactions {max(tx, 0) / requests:5.2f}/request   ({requests} requests)")
PY
}

ep_say "Measuring ($SECONDS_PER_ROUND s per case, wrk -t1 -c4)"
round live /health/live
round ready /health/ready
round anonymous /api/nothing/here
round bearer /api/nothing/here "Authorization: Bearer $TOKEN" "__tenant: costs"
round permission "/api/identity/permissions?maxResultCount=1" "Authorization: Bearer $TOKEN" "__tenant: costs"
