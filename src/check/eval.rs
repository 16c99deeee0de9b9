//! One evaluator per family, and the words of their findings.
//!
//! The clean path (a rule that holds) compares integers and allocates
//! nothing; only a finding builds decimals and messages.

use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use super::interval::{Reading, Span, ratio_overlaps};
use super::{Check, Outcome, Rounding, Rule, is_exact, percentage_of, value};
use crate::Cells;
use crate::catalogue::CellId;
use crate::finding::{Family, Finding, Findings, Interval, Severity};
use crate::number::VietnameseDecimal;
use crate::unit::{Printed, ValueKind};

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
    Vietnamese,
}

/// Applies one rule to a report's cells, pushing a finding if it fires.
pub(crate) fn evaluate(rule: &Rule, cells: &Cells, findings: &mut Findings) -> Outcome {
    let result = match rule.check {
        Check::Ratio => ratio(rule, cells),
        Check::Derivable => derivable(rule, cells),
        Check::Sum => sum(rule, cells, true),
        Check::PartWhole => sum(rule, cells, false),
        Check::Bound { min, max } => bound(rule, cells, min, max),
        Check::Conditional { when } => conditional(rule, cells, when),
        Check::LevelRange => level_range(rule, cells),
        Check::Same => same(rule, cells),
    };
    match result {
        Verdict::Pass => Outcome::Passed,
        Verdict::Skip => Outcome::NotEvaluated,
        Verdict::Fire(finding) => {
            let outcome = if finding.severity == Severity::Info {
                Outcome::Noted
            } else {
                Outcome::Failed
            };
            findings.0.push(*finding);
            outcome
        }
    }
}

enum Verdict {
    Pass,
    Skip,
    Fire(Box<Finding>),
}

/// The interval a cell's printed value stands for under `reading` (exact
/// for counts and codes whatever the reading).
fn span(id: CellId, value: Printed, reading: Reading) -> Option<Span> {
    Span::of(
        value,
        if is_exact(id) {
            Reading::Exact
        } else {
            reading
        },
    )
}

// ---------------------------------------------------------------------------
// Ratio and derivable blanks
// ---------------------------------------------------------------------------

fn ratio(rule: &Rule, cells: &Cells) -> Verdict {
    let &[rate_id, num_id, den_id] = rule.cells else {
        return Verdict::Skip;
    };
    let (Some(rate), Some(num), Some(den)) = (
        value(cells, rate_id),
        value(cells, num_id),
        value(cells, den_id),
    ) else {
        return Verdict::Skip;
    };
    let (Some(num_span), Some(den_span)) = (
        span(num_id, num, Reading::Nearest),
        span(den_id, den, Reading::Nearest),
    ) else {
        return Verdict::Skip;
    };
    if den_span.hi <= 0 && num_span.lo <= 0 && num_span.hi >= 0 {
        return fire_zero_ratio(rule, rate, num, den);
    }
    if den_span.lo <= 0 {
        // The denominator may be zero: no ratio can be checked.
        return Verdict::Skip;
    }
    let nearest =
        Span::of(rate, Reading::Nearest).and_then(|r| ratio_overlaps(r, num_span, den_span));
    match nearest {
        Some(true) => return Verdict::Pass,
        None => return Verdict::Skip,
        Some(false) => {}
    }
    let truncated =
        Span::of(rate, Reading::Truncated).and_then(|r| ratio_overlaps(r, num_span, den_span));
    let only_truncated = truncated == Some(true);
    fire_ratio(rule, rate, num, den, num_span, den_span, only_truncated)
}

#[allow(clippy::too_many_arguments)]
fn fire_ratio(
    rule: &Rule,
    rate: Printed,
    num: Printed,
    den: Printed,
    num_span: Span,
    den_span: Span,
    only_truncated: bool,
) -> Verdict {
    let [rate_id, num_id, den_id] = [rule.cells[0], rule.cells[1], rule.cells[2]];
    let computed = percentage_of(num, den, 4, Rounding::HalfAwayFromZero).map(Printed::to_decimal);
    let computed_interval = if is_exact(num_id) && is_exact(den_id) {
        None
    } else {
        ratio_interval(num_span, den_span)
    };
    let reported_interval = Span::of(rate, Reading::Nearest).and_then(Span::to_interval);
    let severity = if only_truncated {
        Severity::Info
    } else {
        rule.severity
    };
    let mut finding = new_finding(rule, severity, rule.cells.to_vec());
    finding.reported = Some(rate.to_decimal());
    finding.reported_interval = reported_interval;
    finding.computed = computed;
    finding.computed_interval = computed_interval;
    finding.imbalance = computed.and_then(|c| rate.to_decimal().checked_sub(c));
    let (r, n, d) = (stt(rate_id), stt(num_id), stt(den_id));
    let form = rate_id.indicator().form;
    if only_truncated {
        finding.message_en = format!(
            "Form {form}, row {r}: {}% matches 100 × {n} / {d} = 100 × {} / {} = {}% only if truncated, not if rounded.",
            en(rate.to_decimal()),
            en(num.to_decimal()),
            en(den.to_decimal()),
            opt_en(computed)
        );
        finding.message_vi = format!(
            "Biểu {form}, mục {r}: {}% chỉ khớp với 100 × {n} / {d} = 100 × {} / {} = {}% nếu cắt bớt chữ số, không khớp nếu làm tròn.",
            vi(rate.to_decimal()),
            vi(num.to_decimal()),
            vi(den.to_decimal()),
            opt_vi(computed)
        );
    } else {
        finding.message_en = format!(
            "Form {form}, row {r}: the reported {}%{} does not match 100 × {n} / {d} = 100 × {} / {} = {}%{}.",
            en(rate.to_decimal()),
            interval_en(reported_interval),
            en(num.to_decimal()),
            en(den.to_decimal()),
            opt_en(computed),
            interval_en(computed_interval)
        );
        finding.message_vi = format!(
            "Biểu {form}, mục {r}: tỷ lệ báo cáo {}%{} không khớp với 100 × {n} / {d} = 100 × {} / {} = {}%{}.",
            vi(rate.to_decimal()),
            interval_vi(reported_interval),
            vi(num.to_decimal()),
            vi(den.to_decimal()),
            opt_vi(computed),
            interval_vi(computed_interval)
        );
    }
    Verdict::Fire(Box::new(finding))
}

/// `[100·num.lo/den.hi, 100·num.hi/den.lo]`, widened to four decimals.
fn ratio_interval(num: Span, den: Span) -> Option<Interval> {
    let to_dec = |units: i128, scale: u32| super::interval::half_units(units, scale);
    let hundred = Decimal::ONE_HUNDRED;
    let low = hundred
        .checked_mul(to_dec(num.lo, num.scale)?)?
        .checked_div(to_dec(den.hi, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToNegativeInfinity);
    let high = hundred
        .checked_mul(to_dec(num.hi, num.scale)?)?
        .checked_div(to_dec(den.lo, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToPositiveInfinity);
    Some(Interval { low, high })
}

fn fire_zero_ratio(rule: &Rule, rate: Printed, num: Printed, den: Printed) -> Verdict {
    let [rate_id, num_id, den_id] = [rule.cells[0], rule.cells[1], rule.cells[2]];
    let mut finding = new_finding(rule, Severity::Info, rule.cells.to_vec());
    finding.reported = Some(rate.to_decimal());
    let (r, n, d) = (stt(rate_id), stt(num_id), stt(den_id));
    let form = rate_id.indicator().form;
    finding.message_en = format!(
        "Form {form}, row {r}: {n} / {d} = {} / {} has no ratio, so the reported {}% cannot be checked.",
        en(num.to_decimal()),
        en(den.to_decimal()),
        en(rate.to_decimal())
    );
    finding.message_vi = format!(
        "Biểu {form}, mục {r}: {n} / {d} = {} / {} không có tỷ lệ, nên không kiểm tra được tỷ lệ báo cáo {}%.",
        vi(num.to_decimal()),
        vi(den.to_decimal()),
        vi(rate.to_decimal())
    );
    Verdict::Fire(Box::new(finding))
}

/// The derivable rate of a `Derivable` rule: blank rate, numerator and
/// positive denominator reported.
pub(crate) fn derivable_rate(rule: &Rule, cells: &Cells) -> Option<Printed> {
    let &[rate_id, num_id, den_id] = rule.cells else {
        return None;
    };
    if value(cells, rate_id).is_some() {
        return None;
    }
    let (num, den) = (value(cells, num_id)?, value(cells, den_id)?);
    if den.mantissa <= 0 || num.mantissa < 0 {
        return None;
    }
    percentage_of(num, den, 2, Rounding::HalfAwayFromZero)
}

fn derivable(rule: &Rule, cells: &Cells) -> Verdict {
    let Some(rate) = derivable_rate(rule, cells) else {
        return Verdict::Skip;
    };
    let [rate_id, num_id, den_id] = [rule.cells[0], rule.cells[1], rule.cells[2]];
    let (Some(num), Some(den)) = (value(cells, num_id), value(cells, den_id)) else {
        return Verdict::Skip;
    };
    let mut finding = new_finding(rule, Severity::Info, rule.cells.to_vec());
    finding.computed = Some(rate.to_decimal());
    let (r, n, d) = (stt(rate_id), stt(num_id), stt(den_id));
    let form = rate_id.indicator().form;
    finding.message_en = format!(
        "Form {form}, row {r} is blank but can be derived: 100 × {n} / {d} = 100 × {} / {} = {}%.",
        en(num.to_decimal()),
        en(den.to_decimal()),
        en(rate.to_decimal())
    );
    finding.message_vi = format!(
        "Biểu {form}, mục {r} để trống nhưng tính được: 100 × {n} / {d} = 100 × {} / {} = {}%.",
        vi(num.to_decimal()),
        vi(den.to_decimal()),
        vi(rate.to_decimal())
    );
    Verdict::Fire(Box::new(finding))
}

// ---------------------------------------------------------------------------
// Sums and parts of a whole
// ---------------------------------------------------------------------------

/// A total against its parts: `exhaustive` for a sum (the parts add up to
/// it), else "of which" (the parts together are at most it). With a part
/// blank, a sum is checked as "of which": the known parts cannot exceed it.
fn sum(rule: &Rule, cells: &Cells, exhaustive: bool) -> Verdict {
    let Some((&whole_id, part_ids)) = rule.cells.split_first() else {
        return Verdict::Skip;
    };
    let Some(whole) = value(cells, whole_id) else {
        return Verdict::Skip;
    };
    let known = part_ids
        .iter()
        .filter_map(|&id| Some((id, value(cells, id)?)));
    if known.clone().next().is_none() {
        return Verdict::Skip;
    }
    let all_known = known.clone().count() == part_ids.len();
    let (Some(whole_span), Some(parts_span)) = (
        span(whole_id, whole, Reading::Nearest),
        Span::sum(
            known
                .clone()
                .filter_map(|(id, v)| span(id, v, Reading::Nearest)),
        ),
    ) else {
        return Verdict::Skip;
    };
    let holds = if exhaustive && all_known {
        whole_span.overlaps(parts_span)
    } else {
        parts_span.can_be_at_most(whole_span)
    };
    match holds {
        Some(true) | None => Verdict::Pass,
        Some(false) => fire_sum(rule, cells, whole, parts_span, exhaustive && all_known),
    }
}

fn fire_sum(rule: &Rule, cells: &Cells, whole: Printed, parts: Span, equality: bool) -> Verdict {
    let whole_id = rule.cells[0];
    let part_ids = &rule.cells[1..];
    let involved: Vec<CellId> = rule
        .cells
        .iter()
        .copied()
        .filter(|&id| value(cells, id).is_some())
        .collect();
    let mut finding = new_finding(rule, rule.severity, involved);
    let exact = parts.lo == parts.hi;
    let computed = if exact { parts.low() } else { None };
    finding.reported = Some(whole.to_decimal());
    finding.reported_interval = if is_exact(whole_id) {
        None
    } else {
        Span::of(whole, Reading::Nearest).and_then(Span::to_interval)
    };
    finding.computed = computed;
    finding.computed_interval = if exact { None } else { parts.to_interval() };
    finding.imbalance = computed.and_then(|c| whole.to_decimal().checked_sub(c));
    let across = rule.family == Family::AcrossForms;
    let whole_name = |language| cell_name(whole_id, across, language);
    let form = whole_id.indicator().form;
    let prefix_en = if across {
        String::new()
    } else {
        format!("Form {form}: ")
    };
    let prefix_vi = if across {
        String::new()
    } else {
        format!("Biểu {form}: ")
    };
    let total_en = match (computed, parts.to_interval()) {
        (Some(c), _) => en(c),
        (None, interval) => interval_en(interval).trim().to_owned(),
    };
    let total_vi = match (computed, parts.to_interval()) {
        (Some(c), _) => vi(c),
        (None, interval) => interval_vi(interval).trim().to_owned(),
    };
    let (names_en, values_en, blanks_en) = list_parts(part_ids, cells, across, Language::English);
    let (names_vi, values_vi, blanks_vi) =
        list_parts(part_ids, cells, across, Language::Vietnamese);
    let imbalance_en = finding
        .imbalance
        .map(|i| format!(" (imbalance {})", en(i)))
        .unwrap_or_default();
    let imbalance_vi = finding
        .imbalance
        .map(|i| format!(" (chênh lệch {})", vi(i)))
        .unwrap_or_default();
    if equality {
        finding.message_en = format!(
            "{prefix_en}{} = {} but {names_en} = {values_en} = {total_en}{imbalance_en}.",
            whole_name(Language::English),
            en(whole.to_decimal())
        );
        finding.message_vi = format!(
            "{prefix_vi}{} = {} nhưng {names_vi} = {values_vi} = {total_vi}{imbalance_vi}.",
            whole_name(Language::Vietnamese),
            vi(whole.to_decimal())
        );
    } else {
        let unknown_en = if blanks_en.is_empty() {
            String::new()
        } else {
            format!(" even with {blanks_en} blank")
        };
        let unknown_vi = if blanks_vi.is_empty() {
            String::new()
        } else {
            format!(" dù {blanks_vi} để trống")
        };
        finding.message_en = format!(
            "{prefix_en}{names_en} = {values_en} = {total_en} exceeds {} = {}{unknown_en}.",
            whole_name(Language::English),
            en(whole.to_decimal())
        );
        finding.message_vi = format!(
            "{prefix_vi}{names_vi} = {values_vi} = {total_vi} vượt quá {} = {}{unknown_vi}.",
            whole_name(Language::Vietnamese),
            vi(whole.to_decimal())
        );
    }
    Verdict::Fire(Box::new(finding))
}

/// The reported parts' names joined by ` + `, their values likewise, and the
/// blank parts' names.
fn list_parts(
    part_ids: &[CellId],
    cells: &Cells,
    across: bool,
    language: Language,
) -> (String, String, String) {
    let mut names = String::new();
    let mut values = String::new();
    let mut blanks = String::new();
    for &id in part_ids {
        if let Some(v) = value(cells, id) {
            if !names.is_empty() {
                names.push_str(" + ");
                values.push_str(" + ");
            }
            names.push_str(&cell_name(id, across, language));
            values.push_str(&number(v.to_decimal(), language));
        } else {
            if !blanks.is_empty() {
                blanks.push_str(", ");
            }
            blanks.push_str(&cell_name(id, across, language));
        }
    }
    (names, values, blanks)
}

// ---------------------------------------------------------------------------
// Bounds, conditionals, level ranges, the same quantity twice
// ---------------------------------------------------------------------------

fn bound(rule: &Rule, cells: &Cells, min: Option<i64>, max: Option<i64>) -> Verdict {
    let Some(&id) = rule.cells.first() else {
        return Verdict::Skip;
    };
    let Some(v) = value(cells, id) else {
        return Verdict::Skip;
    };
    let scale = 10_i128.checked_pow(v.decimals).unwrap_or(i128::MAX);
    let below = min.is_some_and(|min| v.mantissa < i128::from(min).saturating_mul(scale));
    let above = max.is_some_and(|max| v.mantissa > i128::from(max).saturating_mul(scale));
    if !below && !above {
        return Verdict::Pass;
    }
    let limit = if below { min } else { max }.map(Decimal::from);
    let mut finding = new_finding(rule, rule.severity, vec![id]);
    finding.reported = Some(v.to_decimal());
    finding.imbalance = limit.and_then(|limit| v.to_decimal().checked_sub(limit));
    let range = |language| {
        let side = |b: Option<i64>, inf: &str| b.map_or_else(|| inf.to_owned(), |b| b.to_string());
        match language {
            Language::English => format!("[{}, {}]", side(min, "−∞"), side(max, "+∞")),
            Language::Vietnamese => format!("[{}; {}]", side(min, "−∞"), side(max, "+∞")),
        }
    };
    let form = id.indicator().form;
    let unit = if matches!(id.indicator().kind, ValueKind::Percent) {
        "%"
    } else {
        ""
    };
    finding.message_en = format!(
        "Form {form}, row {} = {}{unit} is outside {}{unit}: {}",
        stt(id),
        en(v.to_decimal()),
        range(Language::English),
        rule.note_en
    );
    finding.message_vi = format!(
        "Biểu {form}, mục {} = {}{unit} nằm ngoài {}{unit}: {}",
        stt(id),
        vi(v.to_decimal()),
        range(Language::Vietnamese),
        rule.note_vi
    );
    Verdict::Fire(Box::new(finding))
}

fn conditional(rule: &Rule, cells: &Cells, when: u8) -> Verdict {
    let Some((&code_id, dependents)) = rule.cells.split_first() else {
        return Verdict::Skip;
    };
    let Some(code) = value(cells, code_id) else {
        return Verdict::Skip;
    };
    if code.mantissa != i128::from(when) {
        return Verdict::Pass;
    }
    let describes = |id: CellId| {
        value(cells, id).is_some_and(|v| {
            v.mantissa != 0 || matches!(id.indicator().kind, ValueKind::Code { .. })
        })
    };
    if !dependents.iter().any(|&id| describes(id)) {
        return Verdict::Pass;
    }
    let mut involved = vec![code_id];
    involved.extend(dependents.iter().copied().filter(|&id| describes(id)));
    let mut finding = new_finding(rule, rule.severity, involved.clone());
    finding.reported = Some(code.to_decimal());
    let meaning = |language| {
        let legend = match code_id.indicator().kind {
            ValueKind::Code { legend } => legend,
            _ => &[],
        };
        legend
            .iter()
            .find(|entry| entry.code == when)
            .map_or("", |entry| {
                if language == Language::English {
                    entry.label_en
                } else {
                    entry.label_vi
                }
            })
    };
    let listed = |language| {
        let mut text = String::new();
        for (index, &id) in involved[1..].iter().enumerate() {
            if index > 0 {
                text.push_str(if language == Language::English {
                    " and "
                } else {
                    " và "
                });
            }
            let v = value(cells, id)
                .map(Printed::to_decimal)
                .unwrap_or_default();
            let _ = write!(text, "{} = {}", stt(id), number(v, language));
        }
        text
    };
    let form = code_id.indicator().form;
    finding.message_en = format!(
        "Form {form}, row {} = {when} ({}) but {} describe how it was done: they must be blank. {}",
        stt(code_id),
        meaning(Language::English),
        listed(Language::English),
        rule.note_en
    );
    finding.message_vi = format!(
        "Biểu {form}, mục {} = {when} ({}) nhưng {} mô tả cách thực hiện: phải để trống. {}",
        stt(code_id),
        meaning(Language::Vietnamese),
        listed(Language::Vietnamese),
        rule.note_vi
    );
    Verdict::Fire(Box::new(finding))
}

fn level_range(rule: &Rule, cells: &Cells) -> Verdict {
    let Some((&overall_id, level_ids)) = rule.cells.split_first() else {
        return Verdict::Skip;
    };
    let Some(overall) = value(cells, overall_id) else {
        return Verdict::Skip;
    };
    let mut levels = [None::<Printed>; 8];
    for (slot, &id) in levels.iter_mut().zip(level_ids) {
        match value(cells, id) {
            Some(v) => *slot = Some(v),
            None => return Verdict::Skip,
        }
    }
    let range_under = |reading| -> Option<Span> {
        let mut range: Option<Span> = None;
        for (&id, v) in level_ids.iter().zip(levels.iter().flatten()) {
            let s = span(id, *v, reading)?;
            range = Some(match range {
                None => s,
                Some(r) => {
                    let scale = r.scale.max(s.scale);
                    let (r, s) = (r.rescale(scale)?, s.rescale(scale)?);
                    Span {
                        lo: r.lo.min(s.lo),
                        hi: r.hi.max(s.hi),
                        scale,
                        lo_open: false,
                        hi_open: false,
                    }
                }
            });
        }
        range
    };
    let nearest = range_under(Reading::Nearest)
        .zip(span(overall_id, overall, Reading::Nearest))
        .and_then(|(range, overall)| overall.overlaps(range));
    match nearest {
        Some(true) | None => return Verdict::Pass,
        Some(false) => {}
    }
    let truncated = range_under(Reading::Truncated)
        .zip(span(overall_id, overall, Reading::Truncated))
        .and_then(|(range, overall)| overall.overlaps(range))
        == Some(true);
    let severity = if truncated {
        Severity::Info
    } else {
        rule.severity
    };
    let mut finding = new_finding(rule, severity, rule.cells.to_vec());
    let range = range_under(Reading::Nearest).and_then(Span::to_interval);
    finding.reported = Some(overall.to_decimal());
    finding.reported_interval =
        span(overall_id, overall, Reading::Nearest).and_then(Span::to_interval);
    finding.computed_interval = range;
    let form = overall_id.indicator().form;
    let names = level_ids
        .iter()
        .map(|&id| stt(id))
        .collect::<Vec<_>>()
        .join(", ");
    let how_en = if truncated {
        " unless the rates were truncated"
    } else {
        ""
    };
    let how_vi = if truncated {
        " trừ khi các tỷ lệ bị cắt bớt chữ số"
    } else {
        ""
    };
    finding.message_en = format!(
        "Form {form}, row {} = {}% lies outside the range of {names}{}{how_en}.",
        stt(overall_id),
        en(overall.to_decimal()),
        interval_en(range)
    );
    finding.message_vi = format!(
        "Biểu {form}, mục {} = {}% nằm ngoài khoảng của {names}{}{how_vi}.",
        stt(overall_id),
        vi(overall.to_decimal()),
        interval_vi(range)
    );
    Verdict::Fire(Box::new(finding))
}

fn same(rule: &Rule, cells: &Cells) -> Verdict {
    let &[left_id, right_id] = rule.cells else {
        return Verdict::Skip;
    };
    let (Some(left), Some(right)) = (value(cells, left_id), value(cells, right_id)) else {
        return Verdict::Skip;
    };
    let holds = span(left_id, left, Reading::Nearest)
        .zip(span(right_id, right, Reading::Nearest))
        .and_then(|(l, r)| l.overlaps(r));
    if holds != Some(false) {
        return Verdict::Pass;
    }
    let mut finding = new_finding(rule, rule.severity, rule.cells.to_vec());
    finding.reported = Some(left.to_decimal());
    finding.computed = Some(right.to_decimal());
    finding.imbalance = left.to_decimal().checked_sub(right.to_decimal());
    finding.message_en = format!(
        "The {} = {} but {} = {}, and they count the same thing{}: {}",
        cell_name(left_id, true, Language::English),
        en(left.to_decimal()),
        cell_name(right_id, true, Language::English),
        en(right.to_decimal()),
        finding
            .imbalance
            .map(|i| format!(" (difference {})", en(i)))
            .unwrap_or_default(),
        rule.note_en
    );
    finding.message_vi = format!(
        "Số liệu {} = {} nhưng {} = {}, trong khi cùng đếm một đối tượng{}: {}",
        cell_name(left_id, true, Language::Vietnamese),
        vi(left.to_decimal()),
        cell_name(right_id, true, Language::Vietnamese),
        vi(right.to_decimal()),
        finding
            .imbalance
            .map(|i| format!(" (chênh lệch {})", vi(i)))
            .unwrap_or_default(),
        rule.note_vi
    );
    Verdict::Fire(Box::new(finding))
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

fn new_finding(rule: &Rule, severity: Severity, cells: Vec<CellId>) -> Finding {
    Finding {
        rule: rule.id.to_owned(),
        family: rule.family,
        severity,
        cells,
        reported: None,
        reported_interval: None,
        computed: None,
        computed_interval: None,
        imbalance: None,
        message_vi: String::new(),
        message_en: String::new(),
    }
}

fn stt(id: CellId) -> &'static str {
    id.indicator().stt
}

/// A cell's name in a message: its STT, or its form and STT across forms.
fn cell_name(id: CellId, with_form: bool, language: Language) -> String {
    let indicator = id.indicator();
    match (with_form, language) {
        (false, _) => indicator.stt.to_owned(),
        (true, Language::English) => format!("form {} row {}", indicator.form, indicator.stt),
        (true, Language::Vietnamese) => format!("biểu {} mục {}", indicator.form, indicator.stt),
    }
}

fn en(value: Decimal) -> String {
    value.normalize().to_string()
}

fn vi(value: Decimal) -> String {
    VietnameseDecimal(value.normalize()).to_string()
}

fn number(value: Decimal, language: Language) -> String {
    match language {
        Language::English => en(value),
        Language::Vietnamese => vi(value),
    }
}

fn opt_en(value: Option<Decimal>) -> String {
    value.map_or_else(|| "?".to_owned(), en)
}

fn opt_vi(value: Option<Decimal>) -> String {
    value.map_or_else(|| "?".to_owned(), vi)
}

fn interval_en(interval: Option<Interval>) -> String {
    interval.map_or_else(String::new, |i| format!(" [{}, {}]", en(i.low), en(i.high)))
}

fn interval_vi(interval: Option<Interval>) -> String {
    interval.map_or_else(String::new, |i| format!(" [{}; {}]", vi(i.low), vi(i.high)))
}

/// The description of a rule in one language, derived from its cells.
pub(crate) fn describe(rule: &Rule, language: Language) -> String {
    let english = language == Language::English;
    let across = rule.family == Family::AcrossForms;
    let name = |id: CellId| cell_name(id, across, language);
    let join = |ids: &[CellId], separator: &str| {
        ids.iter()
            .map(|&id| name(id))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let first = rule.cells[0];
    let rest = &rule.cells[1..];
    let form = first.indicator().form;
    let prefix = match (across, english) {
        (true, _) => String::new(),
        (false, true) => format!("Form {form}: "),
        (false, false) => format!("Biểu {form}: "),
    };
    let body = match (rule.check, english) {
        (Check::Ratio, true) => format!(
            "{} = 100 × {} / {}, within the precision {} is printed with.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first)
        ),
        (Check::Ratio, false) => format!(
            "{} = 100 × {} / {}, trong phạm vi độ chính xác của số in ở {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first)
        ),
        (Check::Derivable, true) => format!(
            "when {} is blank and {} and {} are reported, {} can be derived as 100 × {} / {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first),
            name(rest[0]),
            name(rest[1])
        ),
        (Check::Derivable, false) => format!(
            "khi {} để trống mà {} và {} có số liệu, có thể tính {} = 100 × {} / {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first),
            name(rest[0]),
            name(rest[1])
        ),
        (Check::Sum, _) => format!("{} = {}.", name(first), join(rest, " + ")),
        (Check::PartWhole, _) => format!("{} ≤ {}.", join(rest, " + "), name(first)),
        (Check::Bound { min, max }, _) => match (min, max) {
            (Some(min), Some(max)) => format!("{min} ≤ {} ≤ {max}.", name(first)),
            (Some(min), None) => format!("{} ≥ {min}.", name(first)),
            (None, Some(max)) => format!("{} ≤ {max}.", name(first)),
            (None, None) => format!("{}.", name(first)),
        },
        (Check::Conditional { when }, true) => {
            format!(
                "when {} = {when}, {} are blank (or 0).",
                name(first),
                join(rest, " and ")
            )
        }
        (Check::Conditional { when }, false) => {
            format!(
                "khi {} = {when}, {} để trống (hoặc 0).",
                name(first),
                join(rest, " và ")
            )
        }
        (Check::LevelRange, _) => {
            format!("min({0}) ≤ {1} ≤ max({0}).", join(rest, ", "), name(first))
        }
        (Check::Same, _) => format!("{} = {}.", name(first), join(rest, "")),
    };
    let note = if english { rule.note_en } else { rule.note_vi };
    let mut text = prefix + &body;
    if !note.is_empty() {
        text.push(' ');
        text.push_str(note);
    }
    text
}
