#!/usr/bin/env bash
# What a runtime setting does to the host's start-up and memory. Asserts nothing; starts the Release host on a
# migrated database with the demo tenant N times WITHOUT and N times WITH the given environment settings,
# alternating (so a busy machine hurts both sides alike), and prints for each start and as medians:
#   ready_cpu_ms   user+system CPU of the host from its start to the first /health/ready 200 (load-independent)
#   ready_wall_ms  wall-clock to that answer (meaningful only on an idle machine)
#   cpu_ms/rss     the same CPU total, and resident memory split into anonymous, file-backed and shared memory
#                  (/proc/PID/status), after READS sequential reads of the decisions list as the demo admin
#   etc/scripts/startup-ab.sh DOTNET_EnableWriteXorExecute=0          W^X off against the default (docs/benchmarks.md)
#   etc/scripts/startup-ab.sh DOTNET_gcServer=1 DOTNET_TieredPGO=0    several settings together
#   --starts N (default 3), --reads N (default 300), --no-build (use the Release builds already there)
# It starts its own throwaway PostgreSQL (durability off) and SMTP sink under .local/startup-ab/run-<pid>, removed on exit.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

STARTS=3 READS=300 BUILD=1 SETTINGS=()
while (($#)); do
  case "$1" in
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --starts) STARTS=${2:?--starts needs a number}; shift ;;
    --reads) READS=${2:?--reads needs a number}; shift ;;
    --no-build) BUILD=0 ;;
    [A-Za-z_]*=*) SETTINGS+=("$1") ;;
    *) ep_die "unknown argument '$1' (see --help)" ;;
  esac
  shift
done
((${#SETTINGS[@]})) || ep_die "name at least one setting to compare, e.g. DOTNET_EnableWriteXorExecute=0 (see --help)"
[[ "$STARTS" =~ ^[1-9][0-9]*$ && "$READS" =~ ^[0-9]+$ ]] || ep_die "--starts and --reads take whole numbers"

HOST_BIN="$REPO/src/EngagementPlatform.HttpApi.Host/bin/Release/net10.0"
MIGRATOR_BIN="$REPO/src/EngagementPlatform.DbMigrator/bin/Release/net10.0"
RUN="$REPO/.local/startup-ab/run-$$"
mkdir -p "$RUN"
HOST_PID=
cleanup() {
  [[ -n "$HOST_PID" ]] && { kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; }
  EP_SMTP_PID= ep_smtp_stop "$RUN/mail" >/dev/null 2>&1 || true
  ep_pg_stop "$RUN/pg" >/dev/null 2>&1 || true
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'echo; ep_warn "interrupted, cleaning up"; exit 130' INT TERM

ep_ensure_apt python3-aiosmtpd curl || ep_die "could not install python3-aiosmtpd and curl"
ep_pg_bin
if ((BUILD)); then
  ep_say "Building the DbMigrator and the host (Release)"
  dotnet build src/EngagementPlatform.DbMigrator -c Release -nodeReuse:false -v quiet -nologo >"$RUN/build.log" 2>&1 &&
    dotnet build src/EngagementPlatform.HttpApi.Host -c Release -nodeReuse:false -v quiet -nologo >>"$RUN/build.log" 2>&1 ||
    { cat "$RUN/build.log" >&2; ep_die "the build failed"; }
fi

ep_say "Starting PostgreSQL and the SMTP sink, migrating, seeding the demo tenant"
PG_PORT=$(ep_free_port)
ep_pg_start "$RUN/pg" "$PG_PORT" --fast || ep_die "PostgreSQL did not start"
SMTP_PORT=$(ep_free_port)
ep_smtp_start "$RUN/mail" "$SMTP_PORT" || ep_die "the SMTP sink did not start"
"$EP_PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres startup
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=startup;Username=postgres"
export ASPNETCORE_ENVIRONMENT=Development App__RequireHttps=false App__SpaPath=
export Identity__Passwords__ChangeAssignedPasswordAtFirstSignIn=false
export Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" Smtp__Security=None
(cd "$MIGRATOR_BIN" && dotnet EngagementPlatform.DbMigrator.dll --demo >"$RUN/migrator.log" 2>&1) ||
  { tail -n 30 "$RUN/migrator.log" >&2; ep_die "the DbMigrator failed"; }

TICKS=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$TICKS" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$1/stat"; }
memory() { awk '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { printf "%d ", $2 / 1024 }' "/proc/$1/status"; }

# One start of SIDE (with: the settings in its environment): appends "SIDE ready_wall ready_cpu cpu rss anon file
# shmem" to the results and prints it as a table row.
measure() {
  local side=$1 n=$2 extra=() port url start code ready_wall ready_cpu token line i
  port=$(ep_free_port) url="http://127.0.0.1:$port"
  [[ "$side" == with ]] && extra=("${SETTINGS[@]}")
  start=$(date +%s%N)
  (cd "$HOST_BIN" && ASPNETCORE_URLS=$url App__SelfUrl=$url exec env "${extra[@]}" dotnet EngagementPlatform.HttpApi.Host.dll \
    </dev/null >>"$RUN/host.log" 2>&1) &
  HOST_PID=$!
  for ((i = 0; ; i++)); do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/health/ready" 2>/dev/null || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$HOST_PID" 2>/dev/null || { tail -n 30 "$RUN/host.log" >&2; ep_die "the host exited before it was ready"; }
    ((i < 6000)) || ep_die "the host was not ready within 5 minutes"
    sleep 0.05
  done
  ready_wall=$((($(date +%s%N) - start) / 1000000)) ready_cpu=$(cpu_ms "$HOST_PID")
  token=$(curl -fsS "$url/connect/token" -H '__tenant: demo' -d grant_type=password -d client_id=EngagementPlatform_App \
    -d scope=EngagementPlatform -d username=admin -d 'password=1q2w3E*' |
    "$EP_PY" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') || ep_die "the demo admin could not sign in"
  for ((i = 0; i < READS; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H '__tenant: demo' \
      "$url/api/governance/decisions?maxResultCount=20")
    [[ "$code" == 200 ]] || ep_die "the read answered $code"
  done
  line="$ready_wall $ready_cpu $(cpu_ms "$HOST_PID") $(memory "$HOST_PID")"
  echo "$side $line" >>"$RUN/results"
  # shellcheck disable=SC2086 # the figures are words
  printf '%-8s %-5s %13s %12s %10s %7s %7s %7s %7s %5s\n' "$side" "$n" $line "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
  HOST_PID=
}

ep_say "Measuring: $STARTS starts without and $STARTS with '${SETTINGS[*]}', alternating, $READS reads each"
printf '%-8s %-5s %13s %12s %10s %7s %7s %7s %7s %5s\n' side start ready_wall_ms ready_cpu_ms cpu_ms rss_mb anon_mb \
  file_mb shm_mb load
: >"$RUN/results"
for ((n = 1; n <= STARTS; n++)); do
  measure without "$n"
  measure with "$n"
done
echo
"$EP_PY" - "$RUN/results" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = ["ready_wall_ms", "ready_cpu_ms", "cpu_ms", "rss_mb", "anon_mb", "file_mb", "shm_mb"]
print(f"{'median':<14}" + "".join(f"{n:>14}" for n in names))
medians = {}
for side in ("without", "with"):
    values = [[float(v) for v in r[1:]] for r in rows if r[0] == side]
    medians[side] = [statistics.median(col) for col in zip(*values)]
    print(f"{side:<14}" + "".join(f"{m:>14,.0f}" for m in medians[side]))
print(f"{'with/without':<14}" + "".join(f"{(w / o if o else float('nan')):>14.2f}" for w, o in zip(medians['with'], medians['without'])))
EOF
