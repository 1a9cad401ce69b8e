-- wrk script: each request is the next line of a paths file (the benchmark questions as
-- /api/search?... paths), each thread starting at a different line so that connections
-- do not ask the same question in step. Prints machine-readable results when done.
--   wrk -t2 -c64 -d10s -s bench/wrk/rotate.lua http://127.0.0.1:PORT -- paths.txt
-- tests/reliability/soak.lua loads this file with dofile and keeps its setup and request
-- (the rotation below), replacing init, response and done: the table `rotation` is shared.
rotation = { paths = {}, index = 1, counter = 0, threads = {} }

-- Appends the non-empty lines of FILE to rotation.paths.
function rotation.load(file)
  for line in io.lines(file) do
    if #line > 0 then table.insert(rotation.paths, line) end
  end
end

-- Where this thread starts: STEP lines further on for each thread (needs a path).
function rotation.start(step)
  rotation.index = ((thread_number or 1) * step) % #rotation.paths + 1
end

function setup(thread)
  rotation.counter = rotation.counter + 1
  thread:set("thread_number", rotation.counter)
  table.insert(rotation.threads, thread)
end

function init(args)
  local file = args[1] or os.getenv("QUORUM_WRK_PATHS")
  if file then rotation.load(file) end
  if #rotation.paths == 0 then table.insert(rotation.paths, "/healthz") end
  rotation.start(7)
end

function request()
  local path = rotation.paths[rotation.index]
  rotation.index = rotation.index % #rotation.paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("duration_s=%.3f\n", seconds))
  io.write(string.format("rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms=%.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms=%.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms=%.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms=%.3f\n", latency.max / 1000))
  io.write(string.format("errors=%d\n", e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("errors_status=%d\n", e.status))
  io.write(string.format("errors_socket=%d\n", e.connect + e.read + e.write + e.timeout))
end
