"""Seeds the benchmark database for etc/scripts/bench.sh (run by it; Debian's python3, standard library only).

seed.py base URL OUT MEMBERS DECISIONS VOTE_DECISIONS
  Through the API (so the product's own rules shape the rows): the tenant "bench", its council, the first member with
  a voting seat, the decisions the votes go to (opened for voting, the members as eligible voters) and one draft
  decision. Then straight in SQL (the same rows copied, one statement per table, no API call per row): the other
  members with their seats and the tenant's other decisions up to DECISIONS. Finally one access token per member
  (password grant, in parallel), written a line each to OUT/member-tokens.txt. The tenant is then alone in the tables.
  Prints shell assignments (TENANT_ID=..., TEMPLATE_ID=..., READ_TOKEN=..., VOTE_DECISION_IDS=id,id,...) on stdout.

seed.py tenants TENANT_ID TEMPLATE_ID FIRST LAST PER_TENANT
  Other tenants numbered FIRST..LAST, in server-side SQL only (one INSERT ... SELECT over generate_series per table):
  each a row in saas.tenants (a copy of tenant "bench" under the name otherN) and PER_TENANT decisions (copies of the
  draft, spread over the past year), then VACUUM ANALYZE (see bench.sh). Nothing of tenant "bench" changes, so its reads answer the same.

seed.py compensation URL ITEMS PAYEES COUNCILS
  The payable-items queue of tenant "bench" (created here when it does not exist yet: `bench.sh --only compensation`):
  through the API the tenant's plan with the compensation feature on, a submitter (staff) and a finance approver,
  COUNCILS councils, one item entered by the submitter for a person and one partner organization as payee; then in
  server-side SQL (one INSERT ... SELECT over generate_series per table) PAYEES payees (nine in ten people, each with
  an account copied from the first, one in ten organizations) and ITEMS items copied from the first, spread over the
  payees, the councils and the past two years: 30 % Submitted (all by the submitter), 10 % Approved, 50 % Paid,
  10 % Voided; then VACUUM ANALYZE. Prints COMP_TENANT_ID=..., COMP_TOKEN=... (the approver's access token),
  COMP_APPROVER_ID=... and COMP_SUBMITTER_ID=... on stdout.

seed.py data-sharing URL AGREEMENTS OTHER_TENANTS
  The agreement register of tenant "bench" (created here when it does not exist yet: `bench.sh --only data-sharing`):
  through the API the tenant's plan with data sharing (and compensation) on and a staff member "registrar" who reads
  the register; then in server-side SQL (one INSERT ... SELECT over generate_series) AGREEMENTS agreement rows of tenant
  bench and AGREEMENTS rows for each of OTHER_TENANTS other tenant ids: the summary columns the register reads (titles,
  three party names, states, sensitivities, dates spread over four years; a fifth Active, some ending within 90 days),
  then VACUUM ANALYZE. The register reads those columns only, never the versions, so no version rows are made. Prints
  DS_TENANT_ID=... and DS_TOKEN=... (the registrar's access token) on stdout.

EP_PSQL: the psql command line for the database. Progress goes to stderr with the seconds each step took.
"""
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

URL = None  # the host, for "base"
PSQL = shlex.split(os.environ["EP_PSQL"])
PASSWORD = "1q2w3E*"
TENANT = "bench"


STARTED = time.monotonic()


def log(message):
    print(f"    [{time.monotonic() - STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def call(method, path, body=None, token=None, tenant=None, form=None):
    headers = {}
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if tenant:
        headers["__tenant"] = tenant
    request = urllib.request.Request(URL + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path} answered {e.code}: {e.read().decode()[:2000]}")
    return json.loads(text) if text else None


def token(user, tenant=None):
    answer = call("POST", "/connect/token", tenant=tenant, form={
        "grant_type": "password", "client_id": "EngagementPlatform_App", "scope": "EngagementPlatform",
        "username": user, "password": PASSWORD})
    return answer["access_token"]


def sql(text):
    result = subprocess.run(PSQL + ["-v", "ON_ERROR_STOP=1", "-qAt", "-c", text], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"SQL failed: {result.stderr}\n{text}")
    return result.stdout.strip()


def base(out, members, decisions, vote_count):
    os.makedirs(out, exist_ok=True)
    host = token("admin")
    tenant_id = call("POST", "/api/saas/tenants", {"name": TENANT, "adminEmailAddress": "admin@bench.example",
                                                   "adminPassword": PASSWORD}, token=host)["id"]
    admin = token("admin", TENANT)

    def api(method, path, body=None):
        return call(method, path, body, token=admin, tenant=TENANT)

    council = api("POST", "/api/governance/councils", {"name": "Bench council"})["id"]
    first = api("POST", "/api/identity/users", {"userName": "member0", "email": "member0@bench.example",
                                                "password": PASSWORD, "name": "Member 0", "roleNames": ["member"],
                                                "preferredLanguage": "en"})["id"]
    seat = api("POST", f"/api/governance/councils/{council}/seats",
               {"title": "Seat 0", "category": "CommunityMember", "isVoting": True})["id"]
    api("POST", f"/api/governance/councils/{council}/seats/{seat}/assignments", {"userId": first, "termStart": "2020-01-01"})

    # The other members: copies of member0 (same password hash) with their own ids, names, stamps and seats.
    log(f"copying member0 to {members} members with voting seats (SQL)")
    sql(f"""
        CREATE TEMP TABLE m AS SELECT n, gen_random_uuid() AS user_id, gen_random_uuid() AS seat_id,
               gen_random_uuid() AS assignment_id FROM generate_series(1, {members - 1}) n;
        INSERT INTO identity.users
        SELECT (jsonb_populate_record(u, jsonb_build_object(
                  'id', m.user_id, 'user_name', 'member' || m.n, 'normalized_user_name', 'MEMBER' || m.n,
                  'email', 'member' || m.n || '@bench.example', 'normalized_email', 'MEMBER' || m.n || '@BENCH.EXAMPLE',
                  'name', 'Member ' || m.n, 'security_stamp', gen_random_uuid()::text,
                  'concurrency_stamp', gen_random_uuid()::text))).*
        FROM identity.users u, m WHERE u.id = '{first}';
        INSERT INTO identity.user_roles
        SELECT (jsonb_populate_record(r, jsonb_build_object('user_id', m.user_id))).*
        FROM identity.user_roles r, m WHERE r.user_id = '{first}';
        INSERT INTO governance.seats
        SELECT (jsonb_populate_record(s, jsonb_build_object('id', m.seat_id, 'title', 'Seat ' || m.n))).*
        FROM governance.seats s, m WHERE s.id = '{seat}';
        INSERT INTO governance.seat_assignments
        SELECT (jsonb_populate_record(a, jsonb_build_object('id', m.assignment_id, 'seat_id', m.seat_id, 'user_id', m.user_id))).*
        FROM governance.seat_assignments a, m WHERE a.seat_id = '{seat}';
        """)

    def vote_decision(i):
        decision = api("POST", "/api/governance/decisions", {
            "councilId": council, "title": f"Vote {i + 1}: open on Saturdays", "method": "YesNo", "quorum": 0.5,
            "threshold": "SimpleMajority", "secretBallot": i % 2 == 0})["id"]
        api("POST", f"/api/governance/decisions/{decision}/open-voting")
        return decision

    # A few at a time: each opening writes an eligible voter and a notice per member, so they are worth overlapping.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        vote_decisions = list(pool.map(vote_decision, range(vote_count)))
    template = api("POST", "/api/governance/decisions", {
        "councilId": council, "title": "Draft", "method": "YesNo", "quorum": 0.5, "threshold": "SimpleMajority",
        "secretBallot": False,
        "description": "Should the clinic open on Saturdays? Staff and members weigh cost against access. " * 4})["id"]
    voters = sql(f"SELECT count(*) FROM governance.eligible_voters WHERE decision_id = '{vote_decisions[0]}'") if vote_decisions else "0"
    log(f"{vote_count} decisions open for voting, {voters} eligible voters each")

    # The read data: copies of the draft, the tenant's newest first (the tenant stays alone in the tables).
    own = decisions - vote_count - 1
    log(f"copying the draft to {own} more decisions of the tenant (SQL)")
    sql(f"""
        INSERT INTO governance.decisions
        SELECT (jsonb_populate_record(d, jsonb_build_object(
                  'id', gen_random_uuid(), 'title', 'Decision ' || n,
                  'creation_time', now() + make_interval(secs => n)))).*
        FROM governance.decisions d, generate_series(1, {own}) n WHERE d.id = '{template}';
        """)
    sql("VACUUM ANALYZE")
    counts = sql(f"SELECT count(*) FILTER (WHERE tenant_id = '{tenant_id}'), count(*) FROM governance.decisions")
    log(f"decisions of the tenant | all rows: {counts}")

    # Each sign-in hashes the password (PBKDF2): CPU-bound in the host, so a few more requests in flight than cores.
    workers = max(4, 2 * (os.cpu_count() or 2))
    log(f"signing in {members} members (password grant, {workers} at a time)")
    names = [f"member{n}" for n in range(members)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        tokens = list(pool.map(lambda name: token(name, TENANT), names))
    log("signed in")
    with open(os.path.join(out, "member-tokens.txt"), "w") as f:
        f.write("\n".join(tokens) + "\n")

    print(f"TENANT_ID={tenant_id}")
    print(f"TEMPLATE_ID={template}")
    print(f"READ_TOKEN={tokens[0]}")
    print(f"VOTE_DECISION_IDS={','.join(vote_decisions)}")



def tenants(tenant_id, template, first, last, per_tenant):
    """Tenants FIRST..LAST with PER_TENANT decisions each, in the same tables as tenant "bench"."""
    count = last - first + 1
    log(f"adding tenants {first}..{last} with {per_tenant} decisions each ({count * per_tenant:,} rows, SQL)")
    # The decisions' columns as they are in this database: the copy names them all, so it needs no JSON per row.
    columns = sql("SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns "
                  "WHERE table_schema = 'governance' AND table_name = 'decisions'").split(",")
    replaced = {
        "id": "gen_random_uuid()",
        "tenant_id": "k.id",
        "title": "'Other decision ' || k.n || '.' || g",
        # spread over the past year, interleaving the tenants
        "creation_time": f"now() - make_interval(secs => ((g * {count} + k.n) * 311) % 31536000)",
    }
    missing = set(replaced) - set(columns)
    if missing:
        raise SystemExit(f"governance.decisions has no column(s) {', '.join(sorted(missing))}")
    select = ", ".join(replaced.get(c, f"d.{c}") for c in columns)
    sql(f"""
        CREATE TEMP TABLE k AS SELECT n, gen_random_uuid() AS id FROM generate_series({first}, {last}) n;
        INSERT INTO saas.tenants
        SELECT (jsonb_populate_record(t, jsonb_build_object(
                  'id', k.id, 'name', 'other' || k.n, 'display_name', 'Other tenant ' || k.n))).*
        FROM saas.tenants t, k WHERE t.id = '{tenant_id}';
        INSERT INTO governance.decisions ({",".join(columns)})
        SELECT {select}
        FROM governance.decisions d, generate_series(1, {per_tenant}) g, k WHERE d.id = '{template}';
        """)
    log("inserted; vacuuming and analyzing")
    sql("VACUUM ANALYZE")
    counts = sql(f"SELECT count(*) FILTER (WHERE tenant_id = '{tenant_id}'), count(DISTINCT tenant_id), count(*) FROM governance.decisions")
    log(f"decisions of tenant bench | tenants | all rows: {counts}")


def compensation(items, payee_count, council_count):
    """The payable-items queue of tenant "bench" (see the module's docstring)."""
    host = token("admin")
    found = call("GET", f"/api/saas/tenants?filter={TENANT}&maxResultCount=10", token=host)["items"]
    tenant = next((t for t in found if t["name"] == TENANT), None)
    tenant_id = tenant["id"] if tenant else call(
        "POST", "/api/saas/tenants", {"name": TENANT, "adminEmailAddress": "admin@bench.example", "adminPassword": PASSWORD},
        token=host)["id"]
    edition = call("POST", "/api/saas/editions", {
        "name": "Bench plan with compensation",
        "features": {"compensation": True, "dataSharing": False, "assessments": False, "stripePayouts": False},
        "limits": {"councils": None, "activeMembers": None, "assessmentSchedules": None}}, token=host)["id"]
    call("PUT", f"/api/saas/tenants/{tenant_id}", {"name": TENANT, "editionId": edition}, token=host)
    admin = token("admin", TENANT)

    def api(method, path, body=None, as_token=None):
        return call(method, path, body, token=as_token or admin, tenant=TENANT)

    def user(name, role):
        return api("POST", "/api/identity/users", {"userName": name, "email": f"{name}@bench.example", "password": PASSWORD,
                                                   "name": name.capitalize(), "roleNames": [role], "preferredLanguage": "en"})["id"]

    submitter, approver, payee0 = user("submitter", "staff"), user("approver", "finance"), user("payee0", "member")
    councils = [api("POST", "/api/governance/councils", {"name": f"Compensation council {n + 1}"})["id"] for n in range(council_count)]
    as_submitter = token("submitter", TENANT)
    template = api("POST", "/api/compensation/payable-items", {
        "payeeUserId": payee0, "description": "Stipend: council meeting and preparation", "amount": 40, "currency": "USD",
        "councilId": councils[0]}, as_token=as_submitter)["id"]
    organization = api("POST", "/api/compensation/payees", {"name": "Partner organization 0", "contactEmail": "org0@bench.example"},
                       as_token=as_submitter)["id"]
    person = sql(f"SELECT payee_id FROM compensation.payable_items WHERE id = '{template}'")
    people = payee_count - payee_count // 10
    log(f"copying payees ({people} people with accounts, {payee_count - people} organizations) and {items:,} items (SQL)")

    # The items' columns as they are in this database (other columns keep the first item's values).
    columns = sql("SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns "
                  "WHERE table_schema = 'compensation' AND table_name = 'payable_items'").split(",")
    # status by n mod 10: 0-2 Submitted, 3 Approved, 4-8 Paid, 9 Voided
    status = "CASE WHEN g.n % 10 < 3 THEN 'Submitted' WHEN g.n % 10 = 3 THEN 'Approved' WHEN g.n % 10 < 9 THEN 'Paid' ELSE 'Voided' END"
    approved = "g.n % 10 BETWEEN 3 AND 8"
    council_list = ", ".join(f"'{c}'" for c in councils)
    paid = "g.n % 10 BETWEEN 4 AND 8"
    replaced = {
        "id": "gen_random_uuid()",
        "payee_id": f"(SELECT id FROM bench_payees WHERE k = g.n % {payee_count})",
        "description": "'Stipend ' || g.n",
        "amount": "(10 + g.n % 200)::numeric",
        "unit_amount": "(10 + g.n % 200)::numeric",
        "status": status,
        "council_id": f"(ARRAY[{council_list}]::uuid[])[1 + g.n % {council_count}]",
        "approved_by": f"CASE WHEN {approved} THEN '{approver}'::uuid END",
        "approved_at": f"CASE WHEN {approved} THEN now() - make_interval(secs => g.n * 600) + interval '2 days' END",
        "paid_method": f"CASE WHEN {paid} THEN 'BankTransfer' END",
        "paid_reference": f"CASE WHEN {paid} THEN 'Batch ' || (g.n / 1000) END",
        "paid_on": f"CASE WHEN {paid} THEN (now() - make_interval(secs => g.n * 600) + interval '5 days')::date END",
        "paid_by": f"CASE WHEN {paid} THEN '{approver}'::uuid END",
        "void_reason": "CASE WHEN g.n % 10 = 9 THEN 'Entered twice' END",
        "concurrency_stamp": "md5(g.n::text || random()::text)",
        # newest first is n = 1: one item every 10 minutes, about two years for 100,000
        "creation_time": "now() - make_interval(secs => g.n * 600)",
    }
    missing = set(replaced) - set(columns)
    if missing:
        raise SystemExit(f"compensation.payable_items has no column(s) {', '.join(sorted(missing))}")
    select = ", ".join(replaced.get(c, f"i.{c}") for c in columns)
    sql(f"""
        CREATE TEMP TABLE pu AS SELECT n, gen_random_uuid() AS user_id FROM generate_series(1, {people - 1}) n;
        INSERT INTO identity.users
        SELECT (jsonb_populate_record(u, jsonb_build_object(
                  'id', pu.user_id, 'user_name', 'payee' || pu.n, 'normalized_user_name', 'PAYEE' || pu.n,
                  'email', 'payee' || pu.n || '@bench.example', 'normalized_email', 'PAYEE' || pu.n || '@BENCH.EXAMPLE',
                  'name', 'Payee ' || pu.n, 'security_stamp', gen_random_uuid()::text,
                  'concurrency_stamp', gen_random_uuid()::text))).*
        FROM identity.users u, pu WHERE u.id = '{payee0}';
        INSERT INTO identity.user_roles
        SELECT (jsonb_populate_record(r, jsonb_build_object('user_id', pu.user_id))).*
        FROM identity.user_roles r, pu WHERE r.user_id = '{payee0}';
        INSERT INTO compensation.payees
        SELECT (jsonb_populate_record(p, jsonb_build_object('id', gen_random_uuid(), 'user_id', pu.user_id, 'name', 'Payee ' || pu.n))).*
        FROM compensation.payees p, pu WHERE p.id = '{person}';
        INSERT INTO compensation.payees
        SELECT (jsonb_populate_record(p, jsonb_build_object('id', gen_random_uuid(), 'name', 'Partner organization ' || n,
                  'contact_email', 'org' || n || '@bench.example'))).*
        FROM compensation.payees p, generate_series(1, {payee_count - people - 1}) n WHERE p.id = '{organization}';
        CREATE TEMP TABLE bench_payees AS
          SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM compensation.payees WHERE tenant_id = '{tenant_id}';
        CREATE UNIQUE INDEX ON bench_payees (k);
        ANALYZE bench_payees;
        INSERT INTO compensation.payable_items ({",".join(columns)})
        SELECT {select}
        FROM compensation.payable_items i, generate_series(1, {items - 1}) g(n) WHERE i.id = '{template}';
        """)
    log("inserted; vacuuming and analyzing")
    sql("VACUUM ANALYZE")
    counts = sql(f"""SELECT (SELECT count(*) FROM compensation.payees WHERE tenant_id = '{tenant_id}') || ' payees, ' ||
                            string_agg(status || ' ' || n, ', ' ORDER BY status)
                     FROM (SELECT status, count(*) n FROM compensation.payable_items WHERE tenant_id = '{tenant_id}' GROUP BY status) s""")
    log(f"tenant bench: {counts}")
    print(f"COMP_TENANT_ID={tenant_id}")
    print(f"COMP_TOKEN={token('approver', TENANT)}")
    print(f"COMP_APPROVER_ID={approver}")
    print(f"COMP_SUBMITTER_ID={submitter}")


def data_sharing(agreements, other_tenants):
    """The agreement register of tenant "bench" (see the module's docstring)."""
    host = token("admin")
    found = call("GET", f"/api/saas/tenants?filter={TENANT}&maxResultCount=10", token=host)["items"]
    tenant = next((t for t in found if t["name"] == TENANT), None)
    tenant_id = tenant["id"] if tenant else call(
        "POST", "/api/saas/tenants", {"name": TENANT, "adminEmailAddress": "admin@bench.example", "adminPassword": PASSWORD},
        token=host)["id"]
    edition = call("POST", "/api/saas/editions", {
        "name": "Bench plan with data sharing",
        "features": {"compensation": True, "dataSharing": True, "assessments": False, "stripePayouts": False},
        "limits": {"councils": None, "activeMembers": None, "assessmentSchedules": None}}, token=host)["id"]
    call("PUT", f"/api/saas/tenants/{tenant_id}", {"name": TENANT, "editionId": edition}, token=host)
    admin = token("admin", TENANT)
    call("POST", "/api/identity/users", {"userName": "registrar", "email": "registrar@bench.example", "password": PASSWORD,
                                         "name": "Registrar", "roleNames": ["staff"], "preferredLanguage": "en"},
         token=admin, tenant=TENANT)
    log(f"inserting {agreements:,} agreements of tenant bench and {agreements * other_tenants:,} of {other_tenants} other tenants (SQL)")
    states = "(ARRAY['Draft','InReview','Signed','Active','Expired','Terminated','Active','Active','Draft','Expired'])[1 + g.n % 10]"
    sensitivities = "(ARRAY['Public','Deidentified','LimitedDataSet','PHI'])[1 + (g.n / 10) % 4]"
    sql(f"""
        CREATE TEMP TABLE ds_tenants AS
          SELECT 0 AS t, '{tenant_id}'::uuid AS tenant_id
          UNION ALL SELECT t, gen_random_uuid() FROM generate_series(1, {other_tenants}) t;
        INSERT INTO data_sharing.agreements (id, tenant_id, state, title, sensitivity, effective_from, effective_to,
            destruction_date, party_names, current_version_number, latest_version_number, amendment_state,
            concurrency_stamp, creation_time, is_deleted)
        SELECT gen_random_uuid(), ds.tenant_id, {states},
               'Agreement ' || lpad(((g.n * 7919) % {agreements})::text, 6, '0') || ' on shared survey data',
               {sensitivities},
               current_date - (g.n % 1000),
               CASE WHEN g.n % 7 = 0 THEN NULL ELSE current_date - (g.n % 1000) + 365 + (g.n % 500) END,
               current_date - (g.n % 1000) + 900,
               'County Health Department ' || (g.n % 50) || '; Neighbors Association ' || (g.n % 300)
                 || '; State University ' || (g.n % 20),
               1 + g.n % 3, 1 + g.n % 3, NULL, md5(g.n::text), now() - make_interval(secs => g.n * 600), false
        FROM ds_tenants ds, generate_series(1, {agreements}) g(n);
        """)
    log("inserted; vacuuming and analyzing")
    sql("VACUUM ANALYZE data_sharing.agreements")
    counts = sql(f"""SELECT string_agg(state || ' ' || n, ', ' ORDER BY state)
                     FROM (SELECT state, count(*) n FROM data_sharing.agreements WHERE tenant_id = '{tenant_id}' GROUP BY state) s""")
    log(f"tenant bench: {counts}")
    print(f"DS_TENANT_ID={tenant_id}")
    print(f"DS_TOKEN={token('registrar', TENANT)}")


def main():
    global URL
    mode, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else (None, [])
    if mode == "base" and len(args) == 5:
        URL = args[0]
        base(args[1], *(int(a) for a in args[2:5]))
    elif mode == "tenants" and len(args) == 5:
        tenants(args[0], args[1], *(int(a) for a in args[2:5]))
    elif mode == "compensation" and len(args) == 4:
        URL = args[0]
        compensation(*(int(a) for a in args[1:4]))
    elif mode == "data-sharing" and len(args) == 3:
        URL = args[0]
        data_sharing(*(int(a) for a in args[1:3]))
    else:
        raise SystemExit(__doc__)


main()
