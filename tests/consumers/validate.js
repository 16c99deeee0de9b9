// Validates documents against the checked-in JSON Schemas with ajv (draft 2020-12).
//
// Run by .ci/consumers.sh (after `npm ci` here); prints one PASS or FAIL line
// per check and exits 1 if any check failed. The same documents go through
// the Rust library in tests/schemas.rs, and cases.json says what each one
// must get from the schemas ("schema") and from the library ("library").
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const HERE = __dirname;
const SCHEMAS = path.join(HERE, "..", "..", "schemas");

// Strict mode stays on: only the schemas' own extension keywords are allowed.
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
ajv.addVocabulary(["x-form", "x-stt", "x-unit", "x-unit-en", "x-cumulative", "x-period-class", "x-aggregation", "x-legend", "x-invariants", "x-applies-from", "x-applies-until", "x-applies-why", "x-template"]);
addFormats(ajv);

let passes = 0;
let failures = 0;
function check(ok, what, detail) {
  if (ok) {
    passes += 1;
    console.log(`PASS node: ${what}`);
  } else {
    failures += 1;
    console.log(`FAIL node: ${what}` + (detail ? `\n    ${detail}` : ""));
  }
}

const load = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
const describe = (errors) =>
  (errors || []).slice(0, 5).map((e) => `${e.instancePath || "/"}: ${e.message}`).join("; ");

function compile(name) {
  const schema = load(path.join(SCHEMAS, name));
  try {
    const validate = ajv.compile(schema);
    check(true, `${name} compiles in strict mode (a valid draft 2020-12 schema)`);
    return { schema, validate };
  } catch (error) {
    check(false, `${name} compiles in strict mode (a valid draft 2020-12 schema)`, error.message);
    return { schema, validate: () => false };
  }
}

const report = compile("report.schema.json");
const finding = compile("finding.schema.json");
const findings = compile("findings.schema.json");
const rules = compile("rules.schema.json");

// The Bắc Giang sample and its findings, as the library writes them.
const sample = load(path.join(HERE, "bac_giang_2023_q3.json"));
check(report.validate(sample), "the Bắc Giang Q3/2023 report is valid against report.schema.json",
  describe(report.validate.errors));
const sampleFindings = load(path.join(HERE, "bac_giang_2023_q3.findings.json"));
check(findings.validate(sampleFindings) && sampleFindings.length > 0,
  `its ${sampleFindings.length} findings are valid against findings.schema.json`, describe(findings.validate.errors));
const badFindings = sampleFindings.filter((f) => !finding.validate(f)).map((f) => f.rule);
check(badFindings.length === 0, "each finding is valid against finding.schema.json", badFindings.join(", "));

// The rule table, and the copy the report schema carries.
const ruleDocument = load(path.join(SCHEMAS, "rules.json"));
const ruleList = ruleDocument.rules;
check(rules.validate(ruleDocument), `rules.json (${ruleList.length} rules) is valid against rules.schema.json`,
  describe(rules.validate.errors));
check(JSON.stringify(report.schema["x-invariants"]) === JSON.stringify(ruleList),
  "report.schema.json carries the rules of rules.json in x-invariants");

// The documents of cases.json: each must get the verdict it expects, and a
// rejection must be for the expected reason (every error at or under "at").
const cases = load(path.join(HERE, "cases.json"));
const listed = ["good", "bad", "differ"].flatMap((dir) =>
  fs.readdirSync(path.join(HERE, dir)).filter((f) => f.endsWith(".json")).map((f) => `${dir}/${f}`));
const names = Object.keys(cases);
check(listed.length === names.length && listed.every((name) => name in cases),
  "cases.json lists exactly the documents of good/, bad/ and differ/",
  `listed: ${listed.filter((n) => !(n in cases))}, missing: ${names.filter((n) => !listed.includes(n))}`);
for (const [name, expected] of Object.entries(cases)) {
  const document = load(path.join(HERE, name));
  const valid = report.validate(document);
  const errors = report.validate.errors || [];
  if (expected.schema) {
    check(valid, `accepts ${name} (${expected.why})`, describe(errors));
  } else {
    const at = expected.at;
    const misplaced = errors.filter((e) => !(e.instancePath === at || e.instancePath.startsWith(`${at}/`)));
    check(!valid && misplaced.length === 0, `rejects ${name} at ${at || "/"} (${expected.why})`,
      valid ? "accepted" : describe(misplaced));
  }
}

console.log(`node ajv ${require("ajv/package.json").version}: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
