-- wrk script: an officer's alumni searches, rotating over realistic criteria.
-- TOKEN (an officer's access token) comes from the environment; run.sh sets it.
local token = os.getenv("TOKEN")
local queries = {
  "/api/alumni?name=jansen",
  "/api/alumni?name=van%20der&sort=-departureDate",
  "/api/alumni?name=pieter%20de&windowActive=true",
  "/api/alumni?functionGroup=INTELLIGENCE&windowActive=true&sort=windowEnd",
  "/api/alumni?status=LEAVING&sort=departureDate",
  "/api/alumni?personnelNumber=B00123456",
  "/api/alumni?name=yilmaz&functionGroup=ICT",
  "/api/alumni?windowActive=true&page=40",
  "/api/alumni?name=zo%C3%AB%20tan",
  "/api/alumni",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1], { ["Authorization"] = "Bearer " .. token })
end
dofile("../wrk-report.lua")
