#!/usr/bin/env bash
# Sets up and runs EngagementPlatform on this machine:
#   etc/scripts/run.sh
# Starts (creating on first use) a local PostgreSQL cluster in .local/pg, builds the Angular app,
# migrates the database and seeds a demo tenant, then runs the web host until Ctrl-C (or TERM), which
# stops what this script started. Safe to run again: existing data is kept; tracked files are not changed.
# Settings (environment): EP_PORT (web, default 5080), EP_PG_PORT (PostgreSQL, default 5433);
# any App__*/Smtp__*/Stripe__* variable you set is passed through to the host.
# When the host is ready it prints the line "==> EngagementPlatform is running at http://127.0.0.1:PORT".
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

case "${1:-}" in
  -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

EP_PORT=${EP_PORT:-5080}
PG_PORT=${EP_PG_PORT:-5433}
PG_DIR="$REPO/.local/pg"
MAIL_DIR="$REPO/.local/mail"
URL="http://127.0.0.1:$EP_PORT"
# no MSBuild worker nodes left running after this script ends
export MSBUILDDISABLENODEREUSE=1

HOST_PID=
PG_STARTED_HERE=0
cleanup() {
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    ep_say "Stopping the host"
    # the host runs in its own process group: dotnet run and the app it started
    kill -TERM -- "-$HOST_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 75; i++)); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$HOST_PID" 2>/dev/null || true
  fi
  if ((PG_STARTED_HERE)); then ep_pg_stop "$PG_DIR" || true; fi
}
trap cleanup EXIT
trap 'echo; exit 130' INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$EP_PORT") 2>/dev/null; then
  if curl -fsS -o /dev/null "$URL/health/ready" 2>/dev/null; then
    ep_die "EngagementPlatform already answers at $URL (another run.sh?); set EP_PORT to run a second one"
  fi
  ep_die "port $EP_PORT is in use; set EP_PORT to another port"
fi

[[ -f EngagementPlatform.sln ]] || ep_die "EngagementPlatform.sln not found in $REPO"

# PostgreSQL -------------------------------------------------------------------------------------
ep_pg_bin # installs the postgresql package if the server binaries are missing
ep_pg_start "$PG_DIR" "$PG_PORT"
PG_STARTED_HERE=$EP_PG_STARTED
running_port=$(sed -n 4p "$PG_DIR/postmaster.pid" 2>/dev/null || true)
PG_PORT=${running_port:-$PG_PORT}
if ! "$EP_PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
  "select 1 from pg_database where datname = 'engagementplatform'" | grep -q 1; then
  ep_say "Creating database engagementplatform"
  "$EP_PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres engagementplatform
fi
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=engagementplatform;Username=postgres"
# A local demo on loopback: Development allows the default admin password and development signing certificates
# (anywhere else the host refuses them), and the demo users sign in without first replacing their password.
export ASPNETCORE_ENVIRONMENT=Development
export Identity__Passwords__ChangeAssignedPasswordAtFirstSignIn=false

# .NET -------------------------------------------------------------------------------------------
# The DbMigrator references the host, so this builds both.
ep_say "Restoring packages and building the host and the DbMigrator"
dotnet build src/EngagementPlatform.DbMigrator -c Release -nodeReuse:false -v minimal -nologo

# Angular ----------------------------------------------------------------------------------------
if [[ -f angular/package.json ]]; then
  ep_say "Building the Angular app"
  ep_ensure_node
  ep_npm_install # npm ci: exactly the committed lockfile, which it never rewrites
  (cd angular && npm run build) # generates the API client from angular/openapi.json, then ng build
  project=$("$EP_PY" -c 'import json, sys; print(next(iter(json.load(open(sys.argv[1]))["projects"])))' angular/angular.json)
  spa="$REPO/angular/dist/$project/browser"
  if [[ ! -f "$spa/index.html" ]]; then # outputPath changed? take whatever the build produced
    spa=$(dirname "$(ls -d "$REPO"/angular/dist/*/browser/index.html 2>/dev/null | head -n 1)")
  fi
  [[ -f "$spa/index.html" ]] || ep_die "the Angular build produced no browser/index.html under angular/dist"
  export App__SpaPath="$spa"
  ep_say "App__SpaPath=$App__SpaPath"
else
  ep_warn "no angular/package.json: the host will serve the API only"
fi

# The address the host runs at: the DbMigrator registers it as the web app's sign-in address, and the
# host checks that registration again when it starts.
mkdir -p "$MAIL_DIR"
export ASPNETCORE_URLS="$URL"
export App__RequireHttps=false
export App__SelfUrl="$URL"
export Smtp__PickupDirectory="$MAIL_DIR"

# Database schema and demo data ------------------------------------------------------------------
ep_say "Migrating the database and seeding the demo tenant"
dotnet run --project src/EngagementPlatform.DbMigrator -c Release --no-build -- --demo

# Host -------------------------------------------------------------------------------------------
ep_say "Starting the host on $URL"
setsid dotnet run --project src/EngagementPlatform.HttpApi.Host -c Release --no-build --no-launch-profile </dev/null &
HOST_PID=$!

ep_say "Waiting for $URL/health/ready"
ready=0
for ((i = 0; i < 180; i++)); do
  kill -0 "$HOST_PID" 2>/dev/null || break
  code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/ready" 2>/dev/null || true)
  if [[ "$code" == 200 ]]; then ready=1; break; fi
  sleep 1
done
if ((!ready)); then
  kill -0 "$HOST_PID" 2>/dev/null && ep_die "the host did not become ready within 180 s"
  wait "$HOST_PID" && rc=0 || rc=$?
  HOST_PID=
  ep_die "the host exited (code $rc) before it became ready"
fi

cat <<EOF

==> EngagementPlatform is running at $URL
    Open it in a browser and choose "Sign in". On the sign-in page type the partnership demo,
    the user name admin and the password 1q2w3E* (staff, finance and member have that password too).
    Leave the partnership empty to sign in as the host (operator) admin: admin / 1q2w3E*
      (the passwords of a new database come from App:AdminPassword, environment variable App__AdminPassword)
    API reference (OpenAPI):  $URL/scalar
    Email is written as .eml files to ${MAIL_DIR#"$REPO"/}
    PostgreSQL: 127.0.0.1:$PG_PORT, database engagementplatform (data in ${PG_DIR#"$REPO"/})
    Ctrl-C stops it.

EOF

wait "$HOST_PID" && rc=0 || rc=$?
HOST_PID=
exit "$rc"
