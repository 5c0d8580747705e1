-- wrk script: one GET, with the bearer token from the environment when TOKEN is set.
local token = os.getenv("TOKEN")
local path = os.getenv("BENCH_PATH")
request = function()
  if token and #token > 0 then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", path)
end
dofile(os.getenv("REPORT"))
