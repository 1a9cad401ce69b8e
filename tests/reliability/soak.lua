-- wrk script for the soak (tests/reliability/soak.sh): each request is the next line of a
-- paths file (distinct questions with hostile ones mixed in), each thread starting at its
-- own line; responses are counted by status class, so that a 5xx is never hidden among the
-- 4xx answers hostile questions should get.
--   wrk -t2 -c64 -d600s -s tests/reliability/soak.lua http://127.0.0.1:PORT -- paths.txt
-- The rotation (setup, request) is bench/wrk/rotate.lua's, loaded from beside this file's
-- own path (wrk loads a script from a file, so its chunk name is "@" and that path).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "../../bench/wrk/rotate.lua")

s2xx, s4xx, s5xx, sother = 0, 0, 0, 0

function init(args)
  if not args[1] then error("soak.lua: give the paths file after --") end
  rotation.load(args[1])
  -- An empty file would make every request fail (and the start a division by zero):
  -- refuse it rather than soak nothing.
  if #rotation.paths == 0 then error("soak.lua: no paths in " .. args[1]) end
  -- Threads start far apart (7919 lines on, modulo the file), not 7 as in the benchmark.
  rotation.start(7919)
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  elseif status >= 200 and status < 300 then s2xx = s2xx + 1
  else sother = sother + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local t2, t4, t5, to = 0, 0, 0, 0
  for _, thread in ipairs(rotation.threads) do
    t2 = t2 + thread:get("s2xx")
    t4 = t4 + thread:get("s4xx")
    t5 = t5 + thread:get("s5xx")
    to = to + thread:get("sother")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("rps=%.1f\n", seconds > 0 and summary.requests / seconds or 0))
  io.write(string.format("status_2xx=%d\nstatus_4xx=%d\nstatus_5xx=%d\nstatus_other=%d\n", t2, t4, t5, to))
  io.write(string.format("p50_ms=%.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms=%.1f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
  io.write(string.format("errors_socket=%d\n", e.connect + e.read + e.write))
  io.write(string.format("errors_timeout=%d\n", e.timeout))
end
