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

use super::View;

use crate::catalogue::{CellId, PeriodClass};
use crate::check::{Family, is_exact, run_rules};
use crate::cross::{CrossFamily, CrossFindings, ReportCell, finding, words};
use crate::message::{Language, Words};
use crate::period::Term;
use crate::template::{CellSet, Template};
use crate::unit::Printed;

/// Which derived quarter.
#[derive(Clone, Copy)]
enum Quarter {
    Q2,
    Q4,
}

pub(super) fn check(view: &View, findings: &mut CrossFindings) {
    let template = view.template();
    let flows = flow_counts(view);
    let mut cells = vec![None; template.indicators().len()];
    let mut relevant: Option<Vec<usize>> = None;
    for quarter in [Quarter::Q2, Quarter::Q4] {
        let (later, minus): (Term, &[Term]) = match quarter {
            Quarter::Q2 => (Term::HalfYear, &[Term::Q1]),
            Quarter::Q4 => (Term::Year, &[Term::HalfYear, Term::Q3]),
        };
        let Some(whole) = view.cells(later) else {
            continue;
        };
        let parts: Vec<&[Option<Printed>]> = minus.iter().filter_map(|&t| view.cells(t)).collect();
        if parts.len() != minus.len() {
            continue;
        }
        if !derive(&flows, whole, &parts, &mut cells) {
            continue;
        }
        let absent: CellSet = view.absent(later);
        let relevant = relevant.get_or_insert_with(|| rules_among(template, &flows));
        let found = run_rules(
            template.rules,
            cells.as_slice(),
            &absent,
            relevant.iter().copied(),
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
            let name = match quarter {
                Quarter::Q2 => "q2",
                Quarter::Q4 => "q4",
            };
            let (year, own) = (view.year, single.clone());
            let message = move |language: Language, out: &mut dyn std::fmt::Write| {
                match (quarter, language) {
                    (Quarter::Q2, Language::Vietnamese) => write!(
                        out,
                        "Quý II năm {year} suy ra (báo cáo 6 tháng − báo cáo quý I): "
                    )?,
                    (Quarter::Q2, Language::English) => {
                        write!(out, "Q2 {year} derived (half-year report − Q1 report): ")?;
                    }
                    (Quarter::Q4, Language::Vietnamese) => write!(
                        out,
                        "Quý IV năm {year} suy ra (báo cáo năm − báo cáo 6 tháng − báo cáo quý III): "
                    )?,
                    (Quarter::Q4, Language::English) => write!(
                        out,
                        "Q4 {year} derived (annual report − half-year report − Q3 report): "
                    )?,
                }
                own.write_in(language, out)
            };
            let mut cross = finding(
                format!("derived:{name}:{}", single.rule),
                CrossFamily::Derived,
                single.severity,
                cells,
                words(message),
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

/// The flow counts of the series' template (exact flows, whose
/// differences are exact).
fn flow_counts(view: &View) -> Vec<CellId> {
    view.quantities(PeriodClass::Flow)
        .filter(|&id| is_exact(id))
        .collect()
}

/// The rules of `template` a derived quarter can evaluate: those whose
/// every cell is one of the flow counts `flows`, but the `derivable` notes.
/// A rule that reads anything else (a rate, a stock, a code) reads a value
/// the derived quarter does not know, which is not a blank of the report:
/// it is not evaluated.
fn rules_among(template: &'static Template, flows: &[CellId]) -> Vec<usize> {
    let mut is_flow = vec![false; template.indicators().len()];
    for id in flows {
        if let Some(slot) = is_flow.get_mut(id.index()) {
            *slot = true;
        }
    }
    template
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| {
            rule.family != Family::Derivable
                && rule
                    .cells
                    .iter()
                    .all(|cell| is_flow.get(cell.index()).copied().unwrap_or(false))
        })
        .map(|(index, _)| index)
        .collect()
}

/// The derived quarter, written into `cells` (every other cell blank):
/// `whole − Σ parts` in every flow count of `flows` all of them report,
/// blank where one is blank or the difference is negative; `false` when no
/// flow count can be derived.
fn derive(
    flows: &[CellId],
    whole: &[Option<Printed>],
    parts: &[&[Option<Printed>]],
    cells: &mut [Option<Printed>],
) -> bool {
    cells.fill(None);
    let mut any = false;
    for &id in flows {
        let at = id.index();
        let Some(mut value) = whole.get(at).copied().flatten().map(|v| v.mantissa) else {
            continue;
        };
        let mut complete = true;
        for part in parts {
            match part.get(at).copied().flatten() {
                Some(v) if v.decimals == 0 => {
                    value = value.checked_sub(v.mantissa).unwrap_or(-1);
                }
                _ => complete = false,
            }
        }
        if complete && value >= 0 {
            if let Some(slot) = cells.get_mut(at) {
                *slot = Some(Printed::whole(value));
                any = true;
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::RULES;
    use crate::template::TemplateVersion;

    /// The rules run on derived quarters: flows among flows only.
    #[test]
    fn derived_quarters_run_the_rules_among_flow_counts() {
        let template = TemplateVersion::Bnv581Of2022.template();
        let flows: Vec<CellId> = template
            .indicators()
            .iter()
            .filter(|i| i.period_class() == PeriodClass::Flow && is_exact(i.id))
            .map(|i| i.id)
            .collect();
        let ids: Vec<&str> = rules_among(template, &flows)
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
