-- GET /api/v1/search?q=<prefix> over the prefixes in BENCH_PREFIXES (one per line), at random.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local prefixes = load_lines(os.getenv("BENCH_PREFIXES"))
request = function()
  return wrk.format("GET", "/api/v1/search?q=" .. prefixes[math.random(1, #prefixes)], auth)
end
