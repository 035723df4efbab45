-- GET /api/v1/profiles/{id} over random ids, without If-None-Match.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/v1/profiles/" .. random_id(), auth)
end
