//! One exact evaluator per family, and the words of their findings.
//!
//! These decide every rule exactly, whatever the size of its values, and
//! write the finding of a rule that fires. [`Report::validate`](crate::Report::validate)
//! first runs the clean path of `check::fast` on a compact snapshot, which
//! passes or skips most rules without allocating, and hands only the rest
//! to these evaluators; a unit test there checks that both agree.

use rust_decimal::{Decimal, RoundingStrategy};

use super::interval::{Reading, Span, ratio_overlaps};
use super::{Check, Outcome, Rounding, Rule, Source, is_exact, percentage_of, value};
use crate::catalogue::CellId;
use crate::finding::{Family, Finding, Findings, Interval, Severity};
use crate::unit::{Printed, ValueKind};

/// A message: its pieces written one after the other into a buffer sized
/// for a whole message, with no formatting machinery and no reallocation.
macro_rules! message {
    ($($piece:expr),* $(,)?) => {{
        let mut text = String::with_capacity(MESSAGE_CAPACITY);
        $( Piece::put(&$piece, &mut text); )*
        text
    }};
}

/// Bytes reserved for a message: most are shorter.
const MESSAGE_CAPACITY: usize = 256;

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
    Vietnamese,
}

/// Where the cells are read from: every cell read once ([`crate::Cells`]),
/// or the report itself, cell by cell.
type Cells<'a> = dyn Source + 'a;

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
            findings.0.push(finding);
            outcome
        }
    }
}

// A finding is built once and moved into the findings: no box to allocate.
#[allow(clippy::large_enum_variant)]
enum Verdict {
    Pass,
    Skip,
    Fire(Finding),
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
        finding.message_en = message! {
            "Form ", form, ", row ", r, ": ", en(rate.to_decimal()), "% matches 100 × ", n,
            " / ", d, " = 100 × ", en(num.to_decimal()), " / ", en(den.to_decimal()), " = ",
            opt_en(computed), "% only if truncated, not if rounded.",
        };
        finding.message_vi = message! {
            "Biểu ", form, ", mục ", r, ": ", vi(rate.to_decimal()), "% chỉ khớp với 100 × ", n,
            " / ", d, " = 100 × ", vi(num.to_decimal()), " / ", vi(den.to_decimal()), " = ",
            opt_vi(computed), "% nếu cắt bớt chữ số, không khớp nếu làm tròn.",
        };
    } else {
        finding.message_en = message! {
            "Form ", form, ", row ", r, ": the reported ", en(rate.to_decimal()), "%",
            interval_en(reported_interval), " does not match 100 × ", n, " / ", d, " = 100 × ",
            en(num.to_decimal()), " / ", en(den.to_decimal()), " = ", opt_en(computed), "%",
            interval_en(computed_interval), ".",
        };
        finding.message_vi = message! {
            "Biểu ", form, ", mục ", r, ": tỷ lệ báo cáo ", vi(rate.to_decimal()), "%",
            interval_vi(reported_interval), " không khớp với 100 × ", n, " / ", d, " = 100 × ",
            vi(num.to_decimal()), " / ", vi(den.to_decimal()), " = ", opt_vi(computed), "%",
            interval_vi(computed_interval), ".",
        };
    }
    Verdict::Fire(finding)
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
    finding.message_en = message! {
        "Form ", form, ", row ", r, ": ", n, " / ", d, " = ", en(num.to_decimal()), " / ",
        en(den.to_decimal()), " has no ratio, so the reported ", en(rate.to_decimal()),
        "% cannot be checked.",
    };
    finding.message_vi = message! {
        "Biểu ", form, ", mục ", r, ": ", n, " / ", d, " = ", vi(num.to_decimal()), " / ",
        vi(den.to_decimal()), " không có tỷ lệ, nên không kiểm tra được tỷ lệ báo cáo ",
        vi(rate.to_decimal()), "%.",
    };
    Verdict::Fire(finding)
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
    finding.message_en = message! {
        "Form ", form, ", row ", r, " is blank but can be derived: 100 × ", n, " / ", d,
        " = 100 × ", en(num.to_decimal()), " / ", en(den.to_decimal()), " = ",
        en(rate.to_decimal()), "%.",
    };
    finding.message_vi = message! {
        "Biểu ", form, ", mục ", r, " để trống nhưng tính được: 100 × ", n, " / ", d,
        " = 100 × ", vi(num.to_decimal()), " / ", vi(den.to_decimal()), " = ",
        vi(rate.to_decimal()), "%.",
    };
    Verdict::Fire(finding)
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
    let parts_interval = parts.to_interval();
    finding.computed_interval = if exact { None } else { parts_interval };
    finding.imbalance = computed.and_then(|c| whole.to_decimal().checked_sub(c));
    let across = rule.family == Family::AcrossForms;
    let whole_name = |language| cell_name(whole_id, across, language);
    let form = whole_id.indicator().form;
    let prefix_en = Prefix::new(across, "Form ", form);
    let prefix_vi = Prefix::new(across, "Biểu ", form);
    let total_en = Total(computed, parts_interval, Language::English);
    let total_vi = Total(computed, parts_interval, Language::Vietnamese);
    let parts_en = Parts {
        ids: part_ids,
        cells,
        across,
        language: Language::English,
    };
    let parts_vi = Parts {
        language: Language::Vietnamese,
        ..parts_en
    };
    let (names_en, values_en, blanks_en) = (parts_en.names(), parts_en.values(), parts_en.blanks());
    let (names_vi, values_vi, blanks_vi) = (parts_vi.names(), parts_vi.values(), parts_vi.blanks());
    let imbalance_en = Labelled(" (imbalance ", finding.imbalance, ")", Language::English);
    let imbalance_vi = Labelled(
        " (chênh lệch ",
        finding.imbalance,
        ")",
        Language::Vietnamese,
    );
    if equality {
        finding.message_en = message! {
            prefix_en, whole_name(Language::English), " = ", en(whole.to_decimal()), " but ",
            names_en, " = ", values_en, " = ", total_en, imbalance_en, ".",
        };
        finding.message_vi = message! {
            prefix_vi, whole_name(Language::Vietnamese), " = ", vi(whole.to_decimal()),
            " nhưng ", names_vi, " = ", values_vi, " = ", total_vi, imbalance_vi, ".",
        };
    } else {
        let unknown_en = Unless(parts_en.has_blanks(), " even with ", blanks_en, " blank");
        let unknown_vi = Unless(parts_vi.has_blanks(), " dù ", blanks_vi, " để trống");
        finding.message_en = message! {
            prefix_en, names_en, " = ", values_en, " = ", total_en, " exceeds ",
            whole_name(Language::English), " = ", en(whole.to_decimal()), unknown_en, ".",
        };
        finding.message_vi = message! {
            prefix_vi, names_vi, " = ", values_vi, " = ", total_vi, " vượt quá ",
            whole_name(Language::Vietnamese), " = ", vi(whole.to_decimal()), unknown_vi, ".",
        };
    }
    Verdict::Fire(finding)
}

/// The parts of a sum in a message: the reported parts' names joined by
/// ` + `, their values likewise, and the blank parts' names.
#[derive(Clone, Copy)]
struct Parts<'a> {
    ids: &'a [CellId],
    cells: &'a Cells<'a>,
    across: bool,
    language: Language,
}

/// Which list of [`Parts`] to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartList {
    Names,
    Values,
    Blanks,
}

impl<'a> Parts<'a> {
    fn names(self) -> PartsText<'a> {
        PartsText(self, PartList::Names)
    }

    fn values(self) -> PartsText<'a> {
        PartsText(self, PartList::Values)
    }

    fn blanks(self) -> PartsText<'a> {
        PartsText(self, PartList::Blanks)
    }

    fn has_blanks(self) -> bool {
        self.ids.iter().any(|&id| value(self.cells, id).is_none())
    }
}

/// A list of [`Parts`], written into a message.
#[derive(Clone, Copy)]
struct PartsText<'a>(Parts<'a>, PartList);

impl Piece for PartsText<'_> {
    fn put(&self, out: &mut String) {
        let PartsText(parts, list) = *self;
        let mut first = true;
        for &id in parts.ids {
            let reported = value(parts.cells, id);
            if reported.is_some() == (list == PartList::Blanks) {
                continue;
            }
            if !first {
                out.push_str(if list == PartList::Blanks {
                    ", "
                } else {
                    " + "
                });
            }
            first = false;
            match (list, reported) {
                (PartList::Values, Some(v)) => number(v.to_decimal(), parts.language).put(out),
                _ => cell_name(id, parts.across, parts.language).put(out),
            }
        }
    }
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
    let scale = super::interval::pow10(v.decimals).unwrap_or(i128::MAX);
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
    finding.message_en = message! {
        "Form ", form, ", row ", stt(id), " = ", en(v.to_decimal()), unit, " is outside ",
        range(Language::English), unit, ": ", rule.note_en,
    };
    finding.message_vi = message! {
        "Biểu ", form, ", mục ", stt(id), " = ", vi(v.to_decimal()), unit, " nằm ngoài ",
        range(Language::Vietnamese), unit, ": ", rule.note_vi,
    };
    Verdict::Fire(finding)
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
            text.push_str(stt(id));
            text.push_str(" = ");
            number(v, language).put(&mut text);
        }
        text
    };
    let form = code_id.indicator().form;
    finding.message_en = message! {
        "Form ", form, ", row ", stt(code_id), " = ", when, " (", meaning(Language::English),
        ") but ", listed(Language::English), " describe how it was done: they must be blank. ",
        rule.note_en,
    };
    finding.message_vi = message! {
        "Biểu ", form, ", mục ", stt(code_id), " = ", when, " (", meaning(Language::Vietnamese),
        ") nhưng ", listed(Language::Vietnamese), " mô tả cách thực hiện: phải để trống. ",
        rule.note_vi,
    };
    Verdict::Fire(finding)
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
    finding.message_en = message! {
        "Form ", form, ", row ", stt(overall_id), " = ", en(overall.to_decimal()),
        "% lies outside the range of ", names, interval_en(range), how_en, ".",
    };
    finding.message_vi = message! {
        "Biểu ", form, ", mục ", stt(overall_id), " = ", vi(overall.to_decimal()),
        "% nằm ngoài khoảng của ", names, interval_vi(range), how_vi, ".",
    };
    Verdict::Fire(finding)
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
    finding.message_en = message! {
        "The ", cell_name(left_id, true, Language::English), " = ", en(left.to_decimal()),
        " but ", cell_name(right_id, true, Language::English), " = ", en(right.to_decimal()),
        ", and they count the same thing",
        Labelled(" (difference ", finding.imbalance, ")", Language::English), ": ",
        rule.note_en,
    };
    finding.message_vi = message! {
        "Số liệu ", cell_name(left_id, true, Language::Vietnamese), " = ",
        vi(left.to_decimal()), " nhưng ", cell_name(right_id, true, Language::Vietnamese),
        " = ", vi(right.to_decimal()), ", trong khi cùng đếm một đối tượng",
        Labelled(
            " (chênh lệch ",
            finding.imbalance,
            ")",
            Language::Vietnamese
        ),
        ": ", rule.note_vi,
    };
    Verdict::Fire(finding)
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
fn cell_name(id: CellId, with_form: bool, language: Language) -> CellName {
    CellName(id, with_form, language)
}

fn en(value: Decimal) -> Number {
    Number(value, Language::English)
}

fn vi(value: Decimal) -> Number {
    Number(value, Language::Vietnamese)
}

fn number(value: Decimal, language: Language) -> Number {
    Number(value, language)
}

fn opt_en(value: Option<Decimal>) -> OptNumber {
    OptNumber(value, Language::English)
}

fn opt_vi(value: Option<Decimal>) -> OptNumber {
    OptNumber(value, Language::Vietnamese)
}

fn interval_en(interval: Option<Interval>) -> IntervalText {
    IntervalText(interval, Language::English, true)
}

fn interval_vi(interval: Option<Interval>) -> IntervalText {
    IntervalText(interval, Language::Vietnamese, true)
}

/// A piece of a message, written straight into it: a finding allocates its
/// two messages and nothing for their pieces.
trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for &str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

/// A form number or a code.
impl Piece for u8 {
    fn put(&self, out: &mut String) {
        let value = *self;
        if value >= 100 {
            out.push(char::from(b'0' + value / 100));
        }
        if value >= 10 {
            out.push(char::from(b'0' + value / 10 % 10));
        }
        out.push(char::from(b'0' + value % 10));
    }
}

#[derive(Clone, Copy)]
struct CellName(CellId, bool, Language);

impl Piece for CellName {
    fn put(&self, out: &mut String) {
        let indicator = self.0.indicator();
        match (self.1, self.2) {
            (false, _) => {}
            (true, Language::English) => {
                out.push_str("form ");
                indicator.form.put(out);
                out.push_str(" row ");
            }
            (true, Language::Vietnamese) => {
                out.push_str("biểu ");
                indicator.form.put(out);
                out.push_str(" mục ");
            }
        }
        out.push_str(indicator.stt);
    }
}

impl CellName {
    fn to_text(self) -> String {
        let mut text = String::new();
        self.put(&mut text);
        text
    }
}

/// A number as messages print it, without its trailing zeros: `-1234.5` in
/// English (as [`Decimal`] displays it), `-1.234,5` in Vietnamese (as
/// [`VietnameseDecimal`](crate::number::VietnameseDecimal) does).
#[derive(Clone, Copy)]
struct Number(Decimal, Language);

/// The two-digit numbers `00` to `99`, for writing digits two at a time.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

impl Piece for Number {
    fn put(&self, out: &mut String) {
        // A decimal has at most 29 digits and 28 decimals.
        const DIGITS: usize = 40;
        let value = if self.0.scale() == 0 {
            self.0
        } else {
            self.0.normalize()
        };
        let scale = value.scale() as usize;
        let mantissa = value.mantissa();
        // The digits, right-aligned after leading zeros; in 64 bits, two
        // at a time, once the rest fits.
        let mut digits = [b'0'; DIGITS];
        let mut start = DIGITS;
        let mut magnitude = mantissa.unsigned_abs();
        while u64::try_from(magnitude).is_err() {
            start -= 1;
            digits[start] += u8::try_from(magnitude % 10).unwrap_or_default();
            magnitude /= 10;
        }
        let mut small = u64::try_from(magnitude).unwrap_or_default();
        while small >= 10 {
            let pair = usize::try_from(small % 100).unwrap_or_default() * 2;
            small /= 100;
            start -= 2;
            digits[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if small > 0 {
            start -= 1;
            digits[start] += u8::try_from(small).unwrap_or_default();
        }
        // At least one integer digit: `0.05`.
        let start = start.min(DIGITS - 1 - scale.min(DIGITS - 1));
        let (integer, fraction) = digits[start..].split_at(DIGITS - start - scale);
        let mut text = [0_u8; 2 * DIGITS];
        let mut length = 0;
        if mantissa < 0 {
            text[0] = b'-';
            length = 1;
        }
        let point = match self.1 {
            Language::English => {
                text[length..length + integer.len()].copy_from_slice(integer);
                length += integer.len();
                b'.'
            }
            Language::Vietnamese => {
                // A `.` before each group of three from the right.
                let mut until_group = match integer.len() % 3 {
                    0 => 3,
                    lead => lead,
                };
                for &digit in integer {
                    if until_group == 0 {
                        text[length] = b'.';
                        length += 1;
                        until_group = 3;
                    }
                    text[length] = digit;
                    length += 1;
                    until_group -= 1;
                }
                b','
            }
        };
        if !fraction.is_empty() {
            text[length] = point;
            text[length + 1..length + 1 + fraction.len()].copy_from_slice(fraction);
            length += 1 + fraction.len();
        }
        out.push_str(std::str::from_utf8(&text[..length]).unwrap_or_default());
    }
}

/// A number, or `?` when unknown.
#[derive(Clone, Copy)]
struct OptNumber(Option<Decimal>, Language);

impl Piece for OptNumber {
    fn put(&self, out: &mut String) {
        match self.0 {
            Some(value) => Number(value, self.1).put(out),
            None => out.push('?'),
        }
    }
}

/// An interval, ` [low, high]` in English and ` [low; high]` in Vietnamese
/// (with the leading space when the flag says so); nothing when unknown.
#[derive(Clone, Copy)]
struct IntervalText(Option<Interval>, Language, bool);

impl Piece for IntervalText {
    fn put(&self, out: &mut String) {
        let Some(interval) = self.0 else {
            return;
        };
        if self.2 {
            out.push(' ');
        }
        out.push('[');
        Number(interval.low, self.1).put(out);
        out.push_str(match self.1 {
            Language::English => ", ",
            Language::Vietnamese => "; ",
        });
        Number(interval.high, self.1).put(out);
        out.push(']');
    }
}

/// The parts' total: their sum when it is exact, else the interval it lies in.
#[derive(Clone, Copy)]
struct Total(Option<Decimal>, Option<Interval>, Language);

impl Piece for Total {
    fn put(&self, out: &mut String) {
        match self.0 {
            Some(total) => Number(total, self.2).put(out),
            None => IntervalText(self.1, self.2, false).put(out),
        }
    }
}

/// `Form 3: `, or nothing for a rule across forms.
#[derive(Clone, Copy)]
struct Prefix(Option<(&'static str, u8)>);

impl Prefix {
    fn new(across: bool, word: &'static str, form: u8) -> Prefix {
        Prefix((!across).then_some((word, form)))
    }
}

impl Piece for Prefix {
    fn put(&self, out: &mut String) {
        if let Some((word, form)) = self.0 {
            out.push_str(word);
            form.put(out);
            out.push_str(": ");
        }
    }
}

/// A number between two words, or nothing when unknown: ` (imbalance 6)`.
#[derive(Clone, Copy)]
struct Labelled(&'static str, Option<Decimal>, &'static str, Language);

impl Piece for Labelled {
    fn put(&self, out: &mut String) {
        if let Some(value) = self.1 {
            out.push_str(self.0);
            Number(value, self.3).put(out);
            out.push_str(self.2);
        }
    }
}

/// Something between two words when the flag is set, else nothing.
#[derive(Clone, Copy)]
struct Unless<T>(bool, &'static str, T, &'static str);

impl<T: Piece> Piece for Unless<T> {
    fn put(&self, out: &mut String) {
        if self.0 {
            out.push_str(self.1);
            self.2.put(out);
            out.push_str(self.3);
        }
    }
}

/// The description of a rule in one language, derived from its cells.
pub(crate) fn describe(rule: &Rule, language: Language) -> String {
    let english = language == Language::English;
    let across = rule.family == Family::AcrossForms;
    let name = |id: CellId| cell_name(id, across, language).to_text();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::VietnameseDecimal;

    fn text(piece: &impl Piece) -> String {
        let mut out = String::new();
        piece.put(&mut out);
        out
    }

    #[test]
    fn numbers_print_as_decimal_and_vietnamese_decimal_do() {
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(0, 3),
            Decimal::new(-0, 2),
            Decimal::new(5, 2),
            Decimal::new(-5, 2),
            Decimal::new(1896, 0),
            Decimal::new(-6, 0),
            Decimal::new(993, 1),
            Decimal::new(99_300, 3),
            Decimal::new(8_007_000, 0),
            Decimal::new(-12_345_675, 2),
            Decimal::new(100_000, 0),
            Decimal::new(999_999, 6),
            Decimal::new(1, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 0),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) * 10 + 7, 5),
            Decimal::from_i128_with_scale(-(i128::from(u64::MAX) * 1000), 28),
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let shift = state % 96;
            let mantissa = i128::from(state >> (state % 64)) << (shift % 32);
            let sign = if state % 3 == 0 { -1 } else { 1 };
            let scale = u32::try_from(state % 29).unwrap();
            values.push(Decimal::from_i128_with_scale(sign * mantissa, scale));
        }
        for value in values {
            assert_eq!(text(&en(value)), value.normalize().to_string(), "{value:?}");
            assert_eq!(
                text(&vi(value)),
                VietnameseDecimal(value.normalize()).to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn small_numbers_and_names_print_as_format_does() {
        for value in 0..=u8::MAX {
            assert_eq!(text(&value), value.to_string());
        }
        let id = CellId::of(4, "1.5");
        assert_eq!(text(&cell_name(id, false, Language::English)), "1.5");
        assert_eq!(
            text(&cell_name(id, true, Language::English)),
            "form 4 row 1.5"
        );
        assert_eq!(
            text(&cell_name(id, true, Language::Vietnamese)),
            "biểu 4 mục 1.5"
        );
    }
}
