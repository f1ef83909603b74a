-- Every request a query string never asked before, so the page cache never answers: the real
-- cost of a search. Reports like report.lua.
-- Percent-encoded (kesätyö, metsä, myyjä, mökki): a raw UTF-8 request line is refused.
local words = {"kokki", "hoitaja", "siivous", "kes%C3%A4ty%C3%B6", "mets%C3%A4", "myyj%C3%A4",
               "kuljettaja", "tarjoilija", "marja", "saha", "rakennus", "opettaja",
               "m%C3%B6kki", "leipuri"}

-- Each thread of each run gets its own token: without it the threads, and the warm-up and
-- the measured run, would send the same sequence and the later ones would hit the cache.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local token
local n = 0
init = function(args)
  math.randomseed(os.time() * 100 + thread_id)
  token = string.format("%d-%d-%d", os.time(), thread_id, math.random(1e9))
end

request = function()
  n = n + 1
  local word = words[(n % #words) + 1]
  return wrk.format("GET", "/fi/jobs/?q=" .. word .. "&nocache=" .. token .. "-" .. n)
end
-- The reporter shared with report.lua, found beside this file.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")
