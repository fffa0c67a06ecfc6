// Turns the JMH results of the engine benchmark into the table BENCHMARKS.md quotes.
// usage: node bench/engine-table.mjs target/jmh-engine.json target/jmh-engine-setup.jsonl
import { readFileSync } from 'node:fs';

const [results, setup] = process.argv.slice(2);
const runs = JSON.parse(readFileSync(results, 'utf8'));
const builds = new Map(readFileSync(setup, 'utf8').trim().split('\n').map(JSON.parse)
  .map(b => [`${b.n}/${b.formulation}`, b]));

const demo = runs.find(run => run.benchmark.includes('DemoBookBenchmark'));
const rows = runs.filter(run => run !== demo).map(run => {
  const { n, formulation } = run.params;
  const m = run.primaryMetric;
  const build = builds.get(`${n}/${formulation}`) ?? {};
  return { n: Number(n), formulation, perSecond: 1e6 / m.score, p50: m.scorePercentiles['50.0'], p99: m.scorePercentiles['99.0'],
    buildMillis: build.buildMillis, heapMb: build.heapAfterBuildMb };
}).sort((a, b) => a.formulation.localeCompare(b.formulation) || a.n - b.n);

const fmt = (x, digits = 0) => x === undefined ? '' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('| Formulation | N pair rules | Decisions/s (1 thread) | p50 µs | p99 µs | Build ms | Heap after build MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.formulation} | ${fmt(r.n)} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.buildMillis)} | ${fmt(r.heapMb)} |`);
}
if (demo) {
  const m = demo.primaryMetric;
  console.log(`\nDemo rule book over its scenario carts: ${fmt(1e6 / m.score)} decisions/s, `
    + `p50 ${fmt(m.scorePercentiles['50.0'], 1)} µs, p99 ${fmt(m.scorePercentiles['99.0'], 1)} µs`);
}
// The floor ran in the same JVM session as the rules: the ratio is measured, not quoted.
const floor = rows.find(r => r.formulation === 'FLOOR' && r.n === 10000);
for (const formulation of ['TABLE', 'GENERATED']) {
  const large = rows.find(r => r.formulation === formulation && r.n === 10000);
  if (floor && large) {
    console.log(`\n${formulation} at N = 10,000 costs ${fmt(floor.perSecond / large.perSecond, 2)}x the floor (plain Java maps, FLOOR) at N = 10,000`);
  }
}
for (const formulation of new Set(rows.map(r => r.formulation))) {
  const small = rows.find(r => r.formulation === formulation && r.n === 10);
  const large = rows.find(r => r.formulation === formulation && r.n === 10000);
  if (small && large) {
    console.log(`\n${formulation}: a decision at N = 10,000 costs ${fmt(small.perSecond / large.perSecond, 2)}x one at N = 10`);
  }
}
