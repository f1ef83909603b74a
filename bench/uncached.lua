-- Every request a different query string, so the page cache never answers: the real cost of
-- a search. Reports like report.lua.
local words = {"kokki", "hoitaja", "siivous", "kesätyö", "metsä", "myyjä", "kuljettaja",
               "tarjoilija", "marja", "saha", "rakennus", "opettaja", "mökki", "leipuri"}
local n = 0
request = function()
  n = n + 1
  local word = words[(n % #words) + 1]
  return wrk.format("GET", "/fi/jobs/?q=" .. word .. "&nocache=" .. n .. "-" .. math.random(1e9))
end
-- The reporter shared with report.lua, found beside this file.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")
