-- 90% GET /api/v1/profiles/{id}, 10% PUT of the same path with If-Match: the ETag the thread
-- last saw for the id, or * when it saw none. A PUT that lost a race to another is a 412.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
request = function()
  local id = random_id()
  if math.random(1, 10) == 1 then
    local headers = { ["Authorization"] = auth["Authorization"], ["Content-Type"] = "application/json",
                      ["If-Match"] = etags[id] or "*" }
    local body = '{"user_id":"bench' .. id .. '","name":"Bench Mark","nickname":"bmark","city":"Loadville"}'
    return wrk.format("PUT", "/api/v1/profiles/" .. id, headers, body)
  end
  return wrk.format("GET", "/api/v1/profiles/" .. id, auth)
end
response = remember_etag
