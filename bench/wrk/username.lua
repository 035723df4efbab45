-- GET /api/v1/username/{username} over random usernames.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local names
init = function(args) names = load_usernames() end
request = function()
  return wrk.format("GET", "/api/v1/username/" .. names[math.random(1, #names)], auth)
end
