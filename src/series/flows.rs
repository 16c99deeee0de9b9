//! Flows and cumulatives across a body's reports: `period:flow`,
//! `period:distinct_flow`, `period:cumulative`, `period:since_start`.

use rust_decimal::Decimal;

use super::{View, span};
use crate::catalogue::{CellId, PeriodClass};
use crate::check::interval::Span;
use crate::check::is_exact;
use crate::cross::{
    CrossFamily, CrossFindings, cell_id, computed, finding, number, report_of, row_capital, words,
};
use crate::finding::Severity;
use crate::message::Language;
use crate::period::{CalendarDate, Period, Term};
use crate::unit::Printed;

/// The other reports of the year whose windows (the template's) lie inside
/// `later`'s, but those inside another of them: under both the
/// administrative and the calendar windows, the half-year holds Q1; the
/// year holds the half-year and Q3, or without a half-year report Q1 and
/// Q3. In term order.
fn within(view: &View, later: Term) -> [Option<Term>; 3] {
    let (from, to) = view.window(later);
    let inside = |outer: (CalendarDate, CalendarDate), inner: (CalendarDate, CalendarDate)| {
        outer.0 <= inner.0 && inner.1 <= outer.1
    };
    let candidate = |term: Term| {
        term != later && view.cells(term).is_some() && inside((from, to), view.window(term))
    };
    let mut found = [None; 3];
    let widest = view
        .terms()
        .filter(|&term| candidate(term))
        .filter(|&term| {
            // Not inside another candidate.
            !view.terms().any(|other| {
                other != term && candidate(other) && inside(view.window(other), view.window(term))
            })
        });
    for (slot, term) in found.iter_mut().zip(widest) {
        *slot = Some(term);
    }
    found
}

/// The earlier reports of a year whose windows lie inside `later`'s and do
/// not overlap one another, whose flows add up to at most `later`'s (see
/// [`within`]).
fn inside(view: &View, later: Term) -> [Option<Term>; 3] {
    let mut kept = [None; 3];
    let mut at = 0;
    for term in within(view, later).into_iter().flatten() {
        let (from, to) = view.window(term);
        let overlaps = kept.iter().flatten().any(|&other: &Term| {
            let (other_from, other_to) = view.window(other);
            from <= other_to && other_from <= to
        });
        if !overlaps {
            kept[at] = Some(term);
            at += 1;
        }
    }
    kept
}

pub(super) fn check(view: &View, findings: &mut CrossFindings) {
    for id in view.quantities(PeriodClass::Flow) {
        for later in [Term::HalfYear, Term::Year] {
            flow(view, id, later, findings);
        }
    }
    for id in view.quantities(PeriodClass::DistinctFlow) {
        for later in [Term::HalfYear, Term::Year] {
            distinct(view, id, later, findings);
        }
    }
    for (class, name) in [
        (PeriodClass::CumulativeInYear, "cumulative"),
        (PeriodClass::CumulativeSinceStart, "since_start"),
    ] {
        for id in view.quantities(class) {
            let mut previous: Option<(Term, Printed)> = None;
            for later in view.terms() {
                let Some(b) = view.value(later, id) else {
                    continue;
                };
                if let Some((earlier, a)) = previous {
                    never_falls(name, id, (view, earlier, a), (view, later, b), findings);
                }
                previous = Some((later, b));
            }
        }
    }
}

/// A cumulative since the start, from the last report of one year of a
/// body to the first report of a later year.
pub(super) fn across_years(earlier: &View, later: &View, findings: &mut CrossFindings) {
    for id in earlier.quantities(PeriodClass::CumulativeSinceStart) {
        let last = earlier
            .terms()
            .filter(|&t| earlier.value(t, id).is_some())
            .last();
        let first = later.terms().find(|&t| later.value(t, id).is_some());
        if let (Some(last), Some(first)) = (last, first) {
            if let (Some(a), Some(b)) = (earlier.value(last, id), later.value(first, id)) {
                never_falls(
                    "since_start",
                    id,
                    (earlier, last, a),
                    (later, first, b),
                    findings,
                );
            }
        }
    }
}

/// `later ≥ earlier` for a cumulative, within printed precision.
fn never_falls(
    name: &str,
    id: CellId,
    (earlier_view, earlier_term, earlier): (&View, Term, Printed),
    (later_view, later_term, later): (&View, Term, Printed),
    findings: &mut CrossFindings,
) {
    if earlier.decimals == 0 && later.decimals == 0 && earlier.mantissa <= later.mantissa {
        // Whole numbers that do not fall (exact or not, the intervals meet).
        return;
    }
    let (Some(a), Some(b)) = (span(id, earlier), span(id, later)) else {
        return;
    };
    // Consistent when some value of the earlier interval is at most some
    // value of the later one.
    if a.can_be_at_most(b) != Some(false) {
        return;
    }
    let (earlier_period, later_period) = (
        earlier_view.period(earlier_term),
        later_view.period(later_term),
    );
    let (earlier_cell, later_cell) = (
        earlier_view.cell(earlier_term, id),
        later_view.cell(later_term, id),
    );
    let severity = if id.indicator().printed_cumulative() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let (b_dec, a_dec) = (later.to_decimal(), earlier.to_decimal());
    let printed = if id.indicator().printed_cumulative() {
        (
            " (chỉ tiêu lũy kế)",
            " (a cumulative figure, printed \"Lũy kế\")",
        )
    } else {
        (
            " (số lũy kế trong năm, có thể do ước tính được điều chỉnh)",
            " (cumulative in fact; an estimate may have been revised)",
        )
    };
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        write!(
            out,
            "{}: {} {} {}, {} {} ({}){}: {}",
            row_capital(id, language),
            report_of(Some(later_period), language),
            language.pick("ghi", "says"),
            number(b_dec, language),
            language.pick("thấp hơn", "lower than"),
            report_of(Some(earlier_period), language),
            number(a_dec, language),
            language.pick(printed.0, printed.1),
            language.pick(
                "số lũy kế không thể giảm.",
                "a cumulative figure cannot fall."
            ),
        )
    };
    let mut found = finding(
        format!("period:{name}:{}", cell_id(id)),
        CrossFamily::Period,
        severity,
        vec![later_cell, earlier_cell],
        words(message),
    );
    set_numbers(&mut found, id, later, b, a_dec, Some(a));
    findings.0.push(found);
}

/// The numbers of a finding: the reported value and its interval, the
/// computed value (and interval when not exact), the imbalance.
pub(super) fn set_numbers(
    found: &mut crate::cross::CrossFinding,
    id: CellId,
    reported: Printed,
    reported_span: Span,
    computed_value: Decimal,
    computed_span: Option<Span>,
) {
    let exact = crate::check::is_exact(id);
    found.reported = Some(reported.to_decimal());
    found.reported_interval = if exact {
        None
    } else {
        reported_span.to_interval()
    };
    found.computed = Some(computed_value);
    found.computed_interval = if exact {
        None
    } else {
        computed_span.and_then(Span::to_interval)
    };
    found.imbalance = reported.to_decimal().checked_sub(computed_value);
}

/// A flow: the later report at least the flows of the earlier ones inside
/// its window.
fn flow(view: &View, id: CellId, later: Term, findings: &mut CrossFindings) {
    let Some(value) = view.value(later, id) else {
        return;
    };
    let inside = inside(view, later);
    let given = inside.map(|t| t.and_then(|t| view.value(t, id).map(|v| (t, v))));
    if given.iter().all(Option::is_none) {
        return;
    }
    // Counts, the usual case: whole numbers compared exactly, directly.
    if is_exact(id) && value.decimals == 0 {
        let parts = given.iter().flatten().try_fold(0_i128, |sum, &(_, v)| {
            (v.decimals == 0)
                .then(|| sum.checked_add(v.mantissa))
                .flatten()
        });
        if parts.is_some_and(|parts| parts <= value.mantissa) {
            return;
        }
    }
    let spans = given.map(|part| part.and_then(|(_, v)| span(id, v)));
    let (Some(whole), Some(sum)) = (span(id, value), Span::sum(spans.iter().flatten().copied()))
    else {
        return;
    };
    if sum.can_be_at_most(whole) != Some(false) {
        return;
    }
    let parts: Vec<(Term, Printed)> = given.into_iter().flatten().collect();
    let total: Decimal = parts
        .iter()
        .map(|&(_, v)| v.to_decimal())
        .fold(Decimal::ZERO, |acc, v| acc.checked_add(v).unwrap_or(acc));
    let value_dec = value.to_decimal();
    let derived = value_dec.checked_sub(total).unwrap_or_default();
    let (quarter_vi, quarter_en) = match later {
        Term::HalfYear => ("quý II", "the derived Q2"),
        _ if parts.len() == 2 && parts[0].0 == Term::HalfYear => ("quý IV", "the derived Q4"),
        _ => ("phần còn lại của năm", "the rest of the year (derived)"),
    };
    let mut cells = vec![view.cell(later, id)];
    cells.extend(parts.iter().map(|&(t, _)| view.cell(t, id)));
    let year = view.year;
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        let names: Vec<String> = parts
            .iter()
            .map(|&(t, v)| {
                format!(
                    "{} ({})",
                    report_of(Some(Period::new(year, t)), language),
                    number(v.to_decimal(), language)
                )
            })
            .collect();
        let terms: Vec<String> = parts
            .iter()
            .map(|&(_, v)| number(v.to_decimal(), language))
            .collect();
        let (later, value) = (
            report_of(Some(Period::new(year, later)), language),
            number(value_dec, language),
        );
        let (terms, derived) = (terms.join(" − "), computed(derived, language));
        match language {
            Language::Vietnamese => write!(
                out,
                "{}: {later} ghi {value}, ít hơn {}: số liệu {quarter_vi} suy ra = {value} − {terms} = {derived} < 0.",
                row_capital(id, language),
                names.join(" cộng "),
            ),
            Language::English => write!(
                out,
                "{}: {later} says {value}, less than {}: {quarter_en} = {value} − {terms} = {derived} < 0.",
                row_capital(id, language),
                names.join(" plus "),
            ),
        }
    };
    let mut found = finding(
        format!("period:flow:{}", cell_id(id)),
        CrossFamily::Period,
        Severity::Error,
        cells,
        words(message),
    );
    set_numbers(&mut found, id, value, whole, total, Some(sum));
    findings.0.push(found);
}

/// A distinct flow: the later report at least each earlier one inside it.
fn distinct(view: &View, id: CellId, later: Term, findings: &mut CrossFindings) {
    let Some(value) = view.value(later, id) else {
        return;
    };
    let candidates = within(view, later);
    let Some(whole) = span(id, value) else {
        return;
    };
    // The largest earlier value the later one falls below.
    let mut worst: Option<(Term, Printed, Span)> = None;
    for term in candidates.into_iter().flatten() {
        let Some(earlier) = view.value(term, id) else {
            continue;
        };
        let Some(part) = span(id, earlier) else {
            continue;
        };
        if part.can_be_at_most(whole) == Some(false)
            && worst.is_none_or(|(_, v, _)| earlier.to_decimal() > v.to_decimal())
        {
            worst = Some((term, earlier, part));
        }
    }
    let Some((term, earlier, part)) = worst else {
        return;
    };
    let (later_period, earlier_period) = (view.period(later), view.period(term));
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        write!(
            out,
            "{}: {} {} {}, {} {} ({}): {}",
            row_capital(id, language),
            report_of(Some(later_period), language),
            language.pick("ghi", "says"),
            number(value.to_decimal(), language),
            language.pick("ít hơn", "less than"),
            report_of(Some(earlier_period), language),
            number(earlier.to_decimal(), language),
            language.pick(
                "số đơn vị, dịch vụ đếm trong một kỳ không thể ít hơn trong kỳ nằm trong nó.",
                "bodies or services counted over a period cannot be fewer than over a period inside it."
            ),
        )
    };
    let mut found = finding(
        format!("period:distinct_flow:{}", cell_id(id)),
        CrossFamily::Period,
        Severity::Error,
        vec![view.cell(later, id), view.cell(term, id)],
        words(message),
    );
    set_numbers(
        &mut found,
        id,
        value,
        whole,
        earlier.to_decimal(),
        Some(part),
    );
    findings.0.push(found);
}
