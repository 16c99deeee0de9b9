// The differential test of the JavaScript consumer: every report of a corpus
// (examples/rules_corpus.rs writes it, one {"name", "report", "findings"} a
// line, the findings the library's) through validate, compared finding by
// finding with the library's.
//
//   node consumers/js/compare-corpus.mjs CORPUS.jsonl [--show N]
//
// Compared: the set of (rule, severity); for each rule found by both, the
// cells, reported, computed, imbalance and both intervals, as numbers (so
// that "99.30" equals "99.3"). Each disagreement is printed with its report;
// the exit code is 1 if there is any. The speed, reports per second and
// milliseconds a report, is printed last.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseJson, validate } from "./cchc-rules.mjs";

const schemas = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../schemas/${name}`, import.meta.url)), "utf8"));

/** A decimal string as a canonical text (no trailing zeros, no "-0"), null for null. */
function canonical(text) {
  if (text === null || text === undefined) return null;
  let [whole, fraction = ""] = String(text).split(".");
  fraction = fraction.replace(/0+$/, "");
  const negative = whole.startsWith("-");
  whole = whole.replace("-", "").replace(/^0+(?=\d)/, "");
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== "0" ? `-${body}` : body;
}

const interval = (value) => (value ? `${canonical(value.low)}..${canonical(value.high)}` : null);

/** What differs between our findings and the library's, as lines. */
function differences(ours, theirs) {
  const out = [];
  const key = (f) => `${f.severity} ${f.rule}`;
  const mine = new Set(ours.map(key));
  const library = new Set(theirs.map(key));
  for (const k of [...library].filter((k) => !mine.has(k)).sort()) out.push(`missing ${k}`);
  for (const k of [...mine].filter((k) => !library.has(k)).sort()) out.push(`extra ${k}`);
  const byRule = new Map(theirs.map((f) => [f.rule, f]));
  for (const f of ours) {
    const other = byRule.get(f.rule);
    if (!other || other.severity !== f.severity) continue;
    if (JSON.stringify(f.cells) !== JSON.stringify(other.cells)) {
      out.push(`${f.rule}: cells ${JSON.stringify(f.cells)} != ${JSON.stringify(other.cells)}`);
    }
    for (const field of ["reported", "computed", "imbalance"]) {
      if (canonical(f[field]) !== canonical(other[field])) out.push(`${f.rule}: ${field} ${f[field]} != ${other[field]}`);
    }
    for (const field of ["reported_interval", "computed_interval"]) {
      if (interval(f[field]) !== interval(other[field])) {
        out.push(`${f.rule}: ${field} ${JSON.stringify(f[field])} != ${JSON.stringify(other[field])}`);
      }
    }
  }
  return out;
}

const args = process.argv.slice(2);
const showAt = args.indexOf("--show");
const show = showAt >= 0 ? Number(args.splice(showAt, 2)[1]) : 5;
if (args.length !== 1) {
  process.stderr.write("usage: node compare-corpus.mjs CORPUS.jsonl [--show N]\n");
  process.exit(2);
}
const rules = schemas("rules.json");
const catalogue = schemas("catalogue.json");
const entries = readFileSync(args[0], "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map(parseJson);
const start = performance.now();
const results = entries.map((entry) => validate(entry.report, rules, catalogue));
const elapsed = (performance.now() - start) / 1000;
let disagreements = 0;
let findings = 0;
entries.forEach((entry, index) => {
  findings += entry.findings.length;
  const lines = differences(results[index], entry.findings);
  if (lines.length === 0) return;
  disagreements += 1;
  if (disagreements <= show) {
    console.log(`DISAGREE ${entry.name}:`);
    for (const line of lines) console.log(`  ${line}`);
    console.log(`  report: ${JSON.stringify(entry.report, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  } else {
    console.log(`DISAGREE ${entry.name}: ${lines.join("; ")}`);
  }
});
const rate = entries.length / elapsed;
console.log(
  `node: ${entries.length} reports (${findings} findings of the library), ${disagreements} disagreeing; ` +
    `${Math.round(rate).toLocaleString("en")} reports/s (${((1000 * elapsed) / Math.max(entries.length, 1)).toFixed(3)} ms a report)`,
);
process.exitCode = disagreements > 0 || entries.length === 0 ? 1 : 0;
