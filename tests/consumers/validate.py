"""Validates documents against the checked-in JSON Schemas with Python jsonschema.

Run by .ci/consumers.sh (which installs jsonschema first); prints one PASS or
FAIL line per check and exits 1 if any check failed. The same documents go
through the Rust library in tests/schemas.rs, and cases.json says what each
one must get from the schemas ("schema") and from the library ("library").
"""

import importlib.metadata
import json
import pathlib
import sys

import jsonschema
from jsonschema import Draft202012Validator

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMAS = ROOT / "schemas"

failures = 0
passes = 0


def check(ok, what, detail=""):
    global failures, passes
    if ok:
        passes += 1
        print(f"PASS python: {what}")
    else:
        failures += 1
        print(f"FAIL python: {what}" + (f"\n    {detail}" if detail else ""))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(name):
    schema = load(SCHEMAS / name)
    try:
        Draft202012Validator.check_schema(schema)
        check(True, f"{name} is a valid draft 2020-12 schema")
    except jsonschema.exceptions.SchemaError as error:
        check(False, f"{name} is a valid draft 2020-12 schema", error.message)
    return schema, Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def pointer(error):
    return "".join(f"/{part}" for part in error.absolute_path)


def errors_of(validator_, document):
    return sorted(validator_.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))


def describe(errors):
    return "; ".join(f"{pointer(e) or '/'}: {e.message}" for e in errors[:5])


report_schema, report = validator("report.schema.json")
_, finding = validator("finding.schema.json")
_, findings = validator("findings.schema.json")
_, rules = validator("rules.schema.json")

# The Bắc Giang sample and its findings, as the library writes them.
sample = load(HERE / "bac_giang_2023_q3.json")
errors = errors_of(report, sample)
check(not errors, "the Bắc Giang Q3/2023 report is valid against report.schema.json", describe(errors))
sample_findings = load(HERE / "bac_giang_2023_q3.findings.json")
errors = errors_of(findings, sample_findings)
check(
    not errors and len(sample_findings) > 0,
    f"its {len(sample_findings)} findings are valid against findings.schema.json",
    describe(errors),
)
bad_findings = [f["rule"] for f in sample_findings if list(finding.iter_errors(f))]
check(not bad_findings, "each finding is valid against finding.schema.json", ", ".join(bad_findings))

# The rule table, and the copy the report schema carries.
rule_document = load(SCHEMAS / "rules.json")
rule_list = rule_document["rules"]
errors = errors_of(rules, rule_document)
check(not errors, f"rules.json ({len(rule_list)} rules) is valid against rules.schema.json", describe(errors))
check(
    report_schema.get("x-invariants") == rule_list,
    "report.schema.json carries the rules of rules.json in x-invariants",
)

# The documents of cases.json: each must get the verdict it expects, and a
# rejection must be for the expected reason (every error at or under "at").
cases = load(HERE / "cases.json")
listed = {str(path.relative_to(HERE)) for d in ("good", "bad", "differ") for path in (HERE / d).glob("*.json")}
check(listed == set(cases), "cases.json lists exactly the documents of good/, bad/ and differ/",
      f"unlisted: {sorted(listed - set(cases))}, missing: {sorted(set(cases) - listed)}")
for name, case in cases.items():
    document = load(HERE / name)
    errors = errors_of(report, document)
    if case["schema"]:
        check(not errors, f"accepts {name} ({case['why']})", describe(errors))
    else:
        at = case["at"]
        misplaced = [e for e in errors if not (pointer(e) == at or pointer(e).startswith(at + "/"))]
        check(
            errors and not misplaced,
            f"rejects {name} at {at or '/'} ({case['why']})",
            describe(misplaced) if errors else "accepted",
        )

print(f"python jsonschema {importlib.metadata.version('jsonschema')}: {passes} passed, {failures} failed")
sys.exit(1 if failures else 0)
