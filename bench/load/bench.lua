-- wrk script for bench/load/run.sh: one endpoint per run, keep-alive connections.
--
--   wrk -t T -c C -d D -s bench.lua http://127.0.0.1:PORT -- NAME T PATH BODIES|- [API_KEY] [RATE] [C]
--
-- BODIES is a file with one JSON request body per line, POSTed to PATH; "-" sends GET PATH instead.
-- Thread i of T takes lines i, i+T, i+2T, ... and sends them in file order, wrapping at the end (counted in
-- "wraps": for CVC3 a wrapped body is an ATC replay). Requests are pre-built in init() so request() only indexes.
-- response() counts HTTP 200 answers, "result":"match" answers and the reasons of the others; done() prints one
-- machine-readable RESULT line (latencies in microseconds) that run.sh turns into the table.
-- NAME "tokens-yellow" runs the yellow path: each yellow verification created is followed by its OTP send
-- (POST PATH/{id}/otp with the first method); "match" then counts the sends accepted (202), one per finished path.
-- RATE (requests per second, all threads together) paces the run: each thread spaces its requests evenly on a schedule
-- (delay() holds a connection until its request's slot), so latency is measured at that load, not at saturation. A thread
-- that falls behind its schedule sends at once (it never catches up in a burst of more than one request per connection).

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local function now_ms()
  local t = ffi.new("timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) * 1000 + tonumber(t.tv_nsec) / 1e6
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  name = args[1]
  local nthreads = tonumber(args[2])
  local path = args[3]
  local file = args[4]
  local key = args[5]
  local rate = tonumber(args[6] or "0")
  connections = tonumber(args[7] or "64")
  interval = rate > 0 and nthreads * 1000 / rate or 0 -- ms between this thread's requests
  slot = nil
  reqs = {}
  is_get = (file == "-")
  if is_get then
    reqs[1] = wrk.format("GET", path)
  else
    local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
    local i = 0
    for line in io.lines(file) do
      if line ~= "" then
        if i % nthreads == tid then
          reqs[#reqs + 1] = wrk.format("POST", path, headers, line)
        end
        i = i + 1
      end
    end
  end
  n = #reqs
  base = path
  headers_json = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }
  yellow = (name == "tokens-yellow")
  pending = {}
  idx = 0
  wraps = 0
  ok = 0
  matches = 0
  other_status = 0
  reasons = {}
end

function delay()
  if interval == 0 then
    return 0
  end
  local now = now_ms()
  slot = (slot == nil or slot < now - interval) and now or slot + interval
  return math.max(0, slot - now)
end

function request()
  if yellow and #pending > 0 then
    return wrk.format("POST", base .. "/" .. table.remove(pending) .. "/otp", headers_json, '{"methodId":"m1"}')
  end
  idx = idx + 1
  if idx > n then
    idx = 1
    wraps = wraps + 1
  end
  return reqs[idx]
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 and status ~= 202 then
    other_status = other_status + 1
    return
  end
  ok = ok + 1
  if is_get then
    return
  end
  if yellow then
    local id = status == 201 and string.find(body, '"decision":"yellow"', 1, true) and string.match(body, '"id":"([%x-]+)"')
    if id then
      pending[#pending + 1] = id
    elseif status == 202 then
      matches = matches + 1
    else
      local reason = string.match(body, '"decision":"([%w_]+)"') or "unknown"
      reasons[reason] = (reasons[reason] or 0) + 1
    end
    return
  end
  -- a verify's match, a token verification's green decision, or a frictionless ARes
  if string.find(body, '"result":"match"', 1, true) or string.find(body, '"decision":"green"', 1, true)
      or string.find(body, '"transStatus":"Y"', 1, true) then
    matches = matches + 1
  else
    local reason = string.match(body, '"reason":"([%w_]+)"') or string.match(body, '"decision":"([%w_]+)"') or "unknown"
    reasons[reason] = (reasons[reason] or 0) + 1
  end
end

-- wrk corrects the latencies it reports for coordinated omission: each answer slower than twice the mean interval e
-- between one connection's requests (e = duration / (requests / connections), whole microseconds) adds a sample at each of
-- its latency - e, - 2e, ... above e, what requests sent on that schedule would have waited. Its percentiles (p50_us to
-- p99_us, mean_us: what wrk prints) are those. The answers as measured are recovered from them: above e,
-- measured[m] = corrected[m] - corrected[m + e]. Their count is the requests', and their mean times the requests can never
-- exceed connections times the duration (a closed loop); the corrected mean does after any long stall.
local function measured(latency, summary, connections)
  local per_connection = math.floor(summary.requests / connections)
  local e = per_connection > 0 and math.floor(summary.duration / per_connection) or math.huge
  local corrected, values = {}, {}
  for i = 1, #latency do -- latency(i): the i-th latency (microseconds) that has samples, and how many
    local value, count = latency(i)
    corrected[value] = count
    values[i] = value
  end
  local counts, total, sum = {}, 0, 0
  for i, value in ipairs(values) do
    counts[i] = corrected[value] - (value > e and corrected[value + e] or 0)
    total = total + counts[i]
    sum = sum + counts[i] * value
  end
  local seen = 0
  for i, value in ipairs(values) do
    seen = seen + counts[i]
    if seen >= 0.99 * total then
      return total, value, sum / total
    end
  end
  return total, latency.max, 0
end

function done(summary, latency, requests)
  local ok_sum, match_sum, other_sum, wrap_sum = 0, 0, 0, 0
  local reason_sum = {}
  local label = "?"
  for _, t in ipairs(threads) do
    label = t:get("name")
    ok_sum = ok_sum + t:get("ok")
    match_sum = match_sum + t:get("matches")
    other_sum = other_sum + t:get("other_status")
    wrap_sum = wrap_sum + t:get("wraps")
    for r, c in pairs(t:get("reasons")) do
      reason_sum[r] = (reason_sum[r] or 0) + c
    end
  end
  local parts = {}
  for r, c in pairs(reason_sum) do
    parts[#parts + 1] = r .. ":" .. c
  end
  local e = summary.errors
  local measured_count, measured_p99, measured_mean = measured(latency, summary, threads[1]:get("connections"))
  io.write(string.format(
    "RESULT name=%s requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f " ..
    "measured_count=%d measured_p99_us=%d measured_mean_us=%.0f " ..
    "ok=%d match=%d other_status=%d wraps=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d reasons=%s\n",
    label, summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    measured_count, measured_p99, measured_mean,
    ok_sum, match_sum, other_sum, wrap_sum, e.connect, e.read, e.write, e.timeout,
    (#parts > 0) and table.concat(parts, ",") or "-"))
end
