-- wrk script: an alumnus submitting declarations; each one is stored, assessed and announced.
-- TOKEN (the alumnus' access token) comes from the environment; run.sh sets it.
local token = os.getenv("TOKEN")
local sectors = { "ICT", "PRIVATE_SECURITY", "HOSPITALITY", "CYBER_SECURITY", "AVIATION", "CONSULTANCY" }
local i = 0
request = function()
  i = i + 1
  local body = string.format([[{"employerName":"Bench Employer %d BV","kvkNumber":"%08d","country":"NL",
    "sector":"%s","role":"Consultant","duties":"Advises clients on security","startDate":"2027-0%d-01",
    "paid":true,"hoursPerWeek":32,"selfEmployed":false,"expectsContact":%s,"contactDetails":"Tenders",
    "usesKnowledge":false}]], i, 10000000 + i, sectors[(i % #sectors) + 1], 1 + i % 9, tostring(i % 4 == 0))
  return wrk.format("POST", "/api/declarations",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
dofile("../wrk-report.lua")
