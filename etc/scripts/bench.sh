#!/usr/bin/env bash
# Benchmarks. Prints figures beside a baseline measured in the same run; asserts nothing.
#   etc/scripts/bench.sh          10,000 outbox messages
#   etc/scripts/bench.sh 2000     another count
# Outbox throughput: OutboxDispatcher draining N queued rows to a real SMTP sink (aiosmtpd), against a raw
# MailKit loop sending N equivalent prebuilt messages over one connection to the same sink (goal: ratio
# >= 0.5). Feedback-email latency: one row written and the sender woken through Hangfire (queue polled
# every second) until the message is in the sink, median of 5.
# Starts its own throwaway PostgreSQL (durability off) and SMTP sink on free ports under .local/bench-*,
# and stops them on exit or Ctrl-C.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

case "${1:-}" in
  -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
COUNT=${1:-10000}
[[ "$COUNT" =~ ^[0-9]+$ && "$COUNT" -gt 0 ]] || ep_die "the message count must be a positive number, not '$COUNT'"

PROJECT="$REPO/bench/EngagementPlatform.Benchmarks/EngagementPlatform.Benchmarks.csproj"
OUT="$REPO/bench/EngagementPlatform.Benchmarks/bin/Release/net10.0"
PG_DIR="$REPO/.local/bench-pg"
MAIL_DIR="$REPO/.local/bench-mail"

ep_stop_on_exit "$PG_DIR" "$MAIL_DIR"

apt_pkgs=(python3-aiosmtpd)
[[ -z "$(_ep_pg_bindir)" ]] && apt_pkgs=(postgresql "${apt_pkgs[@]}")
ep_ensure_apt "${apt_pkgs[@]}" || ep_die "could not install ${apt_pkgs[*]}"

ep_say "Building the benchmarks (Release)"
dotnet build "$PROJECT" -c Release -nodeReuse:false -v quiet -nologo >/dev/null ||
  dotnet build "$PROJECT" -c Release -nodeReuse:false -nologo # again, to show the errors

ep_pg_stop "$PG_DIR" # left running by an interrupted run?
ep_smtp_stop "$MAIL_DIR"
rm -rf "$PG_DIR" "$MAIL_DIR" "$MAIL_DIR.log"
PG_PORT=$(ep_free_port)
ep_pg_start "$PG_DIR" "$PG_PORT" --fast || ep_die "PostgreSQL did not start"
SMTP_PORT=$(ep_free_port)
ep_smtp_start "$MAIL_DIR" "$SMTP_PORT" || ep_die "the SMTP sink did not start"

export EP_BENCH_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export EP_BENCH_SMTP_HOST=127.0.0.1 EP_BENCH_SMTP_PORT=$SMTP_PORT EP_BENCH_SMTP_DIR=$MAIL_DIR
ep_say "Running (PostgreSQL on $PG_PORT, SMTP sink on $SMTP_PORT)"
dotnet "$OUT/EngagementPlatform.Benchmarks.dll" "$COUNT"
