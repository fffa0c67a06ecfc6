-- wrk: POST a cart as JSON: the file in $CART, else the README's example cart (examples/cart.json).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("CART") or "examples/cart.json", "r"))
wrk.body = file:read("*a")
file:close()
