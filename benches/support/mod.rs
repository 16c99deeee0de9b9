//! What the benchmarks share: the sample made consistent, and many varied
//! reports built from it deterministically.

use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::bnv581::RULES;
use cchc_forms::catalogue::CellId;
use cchc_forms::check::{Check, Rounding, percentage_of};
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Level, Report, samples};

/// A small deterministic generator (xorshift64*).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// `true` with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

/// The sample made consistent: the sum of form 3 row 1.4 and the units of
/// form 4 row 1.5 corrected, the derivable blanks filled. Every check passes.
pub fn clean_base() -> Report {
    let report = samples::bac_giang_2023_q3_consistent();
    assert!(report.validate().is_empty(), "the clean base has findings");
    report
}

/// Whether a cell is the rate of a ratio rule.
fn is_rate(id: CellId) -> bool {
    RULES
        .iter()
        .any(|rule| matches!(rule.check, Check::Ratio(_)) && rule.cells[0] == id)
}

/// One varied report, mostly consistent.
fn varied(base: &Report, random: &mut XorShift) -> Report {
    let mut report = base.clone();
    report.meta.level = Some(match random.below(10) {
        0 => Level::Ministry,
        1..=6 => Level::Province,
        7 | 8 => Level::District,
        _ => Level::Commune,
    });
    // Scale every count and amount by one factor: sums, parts, ratios and
    // cross-form equalities all still hold.
    let factor = i128::from(random.below(40) + 1);
    for indicator in &CATALOGUE {
        let id = indicator.id;
        let Some(value) = report.cell(id) else {
            continue;
        };
        if matches!(indicator.kind, ValueKind::Count | ValueKind::MillionVnd) {
            let scaled = Printed {
                mantissa: value.mantissa * factor,
                decimals: value.decimals,
            };
            report.set_cell(id, Some(scaled)).expect("a scaled value");
        }
    }
    // New numerators, and every rate printed again at 0 to 2 decimals.
    for rule in RULES
        .iter()
        .filter(|rule| matches!(rule.check, Check::Ratio(_)))
    {
        let [rate, num, den] = [rule.cells[0], rule.cells[1], rule.cells[2]];
        let (Some(numerator), Some(denominator)) = (report.cell(num), report.cell(den)) else {
            continue;
        };
        let mut numerator = numerator;
        let whole = matches!(num.indicator().kind, ValueKind::Count);
        if whole && denominator.decimals == 0 && random.chance(500) {
            let den_value = u64::try_from(denominator.mantissa).unwrap_or(0);
            numerator = Printed::whole(i128::from(den_value - random.below(den_value / 10 + 1)));
            report.set_cell(num, Some(numerator)).expect("a count");
        }
        let decimals = u32::try_from(random.below(3)).unwrap_or(0);
        let printed = percentage_of(numerator, denominator, decimals, Rounding::HalfAwayFromZero);
        report.set_cell(rate, printed).expect("a percentage");
    }
    // Blanks anywhere but in a rate (a blank rate beside its rows is a note).
    for indicator in &CATALOGUE {
        if random.chance(30) && !is_rate(indicator.id) {
            report.set_cell(indicator.id, None).expect("a blank");
        }
    }
    // A realistic minority is damaged.
    if random.chance(100) {
        damage(&mut report, random);
    }
    report
}

/// One mistake: a count nudged, a rate mistyped or left blank.
fn damage(report: &mut Report, random: &mut XorShift) {
    let index = usize::try_from(random.below(CATALOGUE.len() as u64)).unwrap_or(0);
    let id = CATALOGUE[index].id;
    let Some(value) = report.cell(id) else {
        return;
    };
    match CATALOGUE[index].kind {
        ValueKind::Count => {
            let nudged = value.mantissa + i128::from(random.below(20)) + 1;
            report.set_cell(id, Some(Printed::whole(nudged))).ok();
        }
        ValueKind::Percent if is_rate(id) && random.chance(300) => {
            report.set_cell(id, None).ok();
        }
        ValueKind::Percent => {
            let typo = Printed {
                mantissa: value.mantissa + 7,
                decimals: value.decimals,
            };
            report.set_cell(id, Some(typo)).ok();
        }
        _ => {}
    }
}

/// `count` varied reports, the same on every run.
pub fn batch(count: usize) -> Vec<Report> {
    let base = clean_base();
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    (0..count).map(|_| varied(&base, &mut random)).collect()
}

/// The clean base with every count and amount multiplied by `factor`: sums,
/// parts, ratios and equalities still hold.
#[allow(
    dead_code,
    reason = "the validate bench uses it, the allocations bench does not"
)]
fn scaled(base: &Report, factor: i128) -> Report {
    let mut report = base.clone();
    for indicator in &CATALOGUE {
        if let (Some(value), ValueKind::Count | ValueKind::MillionVnd) =
            (report.cell(indicator.id), indicator.kind)
        {
            let scaled = Printed {
                mantissa: value.mantissa * factor,
                decimals: value.decimals,
            };
            report
                .set_cell(indicator.id, Some(scaled))
                .expect("a scaled value");
        }
    }
    report
}

/// One body's four reports of 2023, consistent: the clean base's flow
/// counts as every quarter's (Q1 ×1, half-year ×2, Q3 ×1, year ×4), its
/// other rows the same in all four but procedures in force, 108 more each
/// quarter (135 published, 27 abolished), with their provincial part.
#[allow(
    dead_code,
    reason = "the validate bench uses it, the allocations bench does not"
)]
pub fn clean_year() -> Vec<Report> {
    use cchc_forms::catalogue::PeriodClass;
    use cchc_forms::{Period, Term};
    let base = clean_base();
    [
        (Term::Q1, 1, -216),
        (Term::HalfYear, 2, -108),
        (Term::Q3, 1, 0),
        (Term::Year, 4, 108),
    ]
    .into_iter()
    .map(|(term, k, shift)| {
        let mut report = base.clone();
        report.meta.period = Some(Period::new(2023, term));
        for indicator in &CATALOGUE {
            if indicator.period_class() == PeriodClass::Flow
                && matches!(indicator.kind, ValueKind::Count)
            {
                if let Some(value) = report.cell(indicator.id) {
                    let scaled = Printed::whole(value.mantissa * k);
                    report
                        .set_cell(indicator.id, Some(scaled))
                        .expect("a count");
                }
            }
        }
        for (stt, value) in [("1.4", 1896 + shift), ("1.4.1", 1486 + shift)] {
            report
                .set_cell(CellId::of(3, stt), Some(Printed::whole(value)))
                .expect("a count");
        }
        report
    })
    .collect()
}

/// `count` reports of one period to add up: the clean base scaled by
/// factors from 1 to 40, the same on every run.
#[allow(
    dead_code,
    reason = "the validate bench uses it, the allocations bench does not"
)]
pub fn members(count: usize) -> Vec<Report> {
    let base = clean_base();
    let mut random = XorShift(0x05EE_D0FA_11B0_D1E5);
    (0..count)
        .map(|i| {
            let mut member = scaled(&base, i128::from(random.below(40) + 1));
            // Each body once: a total counts a body once.
            member.meta.body = format!("Đơn vị {i}");
            member
        })
        .collect()
}
