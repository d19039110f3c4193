"""The one table etc/scripts/bench.sh prints at the end (Debian's python3, standard library only).

Usage: report.py RESULTS [JSON_FILE] [--only GROUP]   print the table; write [{name, value, unit, baseline, ratio, goal, met}]
       report.py --check JSON_FILE [--only GROUP]     exit 1 unless every named figure (NAMED below) is in the file and measured
       report.py --self-test            feed the report made-up measurements and check what it makes of them
RESULTS holds one measurement a line, "NAME key=value key=value ...", as bench.sh wrote them (the wrk scripts' and
the outbox program's EP_RESULT lines, tagged). A figure whose measurement is missing (its step failed) is shown as
"not measured" and written with a null value. Printing the table asserts nothing: a missed goal is no failure.
--only compensation (bench.sh --only compensation): the table, the JSON and the check hold issue 12's figures only;
--only data-sharing: issue 13's (the agreement register) only.
A figure named for a ratio (read_ratio, tenant_scale_p50_ratio, fanout_ratio) carries the ratio as its value.
"""
import json
import os
import statistics
import sys
import tempfile

# The figures issue 11 names; the JSON holds these and a few more (read_p50_ms, votes_stored_once, ...).
# Issue 12's (the payable-items queue and the approve-and-pay batch) follow, and are the only ones --only compensation names.
COMPENSATION = ("queue_rps", "queue_ratio", "queue_p99_ms", "queue_plan", "batch_approve_ms", "batch_approve_ratio",
                "batch_pay_ms", "batch_pay_ratio", "batch_pay_emails")
# Issue 13's: the agreement register's first page against the floor's, and its plan.
DATA_SHARING = ("register_rps", "register_ratio", "register_p99_ms", "register_plan")
NAMED = ("read_rps", "read_p99_ms", "read_ratio", "vote_rps", "vote_p99_ms", "tenant_scale_p50_ratio",
         "fanout_msgs_per_s", "fanout_ratio", "startup_ms", "rss_mb") + COMPENSATION + DATA_SHARING
GROUPS = {"compensation": COMPENSATION, "data-sharing": DATA_SHARING}


def parse(lines):
    rows = {}
    for line in lines:
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
    return rows


def figures(rows):
    def median(name, key, scale=1.0):
        values = [r[key] for r in rows.get(name, []) if isinstance(r.get(key), float)]
        return statistics.median(values) * scale if values else None

    def ok_rps(r):
        seconds = r.get("duration_us", 0) / 1e6
        return (r.get("requests", 0) - r.get("non2xx", 0)) / seconds if seconds > 0 else None

    def median_of(name, fn):
        values = [v for v in (fn(r) for r in rows.get(name, [])) if v is not None]
        return statistics.median(values) if values else None

    def last(name):
        return rows.get(name, [{}])[-1]

    out = []  # dict(name, figure, value, unit, baseline, ratio, goal, met, note)

    def add(name, figure, value, unit, baseline=None, goal=None, met=None, note="", ratio=None):
        if ratio is None and value is not None and baseline:
            ratio = value / baseline
        out.append(dict(name=name, figure=figure, value=value, unit=unit, baseline=baseline, ratio=ratio, goal=goal,
                        met=(met(value) if met and value is not None else None), note=note))

    def add_ratio(name, figure, ratio, goal, met):
        # value and ratio are the same number here; the figure it compares is in the row above it
        add(name, figure, ratio, "x", None, goal, met, ratio=ratio)

    def errors(name):
        n = sum(int(r.get("non2xx", 0) + r.get("socket_errors", 0)) for r in rows.get(name, []))
        return f"{n} non-2xx/socket errors" if n else ""

    def clipped(*names):
        # wrk counts only the answers within a round: latencies near its length are cut off, not measured
        near = any(r.get("p99_us", 0) > 0.5 * r.get("duration_us", 0) > 0 for n in names for r in rows.get(n, []))
        return "p99 over half a round: rounds too short (EP_BENCH_ROUND_SECONDS)" if near else ""

    # Read: product against the floor, alternating rounds.
    read_rps, floor_rps = median_of("read_product", ok_rps), median_of("read_floor", ok_rps)
    add("read_rps", "read: requests/s (median of rounds)", read_rps, "req/s", floor_rps, None, None,
        errors("read_product"))
    add_ratio("read_ratio", "read: ratio to the floor's requests/s", read_rps / floor_rps if read_rps and floor_rps else None,
              ">= 0.7x floor", lambda v: v >= 0.7)
    add("read_p50_ms", "read: p50 latency", median("read_product", "p50_us", 1e-3), "ms",
        median("read_floor", "p50_us", 1e-3))
    add("read_p99_ms", "read: p99 latency", median("read_product", "p99_us", 1e-3), "ms",
        median("read_floor", "p99_us", 1e-3), "< 50 ms", lambda v: v < 50, clipped("read_product", "read_floor"))

    # Votes.
    votes = last("votes")
    vote_rps = votes["votes_ok"] / (votes["window_us"] / 1e6) if votes.get("window_us") else None
    add("vote_rps", "votes: votes/s (1 PUT my-vote each)", vote_rps, "votes/s", None, ">= 1000/s", lambda v: v >= 1000,
        f"{int(votes['votes_other'])} votes answered non-200" if votes.get("votes_other") else "")
    add("vote_p99_ms", "votes: p99 latency", votes.get("p99_us") and votes["p99_us"] / 1000, "ms")
    check = last("votes_check")
    stored = check.get("stored_once")
    out.append(dict(name="votes_stored_once", figure="votes: each stored exactly once", value=stored, unit="",
                    baseline=None, ratio=None, goal="yes", met=(stored == "yes") if stored else None,
                    note=(f"{int(check['detail']):,} votes" if stored == "yes"
                          else str(check.get("detail", "")).replace("_", " "))))

    # Tenants: the same read, product only, with the tenant alone and among TENANTS tenants.
    one, many = median("tenants_one", "p50_us", 1e-3), median("tenants_many", "p50_us", 1e-3)
    same = last("tenants_check").get("same_page")
    add("tenant_scale_p50_ms", "tenants: read p50, 1,000 tenants (baseline: 1 tenant)", many, "ms", one, None, None,
        "" if same in (None, "yes") else "the tenant's page changed between the two", ratio=None)
    add_ratio("tenant_scale_p50_ratio", "tenants: p50 ratio, 1,000 tenants to 1",
              many / one if many and one else None, "<= 1.2x", lambda v: v <= 1.2)
    out[-1]["note"] = clipped("tenants_one", "tenants_many")
    add("tenant_scale_rps", "tenants: requests/s, 1,000 tenants (baseline: 1 tenant)", median_of("tenants_many", ok_rps),
        "req/s", median_of("tenants_one", ok_rps), None, None, errors("tenants_many"))

    # Start-up and memory.
    add("startup_ms", "start-up to first ready 200 (median of 3)", median("startup", "ms"), "ms", None, "< 2000 ms",
        lambda v: v < 2000)
    rss = last("memory")
    add("rss_mb", "resident memory after the read run", rss.get("rss_kib") and rss["rss_kib"] / 1024, "MiB", None,
        "< 300 MiB", lambda v: v < 300, f"peak {rss['hwm_kib'] / 1024:.0f} MiB" if rss.get("hwm_kib") else "")

    # Fan-out: the outbox dispatcher draining the tenants' mail against a raw MailKit loop.
    outbox = last("outbox")
    rate, raw = outbox.get("outbox_rate"), outbox.get("raw_rate")
    spread = (f"{int(outbox['messages']):,} messages of {int(outbox['tenants'])} tenants"
              if outbox.get("messages") and outbox.get("tenants") else "")
    add("fanout_msgs_per_s", "fan-out: outbox messages/s to the SMTP sink (baseline: raw MailKit)", rate, "msg/s", raw,
        ">= 500/s", lambda v: v >= 500, spread)
    add_ratio("fanout_ratio", "fan-out: ratio to a raw MailKit loop", rate / raw if rate and raw else None,
              ">= 0.5x raw", lambda v: v >= 0.5)
    add("feedback_latency_ms", "feedback email: write to in the sink (median of 5)",
        last("latency").get("feedback_latency_ms"), "ms")

    # Issue 12: the payable-items queue (first page of Submitted items) against the floor app's same page.
    queue_rps, queue_floor_rps = median_of("queue_product", ok_rps), median_of("queue_floor", ok_rps)
    add("queue_rps", "queue: payable items, Submitted, page 1: requests/s", queue_rps, "req/s", queue_floor_rps, None, None,
        errors("queue_product"))
    add_ratio("queue_ratio", "queue: ratio to the floor's requests/s",
              queue_rps / queue_floor_rps if queue_rps and queue_floor_rps else None, ">= 0.5x floor", lambda v: v >= 0.5)
    add("queue_p50_ms", "queue: p50 latency", median("queue_product", "p50_us", 1e-3), "ms", median("queue_floor", "p50_us", 1e-3))
    add("queue_p99_ms", "queue: p99 latency", median("queue_product", "p99_us", 1e-3), "ms",
        median("queue_floor", "p99_us", 1e-3), "< 100 ms", lambda v: v < 100, clipped("queue_product", "queue_floor"))
    plan = last("queue_plan").get("index")
    out.append(dict(name="queue_plan", figure="queue: page read through (tenant, status, time, id)", value=plan, unit="",
                    baseline=None, ratio=None, goal="yes", met=(plan == "yes") if plan else None,
                    note="" if plan in (None, "yes") else "see queue-plan.txt in the run's folder"))

    # Issue 12: 1,000 items approved in one POST and paid in one POST, against one SQL UPDATE of as many rows each.
    batches = rows.get("batch", [])
    sizes = sorted({int(b["items"]) for b in batches if isinstance(b.get("items"), float)})
    size_note = f"median of {len(batches)} batches of {', '.join(f'{n:,}' for n in sizes)} items" if batches else ""
    for step, goal_ms in (("approve", 2000), ("pay", 2000)):
        ms, floor_ms = median("batch", f"{step}_ms"), median("batch", f"floor_{step}_ms")
        add(f"batch_{step}_ms", f"batch: {step} 1,000 items, one POST (baseline: one SQL UPDATE)", ms, "ms", floor_ms,
            f"< {goal_ms:,} ms", lambda v, g=goal_ms: v < g, size_note)
        add_ratio(f"batch_{step}_ratio", f"batch: {step}, ratio to the SQL UPDATE", ms / floor_ms if ms and floor_ms else None,
                  "<= 10x floor", lambda v: v <= 10)
    emails = median("batch", "emails")
    add("batch_pay_emails", "batch: emails each pay batch queued (outbox rows)", emails, "emails", None, None, None,
        "sent before the next batch" if batches else "")

    # Issue 13: the agreement register's first page (default order) against the floor app's same page.
    register_rps, register_floor_rps = median_of("register_product", ok_rps), median_of("register_floor", ok_rps)
    add("register_rps", "register: agreements, page 1 by title: requests/s", register_rps, "req/s", register_floor_rps, None,
        None, errors("register_product"))
    add_ratio("register_ratio", "register: ratio to the floor's requests/s",
              register_rps / register_floor_rps if register_rps and register_floor_rps else None, ">= 0.5x floor",
              lambda v: v >= 0.5)
    add("register_p50_ms", "register: p50 latency", median("register_product", "p50_us", 1e-3), "ms",
        median("register_floor", "p50_us", 1e-3))
    add("register_p99_ms", "register: p99 latency", median("register_product", "p99_us", 1e-3), "ms",
        median("register_floor", "p99_us", 1e-3), "< 100 ms", lambda v: v < 100, clipped("register_product", "register_floor"))
    plan = last("register_plan").get("index")
    out.append(dict(name="register_plan", figure="register: page read through (tenant, title, id)", value=plan, unit="",
                    baseline=None, ratio=None, goal="yes", met=(plan == "yes") if plan else None,
                    note="" if plan in (None, "yes") else "see register-plan.txt in the run's folder"))
    return out


def fmt(v):
    if v is None:
        return "not measured"
    if isinstance(v, str):
        return v
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.2f}"


def table(figs):
    lines = [("name", "figure", "value", "baseline", "ratio", "goal", "met", "note")]
    for f in figs:
        value = f["value"]
        shown = fmt(value) if value is None or isinstance(value, str) else f"{fmt(value)} {f['unit']}".rstrip()
        lines.append((f["name"], f["figure"], shown, "" if f["baseline"] is None else fmt(f["baseline"]),
                      "" if f["ratio"] is None else f"{f['ratio']:.2f}x", f["goal"] or "",
                      "" if f["goal"] is None else ("met" if f["met"] else "not met" if f["met"] is False else "-"),
                      f["note"]))
    widths = [max(len(r[i]) for r in lines) for i in range(len(lines[0]))]
    text = []
    for n, r in enumerate(lines):
        text.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


def write_json(figs, path):
    with open(path, "w") as fh:
        json.dump([{k: f[k] for k in ("name", "value", "unit", "baseline", "ratio", "goal", "met")} for f in figs], fh,
                  indent=2)
        fh.write("\n")


def check(path, named=NAMED):
    """The named figures missing from the JSON file, and those in it without a value (a yes/no figure: without yes or no)."""
    with open(path) as fh:
        data = json.load(fh)
    by_name = {f.get("name"): f for f in data if isinstance(f, dict)}
    missing = [n for n in named if n not in by_name]
    unmeasured = [n for n in named if n in by_name and not isinstance(by_name[n].get("value"), (int, float))
                  and by_name[n].get("value") not in ("yes", "no")]
    return missing, unmeasured


def self_test():
    """Made-up measurements in bench.sh's format: every named figure comes out, with the numbers they imply."""
    results = """
startup ms=900
startup ms=1100
startup ms=1000
tenants_one requests=1000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=10000 p99_us=20000
tenants_one requests=1000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=10000 p99_us=20000
read_product requests=2000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=30000 p99_us=45000
read_floor requests=4000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=15000 p99_us=25000
memory rss_kib=204800 hwm_kib=256000
votes votes_ok=1000 votes_other=0 window_us=500000 requests=1000 socket_errors=0 p50_us=4000 p99_us=9000
votes_check stored_once=yes detail=1000
tenants_check same_page=yes
tenants_many requests=1000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=12000 p99_us=30000
tenants_many requests=1000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=12000 p99_us=30000
outbox outbox_rate=600.0 raw_rate=1000.0 messages=1000 tenants=100
latency feedback_latency_ms=150
queue_product requests=1000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=40000 p99_us=80000
queue_floor requests=4000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=10000 p99_us=20000
queue_plan index=yes
batch items=1000 approve_ms=900 pay_ms=2500 floor_approve_ms=30 floor_pay_ms=50 emails=1000
batch items=1000 approve_ms=1000 pay_ms=3000 floor_approve_ms=40 floor_pay_ms=50 emails=1000
batch items=1000 approve_ms=1100 pay_ms=2000 floor_approve_ms=50 floor_pay_ms=50 emails=1000
register_product requests=3000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=20000 p99_us=60000
register_floor requests=4000 duration_us=5000000 non2xx=0 socket_errors=0 p50_us=10000 p99_us=20000
register_plan index=yes
""".splitlines()
    figs = {f["name"]: f for f in figures(parse(results))}
    expected = {"read_rps": 400, "read_ratio": 0.5, "read_p99_ms": 45, "vote_rps": 2000, "vote_p99_ms": 9,
                "tenant_scale_p50_ratio": 1.2, "fanout_msgs_per_s": 600, "fanout_ratio": 0.6, "startup_ms": 1000,
                "rss_mb": 200, "queue_rps": 200, "queue_ratio": 0.25, "queue_p99_ms": 80, "queue_plan": "yes",
                "batch_approve_ms": 1000, "batch_approve_ratio": 25, "batch_pay_ms": 2500, "batch_pay_ratio": 50,
                "batch_pay_emails": 1000, "register_rps": 600, "register_ratio": 0.75, "register_p99_ms": 60,
                "register_plan": "yes"}
    assert set(expected) == set(NAMED), "the self-test does not cover every named figure"
    def wrong(n, v):
        got = figs[n]["value"] if n in figs else None
        return got is None or (got != v if isinstance(v, str) else isinstance(got, str) or abs(got - v) > 1e-9 * max(1, v))

    failures = [f"{n}: {figs[n]['value'] if n in figs else 'missing'}, expected {v}" for n, v in expected.items() if wrong(n, v)]
    if figs["tenant_scale_p50_ratio"]["met"] is not True or figs["read_ratio"]["met"] is not False:
        failures.append("goals judged wrongly (tenant ratio 1.2 meets <= 1.2x; read ratio 0.5 misses >= 0.7x)")
    if figs["batch_approve_ms"]["met"] is not True or figs["batch_pay_ms"]["met"] is not False or figs["queue_plan"]["met"] is not True:
        failures.append("goals judged wrongly (approve 1,000 ms meets < 2,000 ms; pay 2,500 ms misses it; plan yes meets yes)")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "figures.json")
        write_json(figures(parse(results)), path)
        if check(path) != ([], []):
            failures.append(f"--check finds fault with a complete file: {check(path)}")
        # a step that failed: its figures are written as not measured, and --check says so
        write_json(figures(parse(line for line in results if not line.startswith("tenants_many"))), path)
        if check(path) != ([], ["tenant_scale_p50_ratio"]):
            failures.append(f"--check misses an unmeasured figure: {check(path)}")
        # --only compensation: the compensation figures alone, and those only checked
        write_json(only(figures(parse(line for line in results if line.startswith(("queue", "batch")))), "compensation"), path)
        if check(path, GROUPS["compensation"]) != ([], []) or check(path)[0] == []:
            failures.append(f"--only compensation: {check(path, GROUPS['compensation'])}")
        # --only data-sharing: the register's figures alone, and those only checked
        write_json(only(figures(parse(line for line in results if line.startswith("register"))), "data-sharing"), path)
        if check(path, GROUPS["data-sharing"]) != ([], []) or check(path)[0] == []:
            failures.append(f"--only data-sharing: {check(path, GROUPS['data-sharing'])}")
        write_json(figures(parse(line for line in results if not line.startswith("batch"))), path)
        if check(path, GROUPS["compensation"])[1] != ["batch_approve_ms", "batch_approve_ratio", "batch_pay_ms", "batch_pay_ratio", "batch_pay_emails"]:
            failures.append(f"--check misses the unmeasured batch figures: {check(path, GROUPS['compensation'])}")
        # a figure left out of the file altogether
        with open(path) as fh:
            data = [f for f in json.load(fh) if f["name"] != "fanout_ratio"]
        with open(path, "w") as fh:
            json.dump(data, fh)
        if check(path)[0] != ["fanout_ratio"]:
            failures.append(f"--check misses a figure left out: {check(path)}")
    table(figs.values())
    for failure in failures:
        print(f"self-test: {failure}", file=sys.stderr)
    print("self-test: " + ("FAILED" if failures else f"passed ({len(NAMED)} named figures)"))
    return 1 if failures else 0


def only(figs, group):
    """The figures of one group (issue 12's for --only compensation, 13's for --only data-sharing), with the lines around them that go with them."""
    names = set(GROUPS[group]) | {"compensation": {"queue_p50_ms"}, "data-sharing": {"register_p50_ms"}}[group]
    return [f for f in figs if f["name"] in names]


def main(argv):
    group = None
    if "--only" in argv:
        i = argv.index("--only")
        group = argv[i + 1] if i + 1 < len(argv) else None
        if group not in GROUPS:
            print(f"--only needs one of: {', '.join(GROUPS)}", file=sys.stderr)
            return 2
        argv = argv[:i] + argv[i + 2:]
    named = GROUPS[group] if group else NAMED
    if argv[:1] == ["--self-test"]:
        return self_test()
    if argv[:1] == ["--check"] and len(argv) == 2:
        try:
            missing, unmeasured = check(argv[1], named)
        except (OSError, ValueError) as e:
            print(f"cannot read the figures in {argv[1]}: {e}", file=sys.stderr)
            return 1
        for n in missing:
            print(f"figure {n} is missing from {argv[1]}", file=sys.stderr)
        for n in unmeasured:
            print(f"figure {n} was not measured (its step failed; see the output above)", file=sys.stderr)
        return 1 if missing or unmeasured else 0
    if len(argv) not in (1, 2) or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0]) as f:
        figs = figures(parse(f))
    if group:
        figs = only(figs, group)
    print(table(figs))
    if len(argv) > 1:
        write_json(figs, argv[1])
    return 0


sys.exit(main(sys.argv[1:]))
