-- wrk: POST the README's example cart (examples/cart.json) as JSON.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open("examples/cart.json", "r"))
wrk.body = file:read("*a")
file:close()
