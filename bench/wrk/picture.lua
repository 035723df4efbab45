-- GET /api/v1/picture/raw/{id} over random ids.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/v1/picture/raw/" .. random_id(), auth)
end
