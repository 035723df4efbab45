-- GET /pictures/{id}?v=..&exp=..&sig=..&size=64 (each profile's picture_url, no token) over random
-- profiles: a 64-pixel avatar, rendered once and then answered from the render cache.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local paths
init = function(args) paths = load_lines(os.getenv("BENCH_AVATARS")) end
request = function()
  return wrk.format("GET", paths[math.random(1, #paths)])
end
