-- wrk: POST the README's example cart, each connection waiting DELAY_MS before each request,
-- so the load stays at a set share of the maximum instead of saturating the service.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open("examples/cart.json", "r"))
wrk.body = file:read("*a")
file:close()
local pause = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return pause
end
