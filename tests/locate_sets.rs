//! Localisation suggests values per set: every minimal set carries the
//! value each of its cells takes *in that set*, and applying any listed set
//! with its values leaves no error, on the library's sets and on the
//! command line's JSON (`locate.sets[i][j].suggested`) alike. Checked as a
//! property over reports broken at one chosen rule and over random
//! corruptions of valid reports, and on the sample.

mod command_line;

use cchc_forms::catalogue::CellId;
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Decimal, Localisation, Report, samples};
use proptest::prelude::*;

/// A value as the JSON prints it (`"1896"`, `"99.30"`, `null`), read back.
fn printed(json: &serde_json::Value) -> Option<Printed> {
    let text = json.as_str()?;
    let value: Decimal = text.parse().expect("a decimal");
    Some(Printed {
        mantissa: value.mantissa(),
        decimals: value.scale(),
    })
}

/// The report with the JSON set's values.
fn apply_json(report: &Report, set: &serde_json::Value) -> Report {
    let mut repaired = report.clone();
    for cell in set.as_array().expect("a set is an array of cells") {
        let form = u8::try_from(cell["form"].as_u64().unwrap()).unwrap();
        let id = CellId::find(form, cell["stt"].as_str().unwrap()).expect("a cell");
        repaired
            .set_cell(id, printed(&cell["suggested"]))
            .expect("the suggested value fits its cell");
    }
    repaired
}

/// Every set repairs the report, by its own values and as its JSON says;
/// a count's suggestion is a whole count.
fn every_set_repairs(report: &Report, located: &Localisation) -> Result<(), TestCaseError> {
    let json = serde_json::to_value(located).unwrap();
    let sets = json["sets"].as_array().unwrap();
    prop_assert_eq!(sets.len(), located.sets.len());
    for (set, json_set) in located.sets.iter().zip(sets) {
        let left = set.apply(report).validate();
        prop_assert!(
            !left.has_errors(),
            "{:?} leaves {:?}",
            set.cells,
            left.iter().map(|f| f.rule.to_string()).collect::<Vec<_>>()
        );
        prop_assert!(!apply_json(report, json_set).validate().has_errors());
        let cells = json_set.as_array().unwrap();
        prop_assert_eq!(cells.len(), set.repairs.len());
        for (repair, cell) in set.repairs.iter().zip(cells) {
            prop_assert_eq!(
                printed(&cell["suggested"]).map(Printed::to_decimal),
                repair.value().map(Printed::to_decimal)
            );
            prop_assert_eq!(
                printed(&cell["reported"]).map(Printed::to_decimal),
                Some(repair.reported.to_decimal())
            );
            if repair.cell.indicator().kind == ValueKind::Count {
                prop_assert_eq!(repair.suggested.decimals, 0);
                prop_assert!(repair.suggested.mantissa >= 0);
            }
        }
    }
    Ok(())
}

#[test]
fn each_of_the_samples_sets_repairs_it_with_its_own_values() {
    let report = samples::bac_giang_2023_q3();
    let located = report.locate();
    assert_eq!(located.sets.len(), 4);
    every_set_repairs(&report, &located).unwrap();
}

#[test]
fn sets_of_two_cells_carry_the_values_of_that_set() {
    // The sample's 1.4 error, and 3/3.1.1 typed 45.106 (for 54.106): the
    // sets combine one cell of each group, each with its own values. A
    // cell in several sets takes in each the value that set needs.
    let mut report = samples::bac_giang_2023_q3();
    report
        .set_cell(CellId::of(3, "3.1.1"), Some(Printed::whole(45_106)))
        .unwrap();
    let located = report.locate();
    assert!(located.sets.len() > 1);
    assert!(located.sets.iter().all(|set| set.cells.len() >= 2));
    every_set_repairs(&report, &located).unwrap();
}

/// The properties over the crate's strategies (feature `proptest`).
#[cfg(feature = "proptest")]
mod properties {
    use super::every_set_repairs;
    use cchc_forms::Report;
    use cchc_forms::bnv581::CATALOGUE;
    use cchc_forms::strategies::{any_broken_report, valid_report};
    use cchc_forms::unit::{Printed, ValueKind};
    use proptest::prelude::*;

    /// Any cell set to a value of its type near its own, or any value.
    fn corrupt(report: &mut Report, picks: &[(prop::sample::Index, i128, bool)]) {
        for (index, step, wild) in picks {
            let indicator = index.get(&CATALOGUE);
            let id = indicator.id;
            let current = report.cell(id).unwrap_or(Printed::whole(0));
            let value = match indicator.kind {
                ValueKind::Code { legend } => {
                    let codes: Vec<i128> = legend.iter().map(|c| i128::from(c.code)).collect();
                    Printed::whole(codes[step.unsigned_abs() as usize % codes.len()])
                }
                ValueKind::Count if *wild => Printed::whole(step.abs() * 1_000),
                ValueKind::Count => Printed::whole((current.mantissa + step).max(0)),
                _ if *wild => Printed {
                    mantissa: step * 37,
                    decimals: 1,
                },
                _ => Printed {
                    mantissa: current.mantissa + step,
                    ..current
                },
            };
            let _ = report.set_cell(id, Some(value));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// A report broken at one chosen rule: every listed set, applied with
        /// its own values, leaves no error.
        #[test]
        fn broken_at_one_rule((_, report) in any_broken_report()) {
            let located = report.locate();
            if report.validate().has_errors() && located.unrepairable.is_empty() {
                prop_assert!(!located.sets.is_empty());
            }
            every_set_repairs(&report, &located)?;
        }

        /// Random corruptions of a valid report, one to four cells, near or
        /// wild: the same.
        #[test]
        fn randomly_corrupted(
            report in valid_report(),
            picks in prop::collection::vec((any::<prop::sample::Index>(), -60_i128..60, any::<bool>()), 1..=4),
        ) {
            let mut broken = report;
            corrupt(&mut broken, &picks);
            let located = broken.locate();
            every_set_repairs(&broken, &located)?;
        }
    }
}

#[test]
fn the_command_line_json_sets_each_repair_the_report() {
    // The sample and the sample with 3/3.1.1 mistyped, through
    // `validate --json --locate FILE`: applying every set of the JSON
    // leaves no error.
    let mut mistyped = samples::bac_giang_2023_q3();
    mistyped
        .set_cell(CellId::of(3, "3.1.1"), Some(Printed::whole(45_106)))
        .unwrap();
    let dir = std::env::temp_dir().join(format!("cchc-forms-locate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, report) in [
        ("sample", samples::bac_giang_2023_q3()),
        ("mistyped", mistyped),
    ] {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_string(&report).unwrap()).unwrap();
        let output = command_line::run(&["--json", "--locate", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let sets = json["locate"]["sets"].as_array().unwrap();
        assert!(!sets.is_empty());
        for set in sets {
            for cell in set.as_array().unwrap() {
                assert!(cell.get("suggested").is_some(), "{cell}");
            }
            let left = apply_json(&report, set).validate();
            assert!(!left.has_errors(), "{name}: {set} leaves {left:?}");
        }
        // The table: change one set, each with its values.
        let output = command_line::run(&["--locate", path.to_str().unwrap()]);
        let table = String::from_utf8(output.stdout).unwrap();
        assert!(
            table.contains(&format!(
                "Change ONE of these sets of cells (most likely first): {}",
                sets.len()
            )),
            "{table}"
        );
        assert!(table.contains("  Bộ/Set 1:\n"), "{table}");
    }
}
