//! Derived quarters: Q2 = half-year − Q1 and Q4 = year − half-year − Q3 for
//! every flow count, and every rule of a single report run on them
//! (`derived:q2:RULE`, `derived:q4:RULE`).
//!
//! A derived quarter holds only the flow counts (exact, so their
//! differences are exact); every other value of the quarter is unknown, so
//! the rules run on it are those whose every cell is a flow count (sums,
//! parts, implications among flows): a rule that reads a rate, a stock or a
//! code is not evaluated, as for a blank. The `derivable` notes are left
//! out. A
//! derived count below zero is left blank: the `period:flow` finding
//! reports it, once. A rule that one of the reports the quarter comes from
//! breaks on its own cells is that report's finding, not the quarter's: it
//! is not repeated as `derived:…`. A finding names each of its cells in every report the
//! derived value came from, with that report's period.

use super::{View, quantities};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::bnv581::CELL_COUNT;
use crate::bnv581::Cells;
use crate::catalogue::{CellId, PeriodClass};
use crate::check::{Family, is_exact, run_rules};
use crate::cross::{CrossFamily, CrossFindings, ReportCell, finding};
use crate::period::Term;
use crate::template::TemplateVersion;
use crate::template::{CellSet, Template};
use crate::unit::Printed;

/// Which derived quarter.
#[derive(Clone, Copy)]
enum Quarter {
    Q2,
    Q4,
}

pub(super) fn check(view: &View<'_>, findings: &mut CrossFindings) {
    let mut cells = Cells([None; CELL_COUNT]);
    for quarter in [Quarter::Q2, Quarter::Q4] {
        let (later, minus): (Term, &[Term]) = match quarter {
            Quarter::Q2 => (Term::HalfYear, &[Term::Q1]),
            Quarter::Q4 => (Term::Year, &[Term::HalfYear, Term::Q3]),
        };
        let Some(whole) = view.cells(later) else {
            continue;
        };
        let parts: Vec<&Cells> = minus.iter().filter_map(|&t| view.cells(t)).collect();
        if parts.len() != minus.len() {
            continue;
        }
        if !derive(whole, &parts, &mut cells) {
            continue;
        }
        let template = view.series.template.template();
        let absent: CellSet = view.absent(later);
        let found = run_rules(
            template.rules,
            &cells,
            &absent,
            relevant(template).iter().copied(),
        );
        let mut from = vec![later];
        from.extend_from_slice(minus);
        for single in &found {
            // A rule that a report the quarter came from breaks on its own
            // cells: the derived quarter only repeats that report's own
            // finding (a year's `sum:2/1` is not a Q4's).
            let repeated = from.iter().any(|&term| {
                view.cells(term).is_some_and(|own| {
                    run_rules(
                        template.rules,
                        own,
                        &view.absent(term),
                        [single.rule.index()],
                    )
                    .iter()
                    .any(|f| f.rule == single.rule)
                })
            });
            if repeated {
                continue;
            }
            let cells: Vec<ReportCell> = single
                .cells
                .iter()
                .flat_map(|&id| from.iter().map(move |&term| (term, id)))
                .map(|(term, id)| view.cell(term, id))
                .collect();
            let (name, prefix_vi, prefix_en) = match quarter {
                Quarter::Q2 => (
                    "q2",
                    format!(
                        "Quý II năm {} suy ra (báo cáo 6 tháng − báo cáo quý I): ",
                        view.series.year
                    ),
                    format!(
                        "Q2 {} derived (half-year report − Q1 report): ",
                        view.series.year
                    ),
                ),
                Quarter::Q4 => (
                    "q4",
                    format!(
                        "Quý IV năm {} suy ra (báo cáo năm − báo cáo 6 tháng − báo cáo quý III): ",
                        view.series.year
                    ),
                    format!(
                        "Q4 {} derived (annual report − half-year report − Q3 report): ",
                        view.series.year
                    ),
                ),
            };
            let mut cross = finding(
                format!("derived:{name}:{}", single.rule),
                CrossFamily::Derived,
                single.severity,
                cells,
                format!("{prefix_vi}{}", single.message_vi()),
                format!("{prefix_en}{}", single.message_en()),
            );
            cross.reported = single.reported;
            cross.reported_interval = single.reported_interval;
            cross.computed = single.computed;
            cross.computed_interval = single.computed_interval;
            cross.imbalance = single.imbalance;
            findings.0.push(cross);
        }
    }
}

/// The rules of `template` a derived quarter can evaluate: those whose
/// every cell is a flow count, but the `derivable` notes. A rule that reads
/// anything else (a rate, a stock, a code) reads a value the derived
/// quarter does not know, which is not a blank of the report: it is not
/// evaluated. Listed once for the 581 template.
fn relevant(template: &'static Template) -> Cow<'static, [usize]> {
    fn of(template: &'static Template) -> Vec<usize> {
        let flows: Vec<CellId> = quantities(PeriodClass::Flow)
            .filter(|&id| is_exact(id))
            .collect();
        template
            .rules
            .iter()
            .enumerate()
            .filter(|(_, rule)| {
                rule.family != Family::Derivable
                    && rule.cells.iter().all(|cell| flows.contains(cell))
            })
            .map(|(index, _)| index)
            .collect()
    }
    static RELEVANT: OnceLock<Vec<usize>> = OnceLock::new();
    if template.version() == TemplateVersion::Bnv581Of2022 {
        Cow::Borrowed(RELEVANT.get_or_init(|| of(template)))
    } else {
        Cow::Owned(of(template))
    }
}

/// The derived quarter, written into `cells` (every other cell blank):
/// `whole − Σ parts` in every flow count all of them report, blank where one
/// is blank or the difference is negative; `false` when no flow count can
/// be derived.
fn derive(whole: &Cells, parts: &[&Cells], cells: &mut Cells) -> bool {
    cells.0.fill(None);
    let mut any = false;
    for id in quantities(PeriodClass::Flow).filter(|&id| is_exact(id)) {
        let Some(mut value) = whole[id].map(|v| v.mantissa) else {
            continue;
        };
        let mut complete = true;
        for part in parts {
            match part[id] {
                Some(v) if v.decimals == 0 => {
                    value = value.checked_sub(v.mantissa).unwrap_or(-1);
                }
                _ => complete = false,
            }
        }
        if complete && value >= 0 {
            cells.0[id.index()] = Some(Printed::whole(value));
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::RULES;

    /// The rules run on derived quarters: flows among flows only.
    #[test]
    fn derived_quarters_run_the_rules_among_flow_counts() {
        let ids: Vec<&str> = relevant(TemplateVersion::Bnv581Of2022.template())
            .iter()
            .map(|&at| RULES[at].id)
            .collect();
        // Dossiers on time at most those resolved; issues handled at most
        // those found; documents by level adding up to the total.
        for id in ["part:3/3.1.2<=3/3.1.1", "part:1/3.3.2<=1/3.3.1", "sum:2/1"] {
            assert!(ids.contains(&id), "{id} in {ids:?}");
        }
        // A rate, a stock, a code: not known for a derived quarter.
        for id in ["ratio:3/3.1", "sum:3/1.4", "derivable:1/2"] {
            assert!(!ids.contains(&id), "{id} in {ids:?}");
        }
        assert!(ids.iter().all(|id| !id.starts_with("conditional:")));
    }
}
