//! Plans and codes across a body's reports of a year: `period:plan`,
//! `period:event`, `period:status`.

use super::{View, span};
use crate::catalogue::PeriodClass;
use crate::cross::{
    CrossFamily, CrossFindings, cell_id, finding, number, period_short, report_of, row_capital,
    words,
};
use crate::finding::Severity;
use crate::message::Language;
use crate::period::{Period, Term};
use crate::unit::ValueKind;

pub(super) fn check(view: &View, findings: &mut CrossFindings) {
    for indicator in view.template().indicators() {
        let id = indicator.id;
        match indicator.period_class() {
            PeriodClass::Plan => plan(view, id, findings),
            PeriodClass::Event => event(view, id, findings),
            PeriodClass::Status => status(view, id, findings),
            _ => {}
        }
    }
}

/// A plan row is the same in every report of the year that gives it (a
/// common value within every report's printed precision).
fn plan(view: &View, id: crate::catalogue::CellId, findings: &mut CrossFindings) {
    // Every pair of reports agrees within printed precision (no allocation
    // on this, the usual, path).
    let agree = view.terms().all(|a| {
        view.terms().all(|b| {
            match (
                view.value(a, id).and_then(|v| span(id, v)),
                view.value(b, id).and_then(|v| span(id, v)),
            ) {
                (Some(x), Some(y)) => x.overlaps(y) != Some(false),
                _ => true,
            }
        })
    });
    if agree {
        return;
    }
    let given: Vec<(Term, crate::unit::Printed)> = view
        .terms()
        .filter_map(|t| view.value(t, id).map(|v| (t, v)))
        .collect();
    // The latest report's value against the first's.
    let (first, last) = (given[0], given[given.len() - 1]);
    let mut cells = vec![view.cell(last.0, id)];
    cells.extend(
        given[..given.len() - 1]
            .iter()
            .map(|&(t, _)| view.cell(t, id)),
    );
    let year = view.year;
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        let listed: Vec<String> = given
            .iter()
            .map(|&(t, v)| {
                format!(
                    "{} {}",
                    period_short(Some(Period::new(year, t)), language),
                    number(v.to_decimal(), language)
                )
            })
            .collect();
        write!(
            out,
            "{}: {} ({}); {}",
            row_capital(id, language),
            language.pick(
                "chỉ tiêu kế hoạch năm khác nhau giữa các báo cáo trong năm",
                "the year's plan differs between the reports of the year"
            ),
            listed.join("; "),
            language.pick(
                "kế hoạch có được điều chỉnh không?",
                "was the plan revised?"
            ),
        )
    };
    let mut found = finding(
        format!("period:plan:{}", cell_id(id)),
        CrossFamily::Period,
        Severity::Warning,
        cells,
        words(message),
    );
    if let (Some(reported), Some(computed)) = (span(id, last.1), span(id, first.1)) {
        super::flows::set_numbers(
            &mut found,
            id,
            last.1,
            reported,
            first.1.to_decimal(),
            Some(computed),
        );
    }
    findings.0.push(found);
}

/// Whether a code row says yes or no (`1` yes, `0` no): an event's other
/// codes (a survey's method) say how, not whether.
fn is_yes_no(id: crate::catalogue::CellId) -> bool {
    matches!(id.indicator().kind, ValueKind::Code { legend } if legend.len() == 2 && legend[0].code == 0 && legend[1].code == 1)
}

/// A yes/no event: the year report says 1 when any report of the year said
/// 1 (the year's window contains every other report's).
fn event(view: &View, id: crate::catalogue::CellId, findings: &mut CrossFindings) {
    if !is_yes_no(id) {
        return;
    }
    let later = Term::Year;
    let Some(value) = view.value(later, id) else {
        return;
    };
    if value.mantissa != 0 {
        return;
    }
    let said_yes: Vec<Term> = view
        .terms()
        .filter(|&t| t != later)
        .filter(|&t| view.value(t, id).is_some_and(|v| v.mantissa == 1))
        .collect();
    if said_yes.is_empty() {
        return;
    }
    let mut cells = vec![view.cell(later, id)];
    cells.extend(said_yes.iter().map(|&t| view.cell(t, id)));
    let year = view.year;
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        let names: Vec<String> = said_yes
            .iter()
            .map(|&t| report_of(Some(Period::new(year, t)), language))
            .collect();
        let (id, later) = (
            row_capital(id, language),
            report_of(Some(Period::new(year, later)), language),
        );
        match language {
            Language::Vietnamese => write!(
                out,
                "{id}: {later} ghi 0 (không) nhưng {} ghi 1 (có), mà kỳ báo cáo năm bao gồm các kỳ đó.",
                names.join(" và ")
            ),
            Language::English => write!(
                out,
                "{id}: {later} says 0 (no) but {} said 1 (yes), and the year's report covers their periods.",
                names.join(" and ")
            ),
        }
    };
    let mut found = finding(
        format!("period:event:{}", cell_id(id)),
        CrossFamily::Period,
        Severity::Error,
        cells,
        words(message),
    );
    found.reported = Some(value.to_decimal());
    found.computed = Some(rust_decimal::Decimal::ONE);
    found.imbalance = Some(rust_decimal::Decimal::NEGATIVE_ONE);
    findings.0.push(found);
}

/// A status code does not move back from one report to the next (its
/// codes are in order of progress).
fn status(view: &View, id: crate::catalogue::CellId, findings: &mut CrossFindings) {
    let mut previous: Option<(Term, crate::unit::Printed)> = None;
    for later in view.terms() {
        let Some(after) = view.value(later, id) else {
            continue;
        };
        let Some((earlier, before)) = previous.replace((later, after)) else {
            continue;
        };
        if after.mantissa >= before.mantissa {
            continue;
        }
        let meaning = move |code: i128, language: Language| {
            let ValueKind::Code { legend } = id.indicator().kind else {
                return String::new();
            };
            legend
                .iter()
                .find(|entry| i128::from(entry.code) == code)
                .map_or_else(String::new, |entry| {
                    format!(" ({})", language.pick(entry.label_vi, entry.label_en))
                })
        };
        let (later_period, earlier_period) = (view.period(later), view.period(earlier));
        let message = move |language: Language, out: &mut dyn std::fmt::Write| {
            write!(
                out,
                "{}: {} {} {}{}, {} {} ({}{}); {}",
                row_capital(id, language),
                report_of(Some(later_period), language),
                language.pick("ghi", "says"),
                after.mantissa,
                meaning(after.mantissa, language),
                language.pick("lùi so với", "back from"),
                report_of(Some(earlier_period), language),
                before.mantissa,
                meaning(before.mantissa, language),
                language.pick(
                    "trạng thái thường không lùi.",
                    "a status does not usually move back."
                ),
            )
        };
        let mut found = finding(
            format!("period:status:{}", cell_id(id)),
            CrossFamily::Period,
            Severity::Warning,
            vec![view.cell(later, id), view.cell(earlier, id)],
            words(message),
        );
        found.reported = Some(after.to_decimal());
        found.computed = Some(before.to_decimal());
        found.imbalance = after.to_decimal().checked_sub(before.to_decimal());
        findings.0.push(found);
    }
}
