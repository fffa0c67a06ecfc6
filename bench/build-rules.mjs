// Writes a rule folder for the build benchmark: the demo rule book, the workload's 20,000
// products added to its catalog, and the workload's N pairs in one of two formulations:
// TABLE as rows of bought-together.csv (what Nudge uses), GENERATED as one DRL rule per pair;
// for SPREADSHEET the pairs go into a decision table, which bench/build writes with Java.
// usage: node bench/build-rules.mjs WORKLOAD_DIR N TABLE|GENERATED|SPREADSHEET OUT_DIR
import { cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

const [workload, n, formulation, out] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(join(workload, `rules-${n}.json`), 'utf8'));
const products = JSON.parse(readFileSync(join(workload, 'catalog.json'), 'utf8'));

cpSync('rules', out, { recursive: true });
appendFileSync(join(out, 'catalog.csv'), products.map(p => `${p.sku},${p.sku},${p.category},,USD ${p.price.toFixed(2)},,,,\n`).join(''));
if (formulation === 'TABLE') {
  appendFileSync(join(out, 'bought-together.csv'), rules.pairs.map(p => `${p.ifSku},${p.suggestSku},${p.priority}\n`).join(''));
} else if (formulation === 'GENERATED') {
  writeFileSync(join(out, 'pairs.drl'), `package nudge;

import io.nudge.vocabulary.*;
import function io.nudge.vocabulary.Candidate.crossSell;

global io.nudge.vocabulary.Catalog catalog;
` + rules.pairs.map(p => `
rule "Pair ${p.id}: ${p.ifSku} brings ${p.suggestSku}"
    @description("Generated from the pair table.")
when
    LineItem( sku == "${p.ifSku}" )
    not LineItem( sku == "${p.suggestSku}" )
    $partner : Product() from catalog.product( "${p.suggestSku}" )
then
    insert( crossSell( $partner, "Often bought together" ) );
end
`).join(''));
}
