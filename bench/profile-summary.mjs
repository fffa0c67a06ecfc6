// Groups the JFR execution samples of bench/profile by the part of a request they were in.
// usage: node bench/profile-summary.mjs target/nudge-samples.txt
import { readFileSync } from 'node:fs';

const samples = readFileSync(process.argv[2], 'utf8').split('jdk.ExecutionSample').slice(1)
  .map(event => [...event.matchAll(/^\s+([\w.$<>]+)\(/gm)].map(m => m[1]).join(' '))
  .filter(stack => stack.length > 0);

function part(stack) {
  if (/EventLog\.write|io\.nudge\.lift\.Lift/.test(stack)) return 'lift: metrics, and events written by their own thread';
  if (stack.includes('RequestFacts')) return 'the rest of the engine: request to facts, inserts, dispose';
  if (stack.includes('DecisionEngine.')) {
    if (stack.includes('fireAllRules')) return 'rule firing (fireAllRules)';
    if (/newKieSession|newSession/.test(stack)) return 'creating the KieSession';
    if (stack.includes('Copywriter')) return 'copy: formatting amounts in messages';
    if (stack.includes('Arbitration')) return 'arbitration';
    return 'the rest of the engine: request to facts, inserts, dispose';
  }
  if (/NudgeResource|NudgeService|ServerJackson|resteasy/i.test(stack)) {
    if (/RequestCheck|validat/i.test(stack)) return 'checking the request';
    if (/Deserializ|readFrom|JsonParser/.test(stack)) return 'reading the JSON request';
    if (/Serializ|writeResponse|writeTo/.test(stack)) return 'writing the JSON answer';
    return 'the rest of Quarkus REST';
  }
  if (/vertx|netty/.test(stack)) return 'HTTP I/O and the hop to a decision thread (Vert.x, Netty)';
  return 'other (GC, JIT, idle threads)';
}

const counts = new Map();
for (const stack of samples) counts.set(part(stack), (counts.get(part(stack)) ?? 0) + 1);
console.log(`${samples.length} samples`);
console.log('| Share | Where |\n|---:|---|');
for (const [where, n] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${(100 * n / samples.length).toFixed(1)}% | ${where} |`);
}
