#!/usr/bin/env python3
"""The differential test of the Python consumer: every report of a corpus
(examples/rules_corpus.rs writes it, one {"name", "report", "findings"} a line,
the findings the library's) through cchc_rules.validate, compared finding by
finding with the library's.

    python3 consumers/python/compare_corpus.py CORPUS.jsonl [--show N]

Compared: the set of (rule, severity); for each rule found by both, the
cells, reported, computed, imbalance and both intervals, as numbers (so that
"99.30" equals "99.3"). Each disagreement is printed with its report; the
exit code is 1 if there is any. The speed, reports per second, is printed
last.
"""

import argparse
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cchc_rules import load_catalogue, load_rules, validate  # noqa: E402

NUMBERS = ("reported", "computed", "imbalance")
INTERVALS = ("reported_interval", "computed_interval")


def number(text):
    return None if text is None else Decimal(text)


def interval(value):
    return None if value is None else (Decimal(value["low"]), Decimal(value["high"]))


def differences(ours, theirs):
    """What differs between our findings and the library's, as lines."""
    out = []
    mine = {(f["rule"], f["severity"]) for f in ours}
    library = {(f["rule"], f["severity"]) for f in theirs}
    for rule, severity in sorted(library - mine):
        out.append(f"missing {severity} {rule}")
    for rule, severity in sorted(mine - library):
        out.append(f"extra {severity} {rule}")
    by_rule = {f["rule"]: f for f in theirs}
    for finding in ours:
        other = by_rule.get(finding["rule"])
        if other is None or other["severity"] != finding["severity"]:
            continue
        if finding["cells"] != other["cells"]:
            out.append(f"{finding['rule']}: cells {finding['cells']} != {other['cells']}")
        for field in NUMBERS:
            if number(finding[field]) != number(other[field]):
                out.append(f"{finding['rule']}: {field} {finding[field]} != {other[field]}")
        for field in INTERVALS:
            if interval(finding[field]) != interval(other[field]):
                out.append(f"{finding['rule']}: {field} {finding[field]} != {other[field]}")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--show", type=int, default=5, help="disagreements printed in full")
    args = parser.parse_args(argv)
    rules, catalogue = load_rules(), load_catalogue()
    entries = []
    with open(args.corpus, encoding="utf-8") as file:
        for line in file:
            if line.strip():
                entries.append(json.loads(line))
    disagreements = 0
    start = time.perf_counter()
    results = [validate(entry["report"], rules, catalogue) for entry in entries]
    elapsed = time.perf_counter() - start
    for entry, ours in zip(entries, results):
        lines = differences(ours, entry["findings"])
        if lines:
            disagreements += 1
            if disagreements <= args.show:
                print(f"DISAGREE {entry['name']}:")
                for text in lines:
                    print(f"  {text}")
                print("  report: " + json.dumps(entry["report"], ensure_ascii=False))
            else:
                print(f"DISAGREE {entry['name']}: {'; '.join(lines)}")
    findings = sum(len(entry["findings"]) for entry in entries)
    rate = len(entries) / elapsed if elapsed else float("inf")
    print(
        f"python: {len(entries)} reports ({findings} findings of the library), "
        f"{disagreements} disagreeing; {rate:,.0f} reports/s "
        f"({1000 * elapsed / max(len(entries), 1):.3f} ms a report)"
    )
    return 1 if disagreements or not entries else 0


if __name__ == "__main__":
    sys.exit(main())
