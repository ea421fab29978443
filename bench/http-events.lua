-- wrk script: the events query with the filters a reader uses, in turn.
local paths = {
  "/api/events?place=Baku&limit=50",
  "/api/events?status=missed&limit=50",
  "/api/events?q=bridge&limit=50",
  "/api/events?from=2018-01-01&to=2018-03-31&limit=50",
  "/api/events?entity=Lopez&limit=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
