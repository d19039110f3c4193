#!/usr/bin/env bash
# Sets up everything the tests need and runs every suite:
#   etc/scripts/test.sh                 all .NET test projects and the Angular tests
#   etc/scripts/test.sh Governance      only suites whose name contains "Governance" (case-insensitive;
#                                       "angular" selects the Angular workspace)
# Starts a throwaway PostgreSQL and a real SMTP sink, stops them on exit or Ctrl-C. Results go to
# artifacts/test-results (TRX per .NET project, JUnit XML for Angular). The last line of output is
# "N passed, N failed" (", N skipped" when any were skipped), summed over every suite; a build
# that fails or a suite that crashes without results counts as failed. Exit 0 only when nothing
# failed and something passed.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

case "${1:-}" in
  -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
FILTER=${1:-}

RESULTS="$REPO/artifacts/test-results"
PG_DIR="$REPO/.local/test-pg"
MAIL_DIR="$REPO/.local/test-mail"

PASSED=0 FAILED=0 SKIPPED=0
SUMMARY=()

ep_stop_on_exit "$PG_DIR" "$MAIL_DIR"

# record NAME PASSED FAILED SKIPPED [NOTE] — add one suite's result to the totals and say it.
record() {
  local name=$1 p=$2 f=$3 s=$4 note=${5:-}
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
  local line="$name: $(ep_totals_line "$p" "$f" "$s")${note:+ ($note)}"
  SUMMARY+=("$line")
  ep_say "$line"
}

# record_results NAME FILE EXIT_CODE — count a result file; a missing file or a non-zero exit
# with no failed test still counts as one failure.
record_results() {
  local name=$1 file=$2 rc=$3 p f s
  if [[ ! -s "$file" ]]; then
    record "$name" 0 1 0 "crashed without results, exit code $rc"
    return
  fi
  read -r p f s < <(ep_count_results "$file")
  if ((rc != 0 && f == 0)); then
    record "$name" "$p" 1 "$s" "exit code $rc with no failed test recorded"
  else
    record "$name" "$p" "$f" "$s"
  fi
}

matches() { [[ -z "$FILTER" || "${1,,}" == *"${FILTER,,}"* ]]; }

# What to run ------------------------------------------------------------------------------------
PROJECTS=()
for proj in "$REPO"/test/*/*.csproj; do
  [[ -e "$proj" ]] || continue
  name=$(basename "$proj" .csproj)
  [[ "$name" == *Tests ]] && matches "$name" && PROJECTS+=("$proj")
done
RUN_DOTNET=0
[[ -z "$FILTER" || ${#PROJECTS[@]} -gt 0 ]] && RUN_DOTNET=1
RUN_ANGULAR=0
[[ -f angular/package.json ]] && matches angular && RUN_ANGULAR=1

if ((!RUN_DOTNET && !RUN_ANGULAR)); then
  ep_warn "no test suite matches '$FILTER'"
  ep_totals_line 0 0 0
  exit 1
fi
ep_say "Suites: ${#PROJECTS[@]} .NET test project(s)$( ((RUN_ANGULAR)) && echo ", Angular")${FILTER:+ (filter: $FILTER)}"

rm -rf "$RESULTS" "$REPO/artifacts/reports" "$REPO/artifacts/screenshots" "$REPO/artifacts/openapi-statuses"
mkdir -p "$RESULTS"
export EP_ARTIFACTS="$REPO/artifacts"

# Machine prerequisites --------------------------------------------------------------------------
ep_say "Checking Debian packages (PostgreSQL, SMTP sink, chromium for the UI tests)"
apt_pkgs=(python3-aiosmtpd)
[[ -z "$(_ep_pg_bindir)" ]] && apt_pkgs=(postgresql "${apt_pkgs[@]}")
ep_ensure_apt "${apt_pkgs[@]}" || ep_warn "could not install ${apt_pkgs[*]}"
ep_ensure_apt chromium || ep_warn "could not install chromium (browser tests will fail)"
[[ -x /usr/bin/chromium ]] && export CHROME_BIN=/usr/bin/chromium

# Angular build ----------------------------------------------------------------------------------
# Before the .NET tests: the browser tests (EngagementPlatform.Web.Tests) drive the built app.
angular_ok=0
if ((RUN_ANGULAR)) || [[ " ${PROJECTS[*]} " == *Web.Tests* ]]; then
  ep_say "Angular: Node, npm ci, ng build"
  angular_ok=1
  if ! ep_ensure_node; then
    record "angular" 0 1 0 "could not install Node $EP_NODE_VERSION"
    angular_ok=0
  fi
  if ((angular_ok)); then
    ep_say "Node $(node --version), npm $(npm --version 2>/dev/null)"
    if ! ep_npm_install; then
      record "angular" 0 1 0 "npm install failed"
      angular_ok=0
    fi
  fi
  if ((angular_ok)); then
    # npm run build = generate the API client from angular/openapi.json (ng-openapi-gen), then ng build
    if ! (cd angular && npm run build); then
      record "angular-build" 0 1 0 "ng build failed"
      angular_ok=0
    fi
  fi
fi

# .NET -------------------------------------------------------------------------------------------
if ((RUN_DOTNET)); then
  build_ok=1
  if [[ ! -f EngagementPlatform.sln ]]; then
    ep_warn "EngagementPlatform.sln not found"
    record "build" 0 1 0 "no solution"
    build_ok=0
  else
    ep_say "Restoring packages (dotnet restore)"
    start=$SECONDS
    if ! dotnet restore EngagementPlatform.sln; then
      record "restore" 0 1 0 "dotnet restore failed"
      build_ok=0
    else
      ep_say "Building the solution once (Release)"
      if ! dotnet build EngagementPlatform.sln -c Release --no-restore -nodeReuse:false; then
        record "build" 0 1 0 "dotnet build failed"
        build_ok=0
      else
        ep_say "Restore and build took $((SECONDS - start)) s"
      fi
    fi
  fi

  if ((build_ok && ${#PROJECTS[@]} > 0)); then
    ep_say "Starting a throwaway PostgreSQL and an SMTP sink for the tests"
    ep_pg_stop "$PG_DIR" # left running by an interrupted run?
    ep_smtp_stop "$MAIL_DIR"
    rm -rf "$PG_DIR" "$MAIL_DIR" "$MAIL_DIR.log"
    services_ok=1
    PG_PORT=$(ep_free_port)
    ep_pg_start "$PG_DIR" "$PG_PORT" --fast || { record "postgresql" 0 1 0 "could not start"; services_ok=0; }
    SMTP_PORT=$(ep_free_port)
    ep_smtp_start "$MAIL_DIR" "$SMTP_PORT" || { record "smtp-sink" 0 1 0 "could not start"; services_ok=0; }

    if ((services_ok)); then
      export EP_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
      export EP_TEST_SMTP_HOST=127.0.0.1
      export EP_TEST_SMTP_PORT=$SMTP_PORT
      export EP_TEST_SMTP_DIR=$MAIL_DIR
      ep_say "EP_TEST_PG=$EP_TEST_PG"
      ep_say "EP_TEST_SMTP_HOST=$EP_TEST_SMTP_HOST EP_TEST_SMTP_PORT=$EP_TEST_SMTP_PORT EP_TEST_SMTP_DIR=$EP_TEST_SMTP_DIR"

      for proj in "${PROJECTS[@]}"; do
        name=$(basename "$proj" .csproj)
        ep_say "Testing $name"
        start=$SECONDS
        # detailed console verbosity: the only level at which the console logger prints the
        # output (ITestOutputHelper) of passing tests too
        dotnet test "$proj" -c Release --no-build \
          --logger "trx;LogFileName=$name.trx" \
          --logger "console;verbosity=detailed" \
          --results-directory "$RESULTS"
        rc=$?
        ep_say "$name finished in $((SECONDS - start)) s"
        record_results "$name" "$RESULTS/$name.trx" "$rc"
      done
    fi

    # OpenAPI statuses: what the test hosts answered (artifacts/openapi-statuses, written by TestBase's
    # StatusRecorder) against what angular/openapi.json declares; one test per operation the suites called.
    # The self-test first proves the check fails on a status the document lacks.
    ep_say "OpenAPI statuses: the statuses the suites saw against angular/openapi.json"
    read -r p f < <("$EP_PY" etc/scripts/openapi-statuses.py --self-test | tail -n 1)
    record "openapi-statuses-self-test" "${p:-0}" "${f:-1}" 0
    if compgen -G "$REPO/artifacts/openapi-statuses/*.jsonl" >/dev/null; then
      check_out=$("$EP_PY" etc/scripts/openapi-statuses.py "$REPO/artifacts/openapi-statuses" angular/openapi.json)
      printf '%s\n' "$check_out" | sed '$d'
      read -r p f <<<"$(printf '%s\n' "$check_out" | tail -n 1)"
      record "openapi-statuses" "${p:-0}" "${f:-1}" 0 "one test per operation called"
    else
      ep_say "No API requests were recorded: nothing to compare"
    fi
  elif ((${#PROJECTS[@]} == 0)); then
    ep_say "No .NET test projects (test/*/*Tests.csproj) yet"
  else
    ep_warn "skipping the .NET tests: the build failed"
  fi
fi

# Angular unit tests -----------------------------------------------------------------------------
if ((RUN_ANGULAR)); then
  if ((angular_ok)); then
    has_test=$("$EP_PY" -c 'import json, sys
ws = json.load(open(sys.argv[1]))
print(int(any("test" in (p.get("architect") or p.get("targets") or {}) for p in ws.get("projects", {}).values())))' angular/angular.json 2>/dev/null || echo 0)
    if [[ "$has_test" == 1 ]]; then
      ep_say "Angular unit tests (ng test, Vitest)"
      junit="$RESULTS/angular.junit.xml"
      (cd angular && npx ng test --watch=false --reporters=default --reporters=junit --output-file="$junit")
      record_results "angular" "$junit" "$?"
    else
      ep_say "The Angular workspace has no test target"
    fi
  fi
fi

# Summary ----------------------------------------------------------------------------------------
ep_stop_services
ep_say "Results (artifacts/test-results):"
for line in "${SUMMARY[@]}"; do printf '    %s\n' "$line"; done
# Reports the tests leave for people (the sweeps' counts, ...): artifacts/reports/*.txt
if compgen -G "$REPO/artifacts/reports/*.txt" >/dev/null; then
  ep_say "Reports (artifacts/reports):"
  for report in "$REPO"/artifacts/reports/*.txt; do printf '    %s\n' "$(cat "$report")"; done
fi
ep_totals_line "$PASSED" "$FAILED" "$SKIPPED"
((FAILED == 0 && PASSED > 0))
