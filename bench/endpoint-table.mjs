// Summarises bench/endpoint: the wrk reports of each round, start-up time and RSS.
// usage: node bench/endpoint-table.mjs READY_MS RSS_MB target/wrk-ENDPOINT-ROUND.txt...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [readyMs, rssMb, ...reports] = process.argv.slice(2);
const toMs = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
const rounds = reports.map(file => {
  const text = readFileSync(file, 'utf8');
  const latency = pct => { const m = text.match(new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm')); return m ? toMs(m[1], m[2]) : NaN; };
  const errors = text.match(/Non-2xx or 3xx responses: (\d+)/);
  return { endpoint: basename(file).split('-')[1], perSecond: Number(text.match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: latency(50), p99: latency(99), errors: errors ? Number(errors[1]) : 0 };
});
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const summary = endpoint => {
  const rs = rounds.filter(r => r.endpoint === endpoint);
  return { rounds: rs.length, perSecond: median(rs.map(r => r.perSecond)), p50: median(rs.map(r => r.p50)), p99: median(rs.map(r => r.p99)),
    errors: rs.reduce((sum, r) => sum + r.errors, 0) };
};
const nudges = summary('nudges');
const echo = summary('echo');
console.log('| Endpoint | Rounds | Req/s (median) | p50 ms | p99 ms | Non-2xx |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| POST /v1/nudges | ${nudges.rounds} | ${fmt(nudges.perSecond)} | ${fmt(nudges.p50, 2)} | ${fmt(nudges.p99, 2)} | ${nudges.errors} |`);
console.log(`| POST /bench/echo | ${echo.rounds} | ${fmt(echo.perSecond)} | ${fmt(echo.p50, 2)} | ${fmt(echo.p99, 2)} | ${echo.errors} |`);
console.log(`\nRatio nudges/echo: ${fmt(nudges.perSecond / echo.perSecond, 2)}`);
console.log(`Start-up to ready: ${readyMs} ms; RSS after start: ${rssMb} MB`);
