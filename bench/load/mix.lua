-- wrk script for bench/load.sh: a mix of readers, editors and reviewers, each request as one of
-- the logged-in people (their session cookie), plus a share of real POST decisions.
-- bench/load/run.py writes bench/out/load-sessions.lua (the people, ids to visit) before wrk runs.
local cfg = dofile(os.getenv("LOAD_SESSIONS"))
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  next_decision = 1
  statuses = {}
  decisions = 0
  cookies_set = 0
  -- this thread's own pending pledges (disjoint from the other threads'), each decided once at version 1
  mine = {}
  for i, id in ipairs(cfg.pending) do
    if i % cfg.threads == tid - 1 then table.insert(mine, id) end
  end
  math.randomseed(tid * 7919)
end

local function pick(list) return list[math.random(#list)] end

-- the mix, by share of requests (out of 100)
local routes = {
  {22, "reader",   function() return "/pledges/" end},
  {18, "reader",   function() return "/pledges/" .. math.random(cfg.max_pledge) end},
  {12, "editor",   function() return "/review/" end},
  {8,  "reader",   function() return "/reports/" end},
  {8,  "reader",   function() return "/reports/export.csv?official=" .. pick(cfg.officials) end},
  {8,  "reader",   function() return "/reports/officials/" .. pick(cfg.officials) end},
  {6,  "reader",   function() return "/reports/districts/" .. pick(cfg.districts) end},
  {6,  "reviewer", function() return "/reports/queue" end},
  {4,  "reader",   function() return "/api/pledges?limit=50" end},
  {8,  "decision", nil},
}

function request()
  n = n + 1
  local r = math.random(100)
  local acc = 0
  for _, route in ipairs(routes) do
    acc = acc + route[1]
    if r <= acc then
      if route[2] == "decision" and next_decision <= #mine then
        local who = pick(cfg.people.editor)
        local id = mine[next_decision]
        next_decision = next_decision + 1
        decisions = decisions + 1
        local body = '{"version": 1, "changes": {}}'
        return wrk.format("POST", "/api/pledges/" .. id .. "/confirm",
          {["Cookie"] = who.cookie, ["X-CSRFToken"] = who.csrf, ["Content-Type"] = "application/json",
           ["User-Agent"] = cfg.agent}, body)
      end
      local role = route[2] == "decision" and "editor" or route[2]
      local who = pick(cfg.people[role])
      -- the logins' User-Agent (run.py's AGENT): as a browser, one client keeps one agent
      return wrk.format("GET", route[3] and route[3]() or "/pledges/", {["Cookie"] = who.cookie, ["User-Agent"] = cfg.agent})
    end
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if headers["Set-Cookie"] then cookies_set = cookies_set + 1 end
end

function done(summary, latency, requests)
  local total = {}
  local decided = 0
  local cookies = 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, count in pairs(s) do total[code] = (total[code] or 0) + count end
    decided = decided + t:get("decisions")
    cookies = cookies + t:get("cookies_set")
  end
  io.write("LOAD-RESULT {")
  io.write(string.format('"requests": %d, "seconds": %.3f, "socket_errors": %d, "timeouts": %d, ',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout))
  io.write(string.format('"p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "decisions_sent": %d, "responses_setting_a_cookie": %d, "status": {',
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, decided, cookies))
  local first = true
  for code, count in pairs(total) do
    io.write(string.format('%s"%d": %d', first and "" or ", ", code, count))
    first = false
  end
  io.write("}}\n")
end
