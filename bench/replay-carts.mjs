// Writes CARTS request bodies (JSON lines) for a replay, from the shared workload's 10,000 carts:
// round k of the workload has its prices scaled by 0.2 + 0.1 k, so rounds fall on different sides
// of thresholds, and every third shopper has an average order of 20 to 80. Deterministic: no random numbers.
//   node bench/replay-carts.mjs WORKLOAD_DIR CARTS > carts.jsonl
import { readFileSync } from "node:fs";

const [dir, count] = [process.argv[2], Number(process.argv[3] ?? 100000)];
const carts = readFileSync(`${dir}/carts.jsonl`, "utf8").trim().split("\n").map((line) => JSON.parse(line));
const out = [];
for (let i = 0; i < count; i++) {
  const cart = carts[i % carts.length];
  const scale = 0.2 + 0.1 * (Math.floor(i / carts.length) % 10);
  out.push(JSON.stringify({
    cart: {
      currency: "USD",
      items: cart.items.map((item) => ({ sku: item.sku, quantity: item.quantity, price: Number((item.price * scale).toFixed(2)), category: item.category })),
    },
    shopper: i % 3 === 0
      ? { segments: [cart.shopper.segment], averageOrderValue: 20 + 10 * (i % 7), orderCount: 1 + (i % 5) }
      : { segments: [cart.shopper.segment] },
  }));
  if (out.length === 10000) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
