//! Stocks across a body's reports: `period:stock` (procedures in force
//! follow from the previous report and the procedures published and
//! abolished in between) and `period:base_2015` (the 2015 base a value and
//! its reduction rate imply is the same in every report of the year).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::View;
use crate::catalogue::CellId;
use crate::check::interval::{Reading, Span, compare_products, pow10};
use crate::cross::{
    CrossFamily, CrossFindings, ReportCell, cell_id, computed, finding, number, period_short,
    report_of, row_capital, words,
};
use crate::finding::Severity;
use crate::message::Language;
use crate::period::{Period, Term};

/// A stock, and the flows that add to and take from it.
struct Stock {
    held: CellId,
    added: CellId,
    removed: CellId,
}

/// Procedures in force (3/1.4): published (3/1.2) add, abolished or
/// replaced (3/1.3) take away.
const STOCKS: [Stock; 1] = [Stock {
    held: CellId::of(3, "1.4"),
    added: CellId::of(3, "1.2"),
    removed: CellId::of(3, "1.3"),
}];

/// A value and the rate of its reduction since 2015.
const BASES: [(CellId, CellId); 3] = [
    (CellId::of(4, "1.5"), CellId::of(4, "1.5.4")),
    (CellId::of(4, "2.1"), CellId::of(4, "2.5")),
    (CellId::of(4, "3.1"), CellId::of(4, "3.4")),
];

/// Whether the series' template has the cells (the stock and base tables
/// are rows of the 581 template; another template's series has none).
fn of_template(view: &View, id: CellId) -> bool {
    std::ptr::eq(id.catalogue(), view.template().catalogue)
}

pub(super) fn check(view: &View, findings: &mut CrossFindings) {
    for stock in STOCKS.iter().filter(|s| of_template(view, s.held)) {
        let mut previous: Option<Term> = None;
        for next in view.terms() {
            if view.value(next, stock.held).is_none() {
                continue;
            }
            if let Some(prev) = previous {
                let flows = |id: CellId| -> Option<(i128, Sources)> {
                    let (to, later) = year_to_date(view, next, id)?;
                    let (from, earlier) = year_to_date(view, prev, id)?;
                    let mut sources = [None; 4];
                    for (slot, term) in sources.iter_mut().zip(unique(later, earlier)) {
                        *slot = Some(term);
                    }
                    Some((to.checked_sub(from)?, sources))
                };
                if let (Some(added), Some(removed)) = (flows(stock.added), flows(stock.removed)) {
                    compare(stock, (view, prev), (view, next), added, removed, findings);
                }
            }
            previous = Some(next);
        }
    }
    for &(value, rate) in BASES.iter().filter(|(value, _)| of_template(view, *value)) {
        bases(view, value, rate, findings);
    }
}

/// The reports a flow in between was read from, in order, each once.
type Sources = [Option<Term>; 4];

/// The terms of `later` then those of `earlier` not already listed.
fn unique(later: &'static [Term], earlier: &'static [Term]) -> impl Iterator<Item = Term> {
    later
        .iter()
        .copied()
        .chain(earlier.iter().copied().filter(move |t| !later.contains(t)))
}

/// Procedures in force at the first report of a year against the previous
/// year's annual report, with the first report's own flows (Q1's window
/// starts the day after the year's ends).
pub(super) fn across_years(earlier: &View, later: &View, findings: &mut CrossFindings) {
    if later.year != earlier.year.saturating_add(1) {
        return;
    }
    for stock in STOCKS.iter().filter(|s| of_template(later, s.held)) {
        let own = |id: CellId| {
            later
                .value(Term::Q1, id)
                .filter(|v| v.decimals == 0)
                .map(|v| (v.mantissa, [Some(Term::Q1), None, None, None]))
        };
        if let (Some(added), Some(removed)) = (own(stock.added), own(stock.removed)) {
            compare(
                stock,
                (earlier, Term::Year),
                (later, Term::Q1),
                added,
                removed,
                findings,
            );
        }
    }
}

/// The flow of a count from the start of the year to the end of `term`'s
/// window, and the reports it reads: the report's own value, but for Q3,
/// the half-year's plus Q3's.
fn year_to_date(view: &View, term: Term, id: CellId) -> Option<(i128, &'static [Term])> {
    let own = |t: Term| view.value(t, id).filter(|v| v.decimals == 0);
    match term {
        Term::Q3 => {
            let (half, q3) = (own(Term::HalfYear)?, own(Term::Q3)?);
            Some((
                half.mantissa.checked_add(q3.mantissa)?,
                &[Term::Q3, Term::HalfYear],
            ))
        }
        Term::Q1 => Some((own(term)?.mantissa, &[Term::Q1])),
        Term::HalfYear => Some((own(term)?.mantissa, &[Term::HalfYear])),
        Term::Year => Some((own(term)?.mantissa, &[Term::Year])),
    }
}

/// `next ≈ prev + added − removed`; the flows' sources are in `later`'s
/// view (the report of `next`).
fn compare(
    stock: &Stock,
    (prev_view, prev_term): (&View, Term),
    (next_view, next_term): (&View, Term),
    (added, added_from): (i128, Sources),
    (removed, removed_from): (i128, Sources),
    findings: &mut CrossFindings,
) {
    let (Some(prev), Some(next)) = (
        prev_view.value(prev_term, stock.held),
        next_view.value(next_term, stock.held),
    ) else {
        return;
    };
    if prev.decimals != 0 || next.decimals != 0 {
        return;
    }
    let Some(expected) = prev
        .mantissa
        .checked_add(added)
        .and_then(|v| v.checked_sub(removed))
    else {
        return;
    };
    // Counts (at most 2⁶⁴ − 1 each) leave room in an i128.
    let Some(imbalance) = next.mantissa.checked_sub(expected) else {
        return;
    };
    if imbalance == 0 {
        return;
    }
    let dec = |v: i128| Decimal::from_i128_with_scale(v, 0);
    let (next_period, prev_period) = (
        Some(next_view.period(next_term)),
        Some(prev_view.period(prev_term)),
    );
    let held = stock.held;
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        write!(
            out,
            "{}: {} {} {} {} {} ({}) + {} ({}) − {} ({}) = {} ({} {}).",
            row_capital(held, language),
            report_of(next_period, language),
            language.pick("ghi", "says"),
            number(dec(next.mantissa), language),
            language.pick("nhưng", "but"),
            report_of(prev_period, language),
            number(dec(prev.mantissa), language),
            language.pick(
                "số TTHC công bố mới trong khoảng giữa",
                "procedures published in between"
            ),
            computed(dec(added), language),
            language.pick("số TTHC bãi bỏ, thay thế", "abolished or replaced"),
            computed(dec(removed), language),
            computed(dec(expected), language),
            language.pick("chênh lệch", "imbalance"),
            computed(dec(imbalance), language),
        )
    };
    let mut cells: Vec<ReportCell> = vec![
        next_view.cell(next_term, stock.held),
        prev_view.cell(prev_term, stock.held),
    ];
    cells.extend(
        added_from
            .iter()
            .flatten()
            .map(|&t| next_view.cell(t, stock.added)),
    );
    cells.extend(
        removed_from
            .iter()
            .flatten()
            .map(|&t| next_view.cell(t, stock.removed)),
    );
    let mut found = finding(
        format!("period:stock:{}", cell_id(stock.held)),
        CrossFamily::Period,
        Severity::Warning,
        cells,
        words(message),
    );
    found.reported = Some(dec(next.mantissa));
    found.computed = Some(dec(expected));
    found.imbalance = Some(dec(imbalance));
    findings.0.push(found);
}

/// The interval of the 2015 base `value ÷ (1 − rate/100)` as two fractions,
/// its low and high ends (`None` high when the rate can reach 100), or
/// `None` when the rate is at least 100 or the numbers are too large.
fn base(value: i128, rate: Span) -> Option<(Fraction, Option<Fraction>)> {
    // rate = R / (2·10^s), base = 100·v / (100 − rate) = 200·10^s·v / (200·10^s − R).
    let scale = pow10(rate.scale)?.checked_mul(200)?;
    let numerator = scale.checked_mul(value)?;
    let low_den = scale.checked_sub(rate.lo)?;
    if low_den <= 0 {
        return None;
    }
    let high_den = scale.checked_sub(rate.hi)?;
    Some((
        (numerator, low_den),
        (high_den > 0).then_some((numerator, high_den)),
    ))
}

/// A fraction `numerator / denominator`, the denominator positive.
type Fraction = (i128, i128);

/// `a/b ≤ c/d` for positive `b`, `d`.
fn at_most((a, b): Fraction, (c, d): Fraction) -> bool {
    compare_products(a, d, c, b) != Ordering::Greater
}

fn bases(view: &View, value_id: CellId, rate_id: CellId, findings: &mut CrossFindings) {
    let mut found = [None; 4];
    for (slot, term) in found.iter_mut().zip(view.terms()) {
        let (Some(value), Some(rate)) = (view.value(term, value_id), view.value(term, rate_id))
        else {
            continue;
        };
        if value.decimals != 0 {
            continue;
        }
        let Some(span) = Span::of(rate, Reading::Nearest) else {
            continue;
        };
        if let Some((low, high)) = base(value.mantissa, span) {
            *slot = Some((term, value, rate, low, high));
        }
    }
    let implied = found.iter().flatten();
    // Intervals share a value when every low end is at most every high end.
    let agree = implied.clone().all(|&(_, _, _, low, _)| {
        implied
            .clone()
            .all(|&(_, _, _, _, high)| high.is_none_or(|high| at_most(low, high)))
    });
    if agree {
        return;
    }
    let show = |(n, d): Fraction, language: Language| {
        let (n, d) = (
            Decimal::from_i128_with_scale(n, 0),
            Decimal::from_i128_with_scale(d, 0),
        );
        n.checked_div(d)
            .map_or_else(String::new, |v| computed(v.round_dp(2), language))
    };
    let mut cells = Vec::new();
    for &(term, ..) in implied.clone() {
        cells.push(view.cell(term, rate_id));
        cells.push(view.cell(term, value_id));
    }
    let implied: Vec<_> = implied.copied().collect();
    let year = view.year;
    let message = move |language: Language, out: &mut dyn std::fmt::Write| {
        let listed: Vec<String> = implied
            .iter()
            .map(|&(term, value, rate, low, high)| {
                format!(
                    "{}: {} ÷ (1 − {}/100) ∈ [{}; {}]",
                    period_short(Some(Period::new(year, term)), language),
                    number(value.to_decimal(), language),
                    number(rate.to_decimal(), language),
                    show(low, language),
                    high.map_or_else(|| "∞".to_owned(), |h| show(h, language)),
                )
            })
            .collect();
        let (value, rate) = (
            row_capital(value_id, language),
            crate::cross::row(rate_id, language),
        );
        match language {
            Language::Vietnamese => write!(
                out,
                "{value} và {rate}: số năm 2015 suy ra (giá trị ÷ (1 − tỷ lệ giảm/100)) khác nhau giữa các báo cáo trong năm: {}.",
                listed.join("; ")
            ),
            Language::English => write!(
                out,
                "{value} and {rate}: the 2015 base they imply (value ÷ (1 − reduction/100)) differs between the reports of the year: {}.",
                listed.join("; ")
            ),
        }
    };
    findings.0.push(finding(
        format!("period:base_2015:{}", cell_id(rate_id)),
        CrossFamily::Period,
        Severity::Warning,
        cells,
        words(message),
    ));
}
