//! Localisation checked against an independent integer-programming solver
//! (`good_lp` with its pure-Rust `microlp` backend), on the consistent
//! sample with one to three cells mistyped.
//!
//! The programme (Big-M only here, in the test, on values below 10^6):
//! for each cell of the rules modelled, an integer value `x` and a binary
//! `δ` (changed), `|x − reported| ≤ M·δ`; minimise Σ δ subject to
//! - a sum: `total = Σ parts`; a part-whole: `Σ parts ≤ whole`; counts ≥ 0;
//! - a percentage bound as the rate's own bounds (mantissa at its decimals);
//! - a ratio `rate = 100 × num / den`: the rate's printed mantissa `r` at
//!   `d` decimals stands for `[r − ½, r + ½]` rounded or `[r, r + 1)`
//!   truncated, together `[r − ½, r + 1)`, so
//!   `(2r − 1)·den ≤ 200·10^d·num ≤ (2r + 2)·den − 1` when the rate is not
//!   changed and `den > 0` (a binary `z` says `den = 0`: no ratio). A changed
//!   rate drops the condition: with `num ≤ den` (every such ratio here has
//!   that part-whole rule) a rate in [0, 100] exists for any num and den.
//!
//! The library's minimal weight must equal the solver's optimum, and every
//! set it returns must repair the report.

use cchc_forms::bnv581::RULES;
use cchc_forms::catalogue::CellId;
use cchc_forms::check::Check;
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Report, Severity, samples};
use good_lp::{Expression, ProblemVariables, Solution, SolverModel, Variable, microlp, variable};

/// The sample made consistent (as the benches' clean base).
fn clean() -> Report {
    let report = samples::bac_giang_2023_q3_consistent();
    assert!(report.validate().is_empty());
    report
}

/// Whether a rule is modelled: error sums, parts and ratios over counts
/// (and their rates), and bounds.
fn modelled(rule: &cchc_forms::check::Rule) -> bool {
    let counts = |cells: &[CellId]| cells.iter().all(|c| c.indicator().kind == ValueKind::Count);
    rule.severity == Severity::Error
        && match rule.check {
            Check::Sum(_) | Check::PartWhole(_) => counts(rule.cells),
            Check::Ratio(_) => counts(&rule.cells[1..]),
            _ => false,
        }
}

/// The solver's minimal number of changed cells.
fn solver_minimum(report: &Report, base: &Report) -> u64 {
    let rules: Vec<_> = RULES.iter().filter(|r| modelled(r)).collect();
    let mut cells: Vec<CellId> = rules.iter().flat_map(|r| r.cells.iter().copied()).collect();
    cells.sort();
    cells.dedup();
    let mut problem = ProblemVariables::new();
    let mut value_of = Vec::new();
    let mut changed = Vec::new();
    for &cell in &cells {
        let reported = report.cell(cell).expect("the base has no blank here");
        // Room for any value near the reported or the original one.
        let original = base.cell(cell).map_or(0, |value| value.mantissa);
        #[allow(clippy::cast_precision_loss)]
        let v = reported.mantissa.max(original) as f64;
        let (lo, hi) = if cell.indicator().kind == ValueKind::Percent {
            (
                0.0,
                100.0 * 10f64.powi(i32::try_from(reported.decimals).unwrap()),
            )
        } else {
            (0.0, 4.0 * v + 1000.0)
        };
        value_of.push(problem.add(variable().integer().min(lo).max(hi)));
        changed.push(problem.add(variable().binary()));
    }
    let index = |cell: CellId| cells.iter().position(|&c| c == cell).unwrap();
    let x = |cell: CellId| value_of[index(cell)];
    let objective: Expression = changed.iter().map(|&d| Expression::from(d)).sum();
    let mut dens: Vec<(CellId, Variable)> = Vec::new();
    for rule in &rules {
        if matches!(rule.check, Check::Ratio(_)) && !dens.iter().any(|(c, _)| *c == rule.cells[2]) {
            dens.push((rule.cells[2], problem.add(variable().binary())));
        }
    }
    let mut model = problem.minimise(objective).using(microlp);
    let big = 1.0e7;
    for (i, &cell) in cells.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let v = report.cell(cell).unwrap().mantissa as f64;
        model = model
            .with((value_of[i] - v).leq(changed[i] * big))
            .with((v - value_of[i]).leq(changed[i] * big));
    }
    for rule in &rules {
        let (&first, rest) = rule.cells.split_first().unwrap();
        let parts: Expression = rest.iter().map(|&c| Expression::from(x(c))).sum();
        match rule.check {
            Check::Sum(_) => model = model.with(parts.eq(x(first))),
            Check::PartWhole(_) => model = model.with(parts.leq(x(first))),
            Check::Ratio(_) => {
                let (num, den) = (rule.cells[1], rule.cells[2]);
                let rate = report.cell(first).unwrap();
                #[allow(clippy::cast_precision_loss)]
                let r = rate.mantissa as f64;
                let scale = 200.0 * 10f64.powi(i32::try_from(rate.decimals).unwrap());
                let zero = dens.iter().find(|(c, _)| *c == den).unwrap().1;
                // Rows divided by `scale`, so that the coefficients stay near 1.
                let relax = 1.0e6;
                let off = Expression::from(changed[index(first)]) + zero;
                model = model
                    .with((x(den) * 1.0).leq((1.0 - Expression::from(zero)) * big))
                    .with((x(den) * ((2.0 * r - 1.0) / scale) - x(num)).leq(off.clone() * relax))
                    .with(
                        (x(num) - x(den) * ((2.0 * r + 2.0) / scale) + 1.0 / scale)
                            .leq(off * relax),
                    );
            }
            _ => {}
        }
    }
    let solution = model.solve().expect("the programme solves");
    let total: f64 = changed.iter().map(|&d| solution.value(d)).sum();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let total = total.round() as u64;
    total
}

/// A deterministic generator.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A mistyping of `value`: two digits swapped, a digit changed, dropped
/// or repeated, or a small slip.
fn mistype(value: i128, random: &mut XorShift) -> i128 {
    let mut digits: Vec<u8> = value.to_string().into_bytes();
    let at = usize::try_from(random.below(digits.len() as u64)).unwrap();
    match random.below(5) {
        0 if digits.len() > 1 => {
            let at = at.min(digits.len() - 2);
            digits.swap(at, at + 1);
        }
        1 => digits[at] = b'0' + u8::try_from(random.below(10)).unwrap(),
        2 if digits.len() > 1 => {
            digits.remove(at);
        }
        3 => digits.insert(at, digits[at]),
        _ => return value + 1 + i128::from(random.below(40)),
    }
    String::from_utf8(digits)
        .unwrap()
        .parse()
        .unwrap_or(value + 1)
}

#[test]
fn minimal_weights_match_an_integer_programme() {
    let base = clean();
    let pool: Vec<CellId> = {
        let mut cells: Vec<CellId> = RULES
            .iter()
            .filter(|r| modelled(r))
            .flat_map(|r| r.cells.iter().copied())
            .collect();
        cells.sort();
        cells.dedup();
        cells
    };
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    for _case in 0..40 {
        let mut report = base.clone();
        let k = 1 + random.below(3);
        for _ in 0..k {
            let cell = pool[usize::try_from(random.below(pool.len() as u64)).unwrap()];
            let value = report.cell(cell).unwrap();
            let typed = mistype(value.mantissa, &mut random).max(0);
            let _ = report.set_cell(
                cell,
                Some(Printed {
                    mantissa: typed,
                    ..value
                }),
            );
        }
        if !report.validate().has_errors() {
            continue;
        }
        let located = report.locate();
        let expected = solver_minimum(&report, &base);
        assert_eq!(located.weight, expected, "{:?}", located.sets);
        for set in &located.sets {
            assert!(!set.apply(&report).validate().has_errors());
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} broken reports");
}
