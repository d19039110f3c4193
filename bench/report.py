"""The one table etc/scripts/bench.sh prints at the end (Debian's python3, standard library only).

Usage: report.py RESULTS [JSON_FILE]
RESULTS holds one measurement a line, "NAME key=value key=value ...", as bench.sh wrote them (the wrk scripts' and
the outbox program's EP_RESULT lines, tagged). Prints figure, value, baseline, ratio, goal and whether the goal is met;
writes [{name, value, unit, baseline, ratio, goal, met}] to JSON_FILE when given. A figure whose measurement is
missing (its step failed) is shown as "not measured". Exits 0 whatever the figures are: it asserts nothing.
"""
import json
import statistics
import sys

rows = {}
with open(sys.argv[1]) as f:
    for line in f:
        parts = line.split()
        if not parts:
            continue
        values = {}
        for part in parts[1:]:
            if "=" in part:
                k, v = part.split("=", 1)
                try:
                    values[k] = float(v)
                except ValueError:
                    values[k] = v
        rows.setdefault(parts[0], []).append(values)


def median(name, key):
    values = [r[key] for r in rows.get(name, []) if isinstance(r.get(key), float)]
    return statistics.median(values) if values else None


def ok_rps(r):
    seconds = r["duration_us"] / 1e6
    return (r["requests"] - r["non2xx"]) / seconds if seconds > 0 else 0.0


def median_of(name, fn):
    values = [fn(r) for r in rows.get(name, [])]
    return statistics.median(values) if values else None


figures = []  # (json name, figure, value, unit, baseline, goal text, met(value, ratio) or None, note)


def add(name, figure, value, unit, baseline=None, goal=None, met=None, note=""):
    ratio = value / baseline if value is not None and baseline else None
    figures.append(dict(name=name, figure=figure, value=value, unit=unit, baseline=baseline, ratio=ratio, goal=goal,
                        met=(met(value, ratio) if met and value is not None else None), note=note))


read_rps = median_of("read_product", ok_rps)
floor_rps = median_of("read_floor", ok_rps)
errors = sum(int(r["non2xx"] + r["socket_errors"]) for r in rows.get("read_product", []))
note = f"{errors} non-2xx/socket errors" if errors else ""
add("read_rps", "read: requests/s (median of rounds)", read_rps, "req/s", floor_rps, ">= 0.7x floor",
    lambda v, r: r is not None and r >= 0.7, note)
add("read_p50_ms", "read: p50 latency", median("read_product", "p50_us") and median("read_product", "p50_us") / 1000,
    "ms", median("read_floor", "p50_us") and median("read_floor", "p50_us") / 1000, None)
add("read_p99_ms", "read: p99 latency", median("read_product", "p99_us") and median("read_product", "p99_us") / 1000,
    "ms", median("read_floor", "p99_us") and median("read_floor", "p99_us") / 1000, "< 50 ms", lambda v, r: v < 50)

votes = rows.get("votes", [{}])[-1]
vote_rps = votes["votes_ok"] / (votes["window_us"] / 1e6) if votes.get("window_us") else None
vote_note = ""
if votes.get("votes_other"):
    vote_note = f"{int(votes['votes_other'])} votes answered non-200"
add("vote_rps", "votes: votes/s (1 PUT my-vote each)", vote_rps, "votes/s", None, ">= 1000/s", lambda v, r: v >= 1000, vote_note)
add("vote_p99_ms", "votes: p99 latency", votes.get("p99_us") and votes["p99_us"] / 1000, "ms", None, None)
check = rows.get("votes_check", [{}])[-1]
stored = check.get("stored_once")
figures.append(dict(name="votes_stored_once", figure="votes: each stored exactly once", value=stored, unit="",
                    baseline=None, ratio=None, goal="yes", met=(stored == "yes") if stored else None,
                    note=(f"{int(check['detail']):,} votes" if stored == "yes" else str(check.get("detail", "")).replace("_", " "))))

add("startup_ms", "start-up to first ready 200 (median of 3)", median("startup", "ms"), "ms", None, "< 2000 ms",
    lambda v, r: v < 2000)
rss = rows.get("memory", [{}])[-1]
add("rss_mb", "resident memory after the read run", rss.get("rss_kib") and rss["rss_kib"] / 1024, "MiB", None,
    "< 300 MiB", lambda v, r: v < 300, f"peak {rss['hwm_kib'] / 1024:.0f} MiB" if rss.get("hwm_kib") else "")

outbox = rows.get("outbox", [{}])[-1]
add("fanout_msgs_per_s", "outbox: messages/s to the SMTP sink", outbox.get("outbox_rate"), "msg/s", None, ">= 500/s",
    lambda v, r: v >= 500)
add("fanout_ratio", "outbox: ratio to a raw MailKit loop", outbox.get("outbox_rate"), "msg/s", outbox.get("raw_rate"),
    ">= 0.5x raw", lambda v, r: r is not None and r >= 0.5)
latency = rows.get("latency", [{}])[-1]
add("feedback_latency_ms", "feedback email: write to in the sink (median of 5)", latency.get("feedback_latency_ms"),
    "ms", None, None)


def fmt(v):
    if v is None:
        return "not measured"
    if isinstance(v, str):
        return v
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.2f}"


table = [("figure", "value", "baseline", "ratio", "goal", "met", "note")]
for f in figures:
    value = fmt(f["value"]) if f["value"] is None or isinstance(f["value"], str) else f"{fmt(f['value'])} {f['unit']}"
    if f["name"] == "fanout_ratio":
        value = f"{fmt(f['value'])} msg/s"
    table.append((f["figure"], value, "" if f["baseline"] is None else fmt(f["baseline"]),
                  "" if f["ratio"] is None else f"{f['ratio']:.2f}x", f["goal"] or "",
                  "" if f["goal"] is None else ("met" if f["met"] else "not met" if f["met"] is False else "-"),
                  f["note"]))
widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
for n, r in enumerate(table):
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    if n == 0:
        print("  ".join("-" * w for w in widths))

if len(sys.argv) > 2:
    out = []
    for f in figures:
        out.append({k: f[k] for k in ("name", "value", "unit", "baseline", "ratio", "goal", "met")})
    # the ratio figures carry the ratio as their value, as their names say
    for f in out:
        if f["name"] == "fanout_ratio":
            f["value"], f["unit"] = f["ratio"], "x"
    read = next(f for f in figures if f["name"] == "read_rps")
    out.insert(1, dict(name="read_ratio", value=read["ratio"], unit="x", baseline=None, ratio=None,
                       goal=">= 0.7", met=read["met"]))
    with open(sys.argv[2], "w") as fh:
        json.dump(out, fh, indent=2)
        fh.write("\n")
