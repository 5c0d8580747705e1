-- wrk script: an officer working through the review queue, rotating over realistic views.
-- TOKEN (an officer's access token) comes from the environment; run.sh sets it.
local token = os.getenv("TOKEN")
local queries = {
  "/api/declarations",
  "/api/declarations?sort=risk",
  "/api/declarations?risk=HIGH,CRITICAL&sort=risk",
  "/api/declarations?assignee=none",
  "/api/declarations?status=AWAITING_CONFIRMATION",
  "/api/declarations?status=INFORMATION_REQUESTED&sort=-dueDate",
  "/api/declarations?dueBefore=2026-12-15",
  "/api/declarations?page=10&size=50",
  "/api/declarations?assignee=officer.3&sort=risk",
  "/api/declarations?late=true&sort=-submittedAt",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1], { ["Authorization"] = "Bearer " .. token })
end
dofile("../wrk-report.lua")
