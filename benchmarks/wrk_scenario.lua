-- wrk scenario: each request draws a random view/query so no response repeats (cold cache).
-- SCENARIO (env): map6, map9, map12, search, detail. SLUGS_FILE: one slug a line.
local scenario = os.getenv("SCENARIO") or "map9"
local slugs = {}
local terms = {"repair", "garten", "koln", "foodsharing", "energie", "lastenrad", "tausch",
               "klima", "berlin", "munchen", "nahcafe", "weltladen", "hilfe", "wohnprojekt"}

math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

local f = io.open(os.getenv("SLUGS_FILE") or "", "r")
if f then
  for line in f:lines() do slugs[#slugs + 1] = line end
  f:close()
end

local function bbox(width, height)
  local west = 6 + math.random() * (14.5 - 6 - width)
  local south = 47.5 + math.random() * (54.8 - 47.5 - height)
  return string.format("%.4f,%.4f,%.4f,%.4f", west, south, west + width, south + height)
end

request = function()
  local path
  if scenario == "map6" then
    path = "/api/v1/map?zoom=6&bbox=" .. bbox(8, 6) .. "&r=" .. math.random(1e9)
  elseif scenario == "map9" then
    path = "/api/v1/map?zoom=9&bbox=" .. bbox(1.2, 0.8)
  elseif scenario == "map12" then
    path = "/api/v1/map?zoom=12&bbox=" .. bbox(0.15, 0.1)
  elseif scenario == "search" then
    local t = terms[math.random(#terms)]
    path = "/api/v1/initiatives?limit=20&q=" .. t .. "&offset=" .. math.random(0, 3) * 20
  else
    path = "/api/v1/initiatives/" .. slugs[math.random(#slugs)]
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT {\"requests\": %d, \"errors\": %d, \"seconds\": %.3f, \"p50_ms\": %.2f, " ..
    "\"p95_ms\": %.2f, \"p99_ms\": %.2f}\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
