-- GET /api/v1/profiles/{id} over random ids, with If-None-Match: the ETag the thread last saw
-- for the id (none the first time), so once every id has been seen the answers are 304.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
request = function()
  local id = random_id()
  local headers = { ["Authorization"] = auth["Authorization"] }
  if etags[id] then headers["If-None-Match"] = etags[id] end
  return wrk.format("GET", "/api/v1/profiles/" .. id, headers)
end
response = remember_etag
