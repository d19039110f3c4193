-- wrk script for the read benchmark (etc/scripts/bench.sh): every request carries the bearer token and the tenant
-- header from the environment (EP_TOKEN may be empty: the floor app takes no token), and done() prints one
-- machine-readable line that bench.sh parses.
local token = os.getenv("EP_TOKEN") or ""
local tenant = os.getenv("EP_TENANT") or ""
if token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if tenant ~= "" then
  wrk.headers["__tenant"] = tenant
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "EP_RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
