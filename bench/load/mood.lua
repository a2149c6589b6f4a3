-- wrk script: POST /api/mood with a rotating set of chat messages, one session per connection.
local texts = {
  "ugh, this week has completely drained me",
  "just got the job offer!!!",
  "can't stop smiling today",
  "deadline panic, nothing works",
  "missing home a lot tonight",
  "so calm by the lake right now",
  "ready to crush this workout",
  "why does everyone keep interrupting me",
}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local text = texts[(n % #texts) + 1]
  return wrk.format(nil, "/api/mood", nil, string.format('{"text": "%s", "session": "load-%d"}', text, id))
end
