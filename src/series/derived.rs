//! Derived quarters: Q2 = half-year − Q1 and Q4 = year − half-year − Q3 for
//! every flow count, and every rule of a single report run on them
//! (`derived:q2:RULE`, `derived:q4:RULE`).
//!
//! A derived quarter holds only the flow counts (exact, so their
//! differences are exact); every other row is blank, so a rule that reads a
//! rate, a stock or a code is not evaluated on it. The `derivable` notes
//! are left out (a derived quarter's rates are blank by construction). A
//! derived count below zero is left blank: the `period:flow` finding
//! reports it, once. A finding names each of its cells in every report the
//! derived value came from, with that report's period.

use super::{View, quantities};
use std::sync::OnceLock;

use crate::catalogue::{CELL_COUNT, CellId, PeriodClass};
use crate::check::{Family, is_exact, run_rules};
use crate::cross::{CrossFamily, CrossFindings, ReportCell, finding};
use crate::report::{Cells, TemplateVersion, Term};
use crate::template::CellSet;
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
        let found = if template.version == TemplateVersion::Bnv581Of2022 {
            run_rules(template, &cells, &absent, relevant().iter().copied())
        } else {
            let every = template.rules.iter().enumerate();
            let positions = every.filter(|(_, rule)| rule.family != Family::Derivable);
            run_rules(template, &cells, &absent, positions.map(|(at, _)| at))
        };
        for single in &found {
            let mut from = vec![later];
            from.extend_from_slice(minus);
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

/// The rules of the 581 table that can fire on a derived quarter: those
/// reading a flow count (every other cell is blank there), but the
/// `derivable` notes; listed once.
fn relevant() -> &'static [usize] {
    static RELEVANT: OnceLock<Vec<usize>> = OnceLock::new();
    RELEVANT.get_or_init(|| {
        let flows: Vec<CellId> = quantities(PeriodClass::Flow)
            .filter(|&id| is_exact(id))
            .collect();
        crate::check::RULES
            .iter()
            .enumerate()
            .filter(|(_, rule)| {
                rule.family != Family::Derivable
                    && rule.cells.iter().any(|cell| flows.contains(cell))
            })
            .map(|(index, _)| index)
            .collect()
    })
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
