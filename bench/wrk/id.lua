-- GET /api/v1/id/{id} over random ids.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
request = function()
  return wrk.format("GET", "/api/v1/id/" .. random_id(), auth)
end
