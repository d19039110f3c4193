#!/usr/bin/env python3
"""Compares the statuses the test suites saw with those angular/openapi.json declares.

  openapi-statuses.py RECORDINGS_DIR OPENAPI_JSON   check; prints each mismatch, then "passed failed"
  openapi-statuses.py --self-test                   proves the check fails on a status the document lacks

The test hosts (test/EngagementPlatform.TestBase/StatusRecorder.cs) write one JSON line per distinct
(method, route pattern, status) they answered. For every recorded operation (method + route):
  - the route must be in the document with that method ("missing from the document" otherwise);
  - every status other than 4xx (2xx, 3xx, 5xx) must be declared exactly;
  - every 4xx must be declared, or be one the framework answers for any operation of that kind:
      401, 403  operations that need a bearer token (the document's `security`): authentication, authorization;
      413, 415  operations with a request body: the body size limit and the content type check.
    400, 404, 409, 422 and 429 (only rate-limited endpoints answer it) must be declared.
  - 405 is ignored: routing answers it for a method the route does not have (no operation is involved).
Endpoints excluded from the document (ExcludeFromDescription) and routes outside /api/ (health, OpenAPI,
Hangfire, sign-in) are not operations of the document and are skipped.
Each operation checked counts as one test: passed when all its statuses are accounted for.
"""
import glob
import json
import os
import re
import sys
import tempfile

CROSS_CUTTING = {
    401: lambda op: bool(op.get("security")),
    403: lambda op: bool(op.get("security")),
    413: lambda op: "requestBody" in op,
    415: lambda op: "requestBody" in op,
}
IGNORED = {405}
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def normalise(route):
    """/api/x/{id:guid}, {**rest}, {page?}, {n=1} -> /api/x/{id}, {rest}, {page}, {n}."""
    return re.sub(r"\{\**([A-Za-z0-9_]+)[^}]*\}", r"{\1}", route.rstrip("/") or "/")


def load_document(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    operations = {}
    for route, item in document.get("paths", {}).items():
        for method, op in item.items():
            if method in METHODS:
                operations[(method.upper(), normalise(route))] = op
    return operations


def load_recordings(folder):
    seen = {}  # (method, route) -> {status: {file: count}}
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        source = os.path.basename(path).rsplit("-", 1)[0]
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                route = normalise(row["route"])
                if not row.get("described", True) or not route.startswith("/api/"):
                    continue
                statuses = seen.setdefault((row["method"].upper(), route), {})
                by_source = statuses.setdefault(int(row["status"]), {})
                by_source[source] = by_source.get(source, 0) + int(row.get("count", 1))
    return seen


def check(seen, operations, out=sys.stdout):
    """Returns (passed, failed); prints one line per mismatch."""
    passed = failed = 0
    for (method, route), statuses in sorted(seen.items()):
        statuses = {s: w for s, w in statuses.items() if s not in IGNORED}
        if not statuses:
            continue
        op = operations.get((method, route))
        if op is None:
            failed += 1
            print(f"MISMATCH {method} {route}: answered {fmt(statuses)} but the route is missing from the document", file=out)
            continue
        declared = {int(code) for code in op.get("responses", {}) if code.isdigit()}
        undeclared = {s: w for s, w in statuses.items()
                      if s not in declared and not (400 <= s < 500 and s in CROSS_CUTTING and CROSS_CUTTING[s](op))}
        if undeclared:
            failed += 1
            print(f"MISMATCH {method} {route}: answered {fmt(undeclared)}, "
                  f"declared {', '.join(map(str, sorted(declared))) or 'nothing'}", file=out)
        else:
            passed += 1
    return passed, failed


def fmt(statuses):
    return ", ".join(f"{s} ({', '.join(f'{n}x in {src}' for src, n in sorted(w.items()))})" for s, w in sorted(statuses.items()))


def self_test():
    """A recorded status the document lacks, a missing route and an undeclared 400 must each fail; the rest pass."""
    document = {"paths": {"/api/things/{id}": {
        "get": {"responses": {"200": {}, "404": {}}, "security": [{"Bearer": []}]},
        "put": {"responses": {"204": {}}, "requestBody": {}},
    }}}
    rows = [
        {"method": "GET", "route": "/api/things/{id:guid}", "status": 200, "count": 2},  # declared
        {"method": "GET", "route": "/api/things/{id:guid}", "status": 403, "count": 1},  # secured: cross-cutting
        {"method": "PUT", "route": "/api/things/{id:guid}", "status": 200, "count": 1},  # 2xx not declared
        {"method": "PUT", "route": "/api/things/{id:guid}", "status": 401, "count": 1},  # not secured: must be declared
        {"method": "DELETE", "route": "/api/things/{id:guid}", "status": 400, "count": 1},  # no such operation
        {"method": "GET", "route": "/health/live", "status": 200, "count": 1},  # not an API route: skipped
    ]
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "document.json"), "w") as f:
            json.dump(document, f)
        with open(os.path.join(folder, "Some.Tests-1.jsonl"), "w") as f:
            f.write("\n".join(json.dumps(r) for r in rows))
        lines = []

        class Out:
            def write(self, text):
                lines.append(text)

        result = check(load_recordings(folder), load_document(os.path.join(folder, "document.json")), Out())
    text = "".join(lines)
    expected = [
        (result == (1, 2), f"expected 1 passed, 2 failed, got {result}"),
        ("PUT /api/things/{id}: answered 200 (1x in Some.Tests), 401 (1x in Some.Tests), declared 204" in text, "PUT mismatch not reported"),
        ("DELETE /api/things/{id}: answered 400 (1x in Some.Tests) but the route is missing" in text, "missing route not reported"),
    ]
    problems = [message for ok, message in expected if not ok]
    for message in problems:
        print(f"self-test: {message}\n{text}")
    print(f"{0 if problems else 1} {1 if problems else 0}")
    return 1 if problems else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__)
        return 2
    seen = load_recordings(argv[1])
    passed, failed = check(seen, load_document(argv[2]))
    print(f"{passed} {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
