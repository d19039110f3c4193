#!/usr/bin/env bash
# The pieces of a benchmark run that etc/scripts/bench.sh and etc/scripts/profile.sh share. Source it after lib.sh:
#   source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
# The functions use these globals, which the script sets first: RUN (the run's folder; pid files, logs and the
# services' data go there), HOST_BIN and MIGRATOR_BIN (the Release builds). bench_services sets PG_PORT, SMTP_PORT,
# DB, PSQL, URL, PG_DIR and MAIL_DIR and exports the host's configuration.

[[ -n "${EP_BENCH_LIB_LOADED:-}" ]] && return 0
EP_BENCH_LIB_LOADED=1

HOST_BIN=${EP_HOST_BIN:-"$REPO/src/EngagementPlatform.HttpApi.Host/bin/Release/net10.0"} # EP_HOST_BIN: another build (A/B)
MIGRATOR_BIN="$REPO/src/EngagementPlatform.DbMigrator/bin/Release/net10.0"

# A process this run started: its pid is written to $RUN/NAME.pid; it runs in its own process group (setsid).
stop_proc() {
  local file="$1/$2.pid" pid i
  [[ -f "$file" ]] || return 0
  pid=$(<"$file")
  # only if that pid still is the dotnet/wrk process we started (pids get reused)
  if [[ -n "$pid" ]] && grep -qa -e dotnet -e wrk "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Everything a run left under DIR: host, floor, wrk, SMTP sink, PostgreSQL, then the folder.
clean_run_dir() {
  local dir=$1
  stop_proc "$dir" host
  stop_proc "$dir" floor
  stop_proc "$dir" wrk
  stop_proc "$dir" load
  EP_SMTP_PID= ep_smtp_stop "$dir/mail" >/dev/null || true
  ep_pg_stop "$dir/pg" >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# Builds one project (Release); the log goes to $RUN/build.log and is shown on failure.
build() {
  dotnet build "$1" -c Release -nodeReuse:false -v quiet -nologo >"$RUN/build.log" 2>&1 ||
    { cat "$RUN/build.log" >&2; ep_die "building $1 failed"; }
}

# PostgreSQL (durability off) and the SMTP sink on free ports, database "bench" migrated by the DbMigrator, and the
# host's configuration exported: as run.sh runs it (Development: the default admin password and development
# certificates are allowed on this loopback-only throwaway), with the SMTP sink as mail server and sign-in limits
# lifted for the members' tokens.
bench_services() {
  PG_DIR="$RUN/pg" MAIL_DIR="$RUN/mail"
  PG_PORT=$(ep_free_port)
  ep_pg_start "$PG_DIR" "$PG_PORT" --fast || ep_die "PostgreSQL did not start"
  SMTP_PORT=$(ep_free_port)
  ep_smtp_start "$MAIL_DIR" "$SMTP_PORT" || ep_die "the SMTP sink did not start"
  "$EP_PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
  DB="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres"
  PSQL="$EP_PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d bench"

  local host_port
  host_port=$(ep_free_port)
  URL="http://127.0.0.1:$host_port"
  export ConnectionStrings__Default="$DB" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL"
  export App__SelfUrl="$URL" App__RequireHttps=false App__SpaPath=
  export Identity__Passwords__ChangeAssignedPasswordAtFirstSignIn=false
  export Identity__RateLimits__PerClient__PermitLimit=1000000 Identity__RateLimits__PerAccount__PermitLimit=1000000
  export Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" Smtp__Security=None

  ep_say "Migrating the benchmark database"
  (cd "$MIGRATOR_BIN" && dotnet EngagementPlatform.DbMigrator.dll >"$RUN/migrator.log" 2>&1) ||
    { tail -n 30 "$RUN/migrator.log" >&2; ep_die "the DbMigrator failed"; }
}

sql() { $PSQL -v ON_ERROR_STOP=1 -qAt -c "$1"; }

# Starts the host (its own process group, pid in $RUN/host.pid), waits for the first /health/ready 200 and prints
# the milliseconds from the process start to that answer.
start_host() {
  local start code i
  start=$(date +%s%N)
  (cd "$HOST_BIN" && exec setsid dotnet EngagementPlatform.HttpApi.Host.dll </dev/null >>"$RUN/host.log" 2>&1) &
  echo $! >"$RUN/host.pid"
  for ((i = 0; i < 6000; i++)); do # up to 5 minutes at 50 ms
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/ready" 2>/dev/null || true)
    if [[ "$code" == 200 ]]; then
      echo $((($(date +%s%N) - start) / 1000000))
      return 0
    fi
    kill -0 "$(<"$RUN/host.pid")" 2>/dev/null || { tail -n 30 "$RUN/host.log" >&2; ep_die "the host exited before it was ready"; }
    sleep 0.05
  done
  ep_die "the host was not ready within 5 minutes"
}

# Waits until the host has sent the mail the seeding queued (opening the votes queues a notice to every eligible
# member), or WHAT queued (a pay batch's emails), so that nothing measured shares the host with that work.
wait_outbox_drained() { # [WHAT]
  local pending i what=${1:-the seeding}
  for ((i = 0; i < 600; i++)); do
    pending=$(sql "SELECT count(*) FROM notifications.outbox_messages WHERE status = 'Pending'")
    ((pending == 0)) && break
    ((i % 20 == 0)) && ep_say "  waiting for the host to send the $pending email(s) $what queued"
    sleep 0.5
  done
  ep_say "  mail $what queued: $(sql "SELECT coalesce(string_agg(status || ' ' || n, ', '), 'none')
  FROM (SELECT status, count(*) n FROM notifications.outbox_messages GROUP BY status) s")"
}
