-- wrk script: uncached `GET /api/events`, as bench/events-uncached.py asks
-- it, from a client that is not the bottleneck. Every request draws one to
-- three of entity, place, date range, status and search words, and a page
-- of 20 to 319 events; a `nonce` parameter (which the server ignores) of
-- the thread and request number makes each query string new, so the
-- answer cache never answers.
--
--   wrk -t2 -c50 -d30s --latency -s bench/events-uncached.lua http://127.0.0.1:18701
local entities = {"Lopez", "Kim", "Aliyev", "Pashinyan", "United%20Nations", "Red%20Cross", "Smith", "Nakamura"}
local places = {"Baku", "Azerbaijan", "Texas", "France", "Crimea", "Tokyo", "Georgia", "Kashmir", "Paris"}
local statuses = {"occurred", "ongoing", "scheduled", "expected", "missed", "deadline"}
local words = {"bridge", "elections", "prisoners", "border", "talks", "floods", "ceasefire", "troops", "vote"}
local kinds = {"entity", "place", "dates", "status", "q"}

local threads, counter = {}, 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local n = 0
function init(args)
  math.randomseed(16 + id)
end

local function pick(list)
  return list[math.random(#list)]
end

request = function()
  n = n + 1
  -- One to three distinct filters, in random order.
  local order = {1, 2, 3, 4, 5}
  for i = 5, 2, -1 do
    local j = math.random(i)
    order[i], order[j] = order[j], order[i]
  end
  local parts = {}
  for i = 1, math.random(3) do
    local kind = kinds[order[i]]
    if kind == "entity" then
      table.insert(parts, "entity=" .. pick(entities))
    elseif kind == "place" then
      table.insert(parts, "place=" .. pick(places))
    elseif kind == "status" then
      table.insert(parts, "status=" .. pick(statuses))
    elseif kind == "q" then
      local a, b = pick(words), pick(words)
      if math.random(2) == 1 or a == b then
        table.insert(parts, "q=" .. a)
      else
        table.insert(parts, "q=" .. a .. "+" .. b)
      end
    else
      local year, month = math.random(2015, 2023), math.random(1, 10)
      table.insert(parts, string.format("from=%d-%02d-01&to=%d-%02d-28", year, month, year, month + 2))
    end
  end
  table.insert(parts, "limit=" .. (20 + math.random(0, 299)))
  table.insert(parts, "nonce=" .. id .. "-" .. n)
  return wrk.format("GET", "/api/events?" .. table.concat(parts, "&"))
end
