-- wrk scenario: each request draws a random view/query so no response repeats (cold cache).
-- SCENARIO (env): map6, map9, map12, map15, mapmix (6/9/12/15 in turn), search-common,
-- search-rare, detail, home, embed. DATA_DIR: slugs.txt, terms-common.txt, terms-rare.txt,
-- municipalities.txt (one item a line; written by benchmarks/api.py).
local scenario = os.getenv("SCENARIO") or "map9"
local dir = os.getenv("DATA_DIR") or "."

math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

local function lines(name)
  local out = {}
  local f = io.open(dir .. "/" .. name, "r")
  if f then
    for line in f:lines() do out[#out + 1] = line end
    f:close()
  end
  return out
end

local slugs = lines("slugs.txt")
local common = lines("terms-common.txt")
local rare = lines("terms-rare.txt")
local municipalities = lines("municipalities.txt")

local function bbox(width, height)
  local west = 6 + math.random() * (14.5 - 6 - width)
  local south = 47.5 + math.random() * (54.8 - 47.5 - height)
  return string.format("%.4f,%.4f,%.4f,%.4f", west, south, west + width, south + height)
end

-- Views a browser window of about 1,200 × 700 pixels shows at each zoom.
local views = {[6] = {8, 6}, [9] = {1.2, 0.8}, [12] = {0.15, 0.1}, [15] = {0.02, 0.012}}
local mix = {6, 9, 12, 15}
local turn = 0

local function map(zoom)
  local v = views[zoom]
  return "/api/v1/map?zoom=" .. zoom .. "&bbox=" .. bbox(v[1], v[2]) .. "&r=" .. math.random(1e9)
end

local function pick(list)
  return list[math.random(#list)]
end

request = function()
  local path
  if scenario == "mapmix" then
    turn = turn % #mix + 1
    path = map(mix[turn])
  elseif scenario:sub(1, 3) == "map" then
    path = map(tonumber(scenario:sub(4)))
  elseif scenario == "search-common" then
    path = "/api/v1/initiatives?limit=20&q=" .. pick(common) .. "&offset=" .. math.random(0, 3) * 20
  elseif scenario == "search-rare" then
    path = "/api/v1/initiatives?limit=20&q=" .. pick(rare)
  elseif scenario == "home" then
    path = "/?r=" .. math.random(1e9)
  elseif scenario == "embed" then
    -- The widget's data request: one municipality's entries in the visible part of the map.
    path = "/embed/data.geojson?kommune=" .. pick(municipalities) .. "&z=10&view=" .. bbox(0.6, 0.4)
  else
    path = "/api/v1/initiatives/" .. pick(slugs)
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT {\"requests\": %d, \"errors\": %d, \"non2xx\": %d, \"timeouts\": %d, " ..
    "\"seconds\": %.3f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, " ..
    "\"max_ms\": %.2f}\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.errors.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
