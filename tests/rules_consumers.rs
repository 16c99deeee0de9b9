//! The rules as executable data (`schemas/rules.json`) and the reference
//! consumers that run them (`consumers/python`, `consumers/js`): the roles
//! name exactly the cells a rule reads, each family's blank policy and
//! applicability are what docs/rules.md says, and both consumers (Python 3
//! and Node, which CI has) give the library's findings on the sample and on
//! a report broken at each rule of the table. The large differential test
//! (10,000 reports) is `.ci/rules-consumers.sh`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use cchc_forms::bnv581::RULES;
use cchc_forms::check::{Blank, Window};
use cchc_forms::{Family, schema};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `{"form", "stt"}` object anywhere in `value`.
fn cells_in(value: &Value, out: &mut BTreeSet<(u64, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(form), Some(stt)) = (map.get("form"), map.get("stt")) {
                out.insert((form.as_u64().unwrap(), stt.as_str().unwrap().to_owned()));
            } else {
                map.values().for_each(|child| cells_in(child, out));
            }
        }
        Value::Array(items) => items.iter().for_each(|child| cells_in(child, out)),
        _ => {}
    }
}

#[test]
fn the_roles_of_every_rule_name_exactly_its_cells() {
    let rules = schema::rules_data();
    assert_eq!(rules["format_version"], schema::RULES_FORMAT_VERSION);
    assert_eq!(rules["template"], "581/BNV-CCHC/2022");
    let entries = rules["rules"].as_array().unwrap();
    assert_eq!(entries.len(), RULES.len());
    for (entry, rule) in entries.iter().zip(&RULES) {
        let mut in_roles = BTreeSet::new();
        cells_in(&entry["roles"], &mut in_roles);
        let mut in_cells = BTreeSet::new();
        cells_in(&entry["cells"], &mut in_cells);
        assert_eq!(in_roles, in_cells, "{}", rule.id);
        assert_eq!(in_cells.len(), rule.cells.len(), "{}", rule.id);
    }
}

#[test]
fn the_roles_of_each_family_are_as_docs_rules_md_names_them() {
    let rules = schema::rules_data();
    let find = |id: &str| {
        rules["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|rule| rule["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let cell = |form: u8, stt: &str| serde_json::json!({"form": form, "stt": stt});
    // A rate is 100 × numerator / denominator: the factor is data too.
    let ratio = find("ratio:3/3.1");
    assert_eq!(
        (
            ratio["roles"]["rate"].clone(),
            ratio["roles"]["numerator"].clone(),
            ratio["roles"]["denominator"].clone()
        ),
        (cell(3, "3.1"), cell(3, "3.1.2"), cell(3, "3.1.1"))
    );
    for id in ["ratio:3/3.1", "derivable:1/2", "full:3/3.4"] {
        assert_eq!(find(id)["roles"]["scale"], 100, "{id}");
    }
    assert_eq!(find("share:1/4.2")["roles"].get("scale"), None);
    // 3/1.4 = 1.4.1 + 1.4.2 + 1.4.3: more is a warning, less an error.
    let sum = find("sum:3/1.4");
    assert_eq!(sum["roles"]["total"], cell(3, "1.4"));
    assert_eq!(sum["roles"]["parts"][2], cell(3, "1.4.3"));
    assert_eq!(
        (
            sum["roles"]["above"].as_str(),
            sum["roles"]["below"].as_str()
        ),
        (Some("warning"), Some("error"))
    );
    assert_eq!(sum["blank"], "known_parts");
    // The blank rate of 1/2 takes the bounds [0, 100] of bound:1/2:0..100.
    let derivable = find("derivable:1/2");
    assert_eq!(
        (
            derivable["roles"]["min"].as_i64(),
            derivable["roles"]["max"].as_i64()
        ),
        (Some(0), Some(100))
    );
    assert_eq!(derivable["blank"], "derives");
    let same = find("across:4/1.5==6/2.1");
    assert_eq!(same["roles"]["shape"], "same");
    assert_eq!(
        (
            same["roles"]["left"].clone(),
            same["roles"]["right"].clone()
        ),
        (cell(4, "1.5"), cell(6, "2.1"))
    );
    let implies = find("implies:1/6==1=>1/6.1>=1");
    assert_eq!(
        implies["roles"]["premise"],
        serde_json::json!({"kind": "code", "cells": [cell(1, "6")], "code": 1})
    );
    assert_eq!(implies["roles"]["conclusion"]["kind"], "positive");
    let share = find("share:7/5.1.3");
    assert_eq!(
        share["roles"]["of"],
        serde_json::json!({"reference": "communes"})
    );
    assert_eq!(find("conditional:1/6==0")["blank"], "silent");
    // A district rate applies until 30/06/2025; the rule on a value in a
    // district row is evaluated outside that window.
    let district = find("ratio:3/3.2");
    assert_eq!(
        district["applies"],
        serde_json::json!({"from": null, "until": "2025-06-30", "window": "inside", "levels": null})
    );
    let absent = find("not_applicable:3/3.2");
    assert_eq!(absent["applies"]["window"], "outside");
    assert_eq!(absent["blank"], "passes");
    // The library's own values agree.
    for rule in &RULES {
        let expected = match rule.family {
            Family::Sum | Family::PartWhole => Blank::KnownParts,
            Family::Derivable => Blank::Derives,
            Family::Conditional => Blank::Silent,
            Family::NotApplicable => Blank::Passes,
            Family::Implies => Blank::Condition,
            Family::AcrossForms if rule.id.contains("<=") => Blank::KnownParts,
            _ => Blank::NotEvaluated,
        };
        assert_eq!(rule.check.blank(), expected, "{}", rule.id);
        let window = if rule.family == Family::NotApplicable {
            Window::Outside
        } else {
            Window::Inside
        };
        assert_eq!(rule.applies().window, window, "{}", rule.id);
    }
}

/// Runs a consumer's command line on `report`: its findings and exit code.
fn run(program: &str, script: &str, report: &Path) -> (Value, Option<i32>) {
    let output = Command::new(program)
        .arg(root().join(script))
        .arg(report)
        .output()
        .unwrap_or_else(|error| panic!("{program} (CI has it): {error}"));
    let findings = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{program} {script}: {error}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (findings, output.status.code())
}

const CONSUMERS: [(&str, &str); 2] = [
    ("python3", "consumers/python/cchc_rules.py"),
    ("node", "consumers/js/cchc-rules.mjs"),
];

#[test]
fn both_consumers_give_the_samples_findings() {
    // The four findings of the Bắc Giang sample (docs/rules.md, worked by
    // hand): 1.486 + 255 + 155 = 1.896, not 1.902; 40 / 56 = 71,43 %;
    // 6.832.000 / 8.007.000 = 85,33 %; 858 units in form 4, 840 in form 6.
    let sample = root().join("tests/consumers/bac_giang_2023_q3.json");
    let expected = [
        ("derivable:1/2", "info", None, Some("71.43"), None),
        ("derivable:6/1", "info", None, Some("85.33"), None),
        ("sum:3/1.4", "error", Some("1902"), Some("1896"), Some("6")),
        (
            "across:4/1.5==6/2.1",
            "warning",
            Some("858"),
            Some("840"),
            Some("18"),
        ),
    ];
    for (program, script) in CONSUMERS {
        let (findings, code) = run(program, script, &sample);
        let got: Vec<_> = findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap(),
                    f["severity"].as_str().unwrap(),
                    f["reported"].as_str(),
                    f["computed"].as_str(),
                    f["imbalance"].as_str(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{program}");
        assert_eq!(
            findings[2]["cells"].as_array().map(Vec::len),
            Some(4),
            "{program}"
        );
        assert_eq!(code, Some(1), "{program}: an error was found");
    }
}

#[cfg(feature = "proptest")]
#[test]
fn both_consumers_agree_with_the_library_on_a_report_broken_at_each_rule() {
    use cchc_forms::strategies::{Invariant, broken_report, valid_report};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    use std::io::Write;

    let mut runner = TestRunner::deterministic();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rules_consumers");
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("broken_at_each_rule.jsonl");
    let mut out = std::fs::File::create(&corpus).unwrap();
    let mut line = |name: String, report: &cchc_forms::Report| {
        let entry =
            serde_json::json!({"name": name, "report": report, "findings": report.validate()});
        writeln!(out, "{entry}").unwrap();
    };
    for invariant in Invariant::all() {
        let report = broken_report(invariant)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        // The report breaks its rule (the strategy's promise), so the
        // consumers have something to find.
        assert!(
            report
                .validate()
                .iter()
                .any(|f| f.rule == invariant.rule().id),
            "{invariant}"
        );
        line(format!("broken at {invariant}"), &report);
    }
    for index in 0..50 {
        line(
            format!("valid #{index}"),
            &valid_report().new_tree(&mut runner).unwrap().current(),
        );
    }
    drop(out);
    for (program, script) in [
        ("python3", "consumers/python/compare_corpus.py"),
        ("node", "consumers/js/compare-corpus.mjs"),
    ] {
        let output = Command::new(program)
            .arg(root().join(script))
            .arg(&corpus)
            .output()
            .unwrap_or_else(|error| panic!("{program} (CI has it): {error}"));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{program} disagrees with the library:\n{text}"
        );
        assert!(
            text.contains(&format!("{} reports", RULES.len() + 50)),
            "{text}"
        );
        assert!(text.contains(" 0 disagreeing"), "{text}");
    }
}
