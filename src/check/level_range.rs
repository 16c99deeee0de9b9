//! `level_range`: an overall rate between its lowest and highest per-level
//! rate (the locality's rate is a weighted average of the levels'). Levels
//! whose rows do not apply to the period are left out.

use std::fmt;

use super::interval::{Reading, Span};
use super::ratio::span;
use super::rules::{Notes, split};
use super::snapshot::{Slot, read};
use super::words::{IntervalText, Names, Number, Prefix, Row, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::unit::Printed;

/// An overall rate and the per-level rates it averages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LevelRange {
    /// The overall rate (`7/5.2`).
    pub overall: CellId,
    /// The per-level rates (`7/5.2.1`, `7/5.2.2`, `7/5.2.3`).
    pub levels: &'static [CellId],
}

/// The most levels a rule reads.
const LEVELS: usize = 8;

impl RuleFamily for LevelRange {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let Some(overall) = values.get(0) else {
            return Outcome::NotEvaluated;
        };
        let mut levels = [None::<(CellId, Printed)>; LEVELS];
        let mut count = 0;
        for (index, &id) in self.levels.iter().enumerate().take(LEVELS) {
            if values.is_absent(index + 1) {
                continue;
            }
            match values.get(index + 1) {
                Some(v) => {
                    levels[count] = Some((id, v));
                    count += 1;
                }
                None => return Outcome::NotEvaluated,
            }
        }
        if count == 0 {
            return Outcome::NotEvaluated;
        }
        let range_under = |reading| -> Option<Span> {
            let mut range: Option<Span> = None;
            for &(id, v) in levels.iter().flatten() {
                let s = span(id, v, reading)?;
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
            .zip(span(self.overall, overall, Reading::Nearest))
            .and_then(|(range, overall)| overall.overlaps(range));
        match nearest {
            Some(true) => return Outcome::Passed,
            None => return Outcome::NotEvaluated,
            Some(false) => {}
        }
        let truncated = range_under(Reading::Truncated)
            .zip(span(self.overall, overall, Reading::Truncated))
            .and_then(|(range, overall)| overall.overlaps(range))
            == Some(true);
        let (severity, phrase) = if truncated {
            (crate::finding::Severity::Info, Phrase::OnlyIfTruncated)
        } else {
            (rule.rule().severity, Phrase::Violated)
        };
        let finding = fire(findings, rule, severity, phrase, values);
        finding.reported = Some(overall.to_decimal());
        finding.reported_interval =
            span(self.overall, overall, Reading::Nearest).and_then(Span::to_interval);
        finding.computed_interval = range_under(Reading::Nearest).and_then(Span::to_interval);
        fired(finding)
    }

    /// The overall rate overlaps the range of the per-level rates.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let overall = match read(snapshot, self.overall) {
            Ok(Some(overall)) => overall,
            Ok(None) => return Fast::Skip,
            Err(undecided) => return undecided,
        };
        if self.levels.is_empty() || self.levels.len() > LEVELS {
            return Fast::Undecided;
        }
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for &level in self.levels {
            let level = match read(snapshot, level) {
                Ok(Some(level)) => level,
                Ok(None) => return Fast::Skip,
                Err(undecided) => return undecided,
            };
            let (level_lo, level_hi) = level.at_scale();
            lo = lo.min(level_lo);
            hi = hi.max(level_hi);
        }
        let (overall_lo, overall_hi) = overall.at_scale();
        if overall_lo <= hi && lo <= overall_hi {
            Fast::Pass
        } else {
            Fast::Undecided
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let levels = Names(self.levels, ", ", false, language);
        message! { out;
            Prefix(Some(self.overall.indicator().form), language),
            "min(", levels, ") ≤ ", self.overall.indicator().stt, " ≤ max(", levels, ").",
        }
    }

    fn write_message(
        &self,
        finding: &Finding,
        wording: &Wording,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let truncated = wording.phrase == Phrase::OnlyIfTruncated;
        let names = LevelNames(self.levels, wording, language);
        let range = IntervalText(finding.computed_interval, language, true);
        let overall = Number(wording.at(0), language);
        let row = Row(self.overall, language);
        match language {
            Language::English => {
                let how = if truncated {
                    " unless the rates were truncated"
                } else {
                    ""
                };
                message! { out;
                    row, " = ", overall, "% lies outside the range of ", names, range, how, ".",
                }
            }
            Language::Vietnamese => {
                let how = if truncated {
                    " trừ khi các tỷ lệ bị cắt bớt chữ số"
                } else {
                    ""
                };
                message! { out;
                    row, " = ", overall, "% nằm ngoài khoảng của ", names, range, how, ".",
                }
            }
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Range {
            overall: self.overall,
            levels: self.levels,
        }
    }
}

/// The STTs of the levels that apply to the period, joined by `, `.
#[derive(Clone, Copy)]
struct LevelNames<'a>(&'static [CellId], &'a Wording, Language);

impl super::words::Piece for LevelNames<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let mut first = true;
        for (index, &id) in self.0.iter().enumerate() {
            if self.1.is_absent(index + 1) {
                continue;
            }
            if !first {
                out.write_str(", ")?;
            }
            first = false;
            out.write_str(id.indicator().stt)?;
        }
        let _ = self.2;
        Ok(())
    }
}

impl LevelRange {
    /// The rule of `cells`, `[overall, levels…]`.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (overall, levels) = split(cells);
        let check = Check::LevelRange(LevelRange { overall, levels });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a level range.
#[cfg(feature = "proptest")]
mod strategy {
    use super::LevelRange;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Draw, Generates, Ground, Holds, Making, Violation, decimals_of, first_outside,
        floor_at, pow10, rounding_of, within,
    };
    use crate::check::percentage_of;
    use crate::unit::Printed;

    impl Generates for LevelRange {
        fn holds(&self) -> Holds {
            Holds::Overall
        }

        /// The overall rate: a weighted average of the per-level rates of
        /// the levels that exist.
        fn hold(&self, rule: &Rule, _index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
            let (&overall, levels) = rule.cells.split_first()?;
            let d = making.draw(overall);
            let levels: Vec<CellId> = levels
                .iter()
                .copied()
                .filter(|&id| !making.absent.contains(id))
                .collect();
            let value = weighted_average(&levels, making)
                .and_then(|(sum, weights)| {
                    percentage_of(
                        sum,
                        Printed::whole(weights * 100),
                        decimals_of(overall, d),
                        rounding_of(d),
                    )
                })
                .filter(|&value| {
                    making
                        .ground
                        .usual_range(overall)
                        .is_some_and(|r| within(value, r))
                });
            making.set(overall, value);
            None
        }

        /// Per-level rates, and an overall rate at least three points
        /// outside their range.
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let (mut lo, mut hi) = (i128::MIN, i128::MAX);
            for &id in rule.cells {
                let (l, h) = ground.usual_range(id)?;
                lo = lo.max(l);
                hi = hi.min(h);
            }
            if hi - lo < 4 {
                return None;
            }
            // Levels in [low, high]; the overall rate in [overall_low, overall_high].
            let (low, high, overall_low, overall_high) = if violation.above {
                let top = lo + violation.margin(hi - lo - 3);
                (lo, top, top + 4, hi)
            } else {
                let bottom = lo + 4 + violation.margin(hi - lo - 3);
                (bottom, hi, lo, bottom - 4)
            };
            let pick = |d: Draw, from: i128, to: i128| {
                let decimals = d.decimals.min(2);
                let whole = from + i128::from(d.pick) % (to - from + 1);
                let fraction = if whole >= to {
                    0
                } else {
                    i128::from(d.weight) % pow10(decimals)
                };
                Printed {
                    mantissa: whole * pow10(decimals) + fraction,
                    decimals,
                }
            };
            let mut written = vec![Some(pick(violation.cell(0), overall_low, overall_high))];
            for position in 1..rule.cells.len() {
                written.push(Some(pick(violation.cell(position), low, high)));
            }
            Some(Broken::cells(written))
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }
    }

    /// `(Σ wᵢ·rateᵢ, Σ wᵢ)` over the per-level rates, at their finest
    /// precision; `None` when one is blank.
    fn weighted_average(levels: &[CellId], making: &Making<'_>) -> Option<(Printed, i128)> {
        let rates: Vec<Printed> = levels
            .iter()
            .map(|&id| making.value(id))
            .collect::<Option<_>>()?;
        let decimals = rates.iter().map(|rate| rate.decimals).max()?;
        let mut weights: Vec<i128> = levels
            .iter()
            .map(|&id| i128::from(making.draw(id).weight))
            .collect();
        if weights.iter().all(|&w| w == 0) {
            weights.fill(1);
        }
        let sum = rates
            .iter()
            .zip(&weights)
            .map(|(rate, w)| floor_at(*rate, decimals) * w)
            .sum();
        Some((
            Printed {
                mantissa: sum,
                decimals,
            },
            weights.iter().sum(),
        ))
    }
}
