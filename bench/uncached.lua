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
-- wrk reporter: one JSON line with throughput and latency percentiles (milliseconds).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
