-- Shared by the benchmark's wrk scripts: the token, the id range, the usernames.
token = os.getenv("BENCH_TOKEN") or "bench-token"
ids = tonumber(os.getenv("BENCH_IDS") or "10000")
auth = { ["Authorization"] = "Bearer " .. token }

function load_lines(path)
  local lines = {}
  local file = io.open(path)
  for line in file:lines() do lines[#lines + 1] = line end
  file:close()
  return lines
end

function load_usernames()
  return load_lines(os.getenv("BENCH_USERNAMES") or "usernames.txt")
end

function random_id()
  return math.random(1, ids)
end

-- The record id a profile body names. A thread's connections interleave their requests and
-- responses, so a response is matched to its profile by its body, not by the last request sent.
function record_id(body)
  local id = body and body:match('"record_id":(%d+)')
  return id and tonumber(id)
end

-- Scripts with a response function count the answers that are expected but not 200 here.
not_modified, precondition_failed = 0, 0
function count(status)
  if status == 304 then not_modified = not_modified + 1
  elseif status == 412 then precondition_failed = precondition_failed + 1 end
end

-- The ETag this thread last saw for each id, for the scripts that send conditional requests:
-- they set  response = remember_etag.
etags = {}
function remember_etag(status, headers, body)
  count(status)
  local id = status == 200 and record_id(body)
  if id then etags[id] = headers["ETag"] end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

-- One line for bench/run.sh. status4xx5xx is every answer of 400 or more, 412s included.
done = function(summary, latency, requests)
  local n304, n412 = 0, 0
  for _, thread in ipairs(threads) do
    n304 = n304 + (thread:get("not_modified") or 0)
    n412 = n412 + (thread:get("precondition_failed") or 0)
  end
  io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f status4xx5xx=%d socketerrors=%d 304=%d 412=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, n304, n412))
end
