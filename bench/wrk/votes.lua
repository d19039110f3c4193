-- wrk script for the votes benchmark (etc/scripts/bench.sh).
--   wrk -t T -c C -d MAX -s votes.lua URL -- TOKENS_FILE DECISION_IDS TENANT T DONE_DIR
-- TOKENS_FILE holds one member's access token a line. Thread i takes the members on lines i, i+T, i+2T, ... (so no
-- two threads share a member) and sends each of them one PUT my-vote per decision, decision by decision, so the
-- requests in flight at a time are of different members. Each (member, decision) pair is sent exactly once: delay()
-- hands out the pairs and parks a connection once they are all taken. A thread stops when all its answers are in;
-- the last thread to finish interrupts wrk (SIGINT, which wrk treats as the end of the run) instead of waiting out MAX.
-- done() prints one machine-readable line: votes answered 200, other answers, and the window from the first request
-- to the last answer (CLOCK_MONOTONIC, microseconds), over which bench.sh figures votes/s.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } ep_timespec;
int clock_gettime(int clock_id, ep_timespec *tp);
int kill(int pid, int sig);
int getpid(void);
]]

local function now_us()
  local t = ffi.new("ep_timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC: the same clock in every thread
  return tonumber(t.tv_sec) * 1000000 + math.floor(tonumber(t.tv_nsec) / 1000)
end

local threads = {}
local next_index = 0

function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

local requests, total, handed, answered, done_dir, nthreads
first_us, last_us, ok, other = 0, 0, 0, 0

function init(args)
  local tokens_file, decisions, tenant = args[1], args[2], args[3]
  nthreads, done_dir = tonumber(args[4]), args[5]
  local mine, line_no = {}, 0
  for line in io.lines(tokens_file) do
    if line ~= "" then
      if line_no % nthreads == index then
        table.insert(mine, line)
      end
      line_no = line_no + 1
    end
  end
  requests = {}
  local body = '{"choice":"Yes"}'
  for decision in decisions:gmatch("[^,]+") do
    for _, token in ipairs(mine) do
      table.insert(requests, wrk.format("PUT", "/api/governance/decisions/" .. decision .. "/my-vote", {
        ["Authorization"] = "Bearer " .. token,
        ["__tenant"] = tenant,
        ["Content-Type"] = "application/json",
      }, body))
    end
  end
  total, handed, answered = #requests, 0, 0
end

function delay()
  if handed < total then
    handed = handed + 1
    return 0
  end
  return 3600000 -- all pairs taken: this connection waits out the run
end

local sent = 0
function request()
  if sent >= handed then
    -- wrk calls request() once on its own after init() (to check for pipelining), before any delay(): that call
    -- sends nothing, so it takes no pair
    return requests[1]
  end
  if first_us == 0 then
    first_us = now_us()
  end
  sent = sent + 1
  return requests[sent]
end

local function finished()
  local f = io.open(done_dir .. "/thread-" .. index, "w")
  f:write("done\n")
  f:close()
  local count = 0
  for i = 0, nthreads - 1 do
    local g = io.open(done_dir .. "/thread-" .. i, "r")
    if g then
      count = count + 1
      g:close()
    end
  end
  if count == nthreads then
    ffi.C.kill(ffi.C.getpid(), 2) -- SIGINT: wrk stops sleeping and reports
  end
  wrk.thread:stop()
end

function response(status, headers, body)
  answered = answered + 1
  if status == 200 then ok = ok + 1 else other = other + 1 end
  if answered == total then
    last_us = now_us()
    finished()
  end
end

function done(summary, latency, requests_)
  local votes, non200, first, last = 0, 0, nil, 0
  for _, t in ipairs(threads) do
    votes = votes + t:get("ok")
    non200 = non200 + t:get("other")
    local f, l = t:get("first_us"), t:get("last_us")
    if f > 0 and (first == nil or f < first) then first = f end
    if l > last then last = l end
  end
  local e = summary.errors
  io.write(string.format(
    "EP_RESULT votes_ok=%d votes_other=%d window_us=%d requests=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    votes, non200, (first and last > first) and (last - first) or 0, summary.requests,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
