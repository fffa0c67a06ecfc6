// Summarises bench/endpoint: the wrk reports of each round, per cart and endpoint, against the
// targets of issue 18 (p99 at most 5 ms for every cart; nudges/echo at least 0.60 for 3 lines).
// usage: node bench/endpoint-table.mjs target/bench-endpoint/wrk-ENDPOINT-CART-ROUND.txt...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const P99_TARGET_MS = 5;
const RATIO_TARGET = 0.60;
const RATIO_CART = '3-lines';

const toMs = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
const rounds = process.argv.slice(2).map(file => {
  const text = readFileSync(file, 'utf8');
  const latency = pct => { const m = text.match(new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm')); return m ? toMs(m[1], m[2]) : NaN; };
  const errors = text.match(/Non-2xx or 3xx responses: (\d+)/);
  const [, endpoint, cart] = basename(file, '.txt').match(/^wrk-(\w+)-(.+)-\d+$/);
  return { endpoint, cart, perSecond: Number(text.match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: latency(50), p99: latency(99), errors: errors ? Number(errors[1]) : 0 };
});
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const summary = (endpoint, cart) => {
  const rs = rounds.filter(r => r.endpoint === endpoint && r.cart === cart);
  return { rounds: rs.length, perSecond: median(rs.map(r => r.perSecond)), p50: median(rs.map(r => r.p50)), p99: median(rs.map(r => r.p99)),
    errors: rs.reduce((sum, r) => sum + r.errors, 0) };
};
const carts = [...new Set(rounds.map(r => r.cart))].sort((a, b) => parseInt(a) - parseInt(b));
console.log('| Cart | Rounds | Nudges req/s (median) | p50 ms | p99 ms | Echo req/s | Echo p99 ms | Ratio nudges/echo | Non-2xx |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const results = carts.map(cart => ({ cart, nudges: summary('nudges', cart), echo: summary('echo', cart) }));
for (const { cart, nudges, echo } of results) {
  console.log(`| ${cart} | ${nudges.rounds} | ${fmt(nudges.perSecond)} | ${fmt(nudges.p50, 2)} | ${fmt(nudges.p99, 2)} | ${fmt(echo.perSecond)} | ${fmt(echo.p99, 2)} | ${fmt(nudges.perSecond / echo.perSecond, 2)} | ${nudges.errors + echo.errors} |`);
}
console.log('');
for (const { cart, nudges } of results) {
  console.log(`p99 ${cart}: ${fmt(nudges.p99, 2)} ms, target at most ${P99_TARGET_MS} ms: ${nudges.p99 <= P99_TARGET_MS ? 'met' : 'missed'}`);
}
const measured = results.find(r => r.cart === RATIO_CART);
if (measured) {
  const ratio = measured.nudges.perSecond / measured.echo.perSecond;
  console.log(`ratio nudges/echo ${RATIO_CART}: ${fmt(ratio, 2)}, target at least ${fmt(RATIO_TARGET, 2)}: ${ratio >= RATIO_TARGET ? 'met' : 'missed'}`);
}
