//! The snapshot the clean path reads: a compact copy of a report's cells.
//!
//! Most rules hold on most reports, and the values involved are small: whole
//! counts, percentages with a few decimals. For those, each family decides a
//! rule on this snapshot with fixed-size integers that cannot overflow,
//! without allocating, without division and without rescaling at run time
//! ([`super::RuleFamily::decide`]). Whatever a family does not pass or skip
//! (a rule that fires, a value too large for the snapshot, a family with no
//! clean path) goes to its exact evaluator.
//!
//! One [`Slot`] of 8 bytes per cell: the printed digits as an `i32`, the
//! printed decimals, and how the cell reads (exact for counts and codes). A
//! value whose digits do not fit in an `i32` or that has more than
//! [`MAX_DECIMALS`] decimals is marked wide, and every rule reading it goes
//! to the exact evaluators.
//!
//! # Arithmetic bounds
//! With `|m| < 2³¹` and at most 6 decimals, a value in half-units at scale 6,
//! `(2m ± 1) · 10^(6 − s)`, is below 2⁵³, so sums of parts fit an `i64`;
//! a ratio's cross-products are below 2⁹⁶ and are computed in `i128`.

use crate::catalogue::CellId;
use crate::number::MAX_DECIMALS;
use crate::reference::ReferenceCount;
use crate::unit::{CellValue, Printed, ValueKind};

use super::Fast;

/// The scale every comparison of sums and intervals is made at: the most
/// decimals a value may have.
pub(crate) const SCALE: u8 = 6;
const _: () = assert!(SCALE as u32 == MAX_DECIMALS);

/// `10^n` for `n` in `0..=SCALE`.
pub(crate) const POW10: [i64; SCALE as usize + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// The `decimals` of a blank slot.
const BLANK: u8 = u8::MAX - 1;
/// The `decimals` of a slot whose value does not fit the snapshot: the
/// greatest, so that the most decimals of several slots says at once
/// whether all fit ([`read_all`]), one is blank, or one is wide.
const WIDE: u8 = u8::MAX;
const _: () = assert!(SCALE < BLANK && BLANK < WIDE);

/// The value is exact (a count or a code), not a printed decimal.
const EXACT: u8 = 1;
/// The value is a code.
const CODE: u8 = 2;

/// One cell in the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) mantissa: i32,
    pub(crate) decimals: u8,
    flags: u8,
}

impl Slot {
    /// A blank cell of no particular type (before the snapshot is filled).
    pub(crate) const EMPTY: Slot = Slot {
        mantissa: 0,
        decimals: BLANK,
        flags: 0,
    };

    /// A cell too wide for the snapshot (or past it): left to the exact
    /// evaluators.
    pub(crate) const WIDE: Slot = Slot {
        mantissa: 0,
        decimals: WIDE,
        flags: 0,
    };

    /// The slot of a cell of type `T`.
    // One copy a cell type, called from each cell: the snapshot's code stays
    // small enough to share the instruction cache with the compiled plan.
    #[inline(never)]
    pub(crate) fn of<T: CellValue>(value: Option<T>) -> Slot {
        let flags = match T::KIND {
            ValueKind::Count => EXACT,
            ValueKind::Code { .. } => EXACT | CODE,
            ValueKind::Percent | ValueKind::MillionVnd => 0,
        };
        let Some(value) = value else {
            return Slot {
                mantissa: 0,
                decimals: BLANK,
                flags,
            };
        };
        let printed = value.printed();
        match (
            i32::try_from(printed.mantissa),
            u8::try_from(printed.decimals),
        ) {
            (Ok(mantissa), Ok(decimals)) if decimals <= SCALE && mantissa != i32::MIN => Slot {
                mantissa,
                decimals,
                flags,
            },
            _ => Slot {
                mantissa: 0,
                decimals: WIDE,
                flags,
            },
        }
    }

    /// The slot of cell `id` (not blank, not wide) with how it reads taken
    /// from the catalogue, which is how [`Slot::of`] filled it in: a count
    /// or a code has no decimals. The same slot; but when `id` is a
    /// constant (in the compiled plan) so is its kind, and every test of
    /// it folds away.
    #[inline(always)]
    fn read_as(self, id: CellId) -> Slot {
        let read = match id.indicator().kind {
            ValueKind::Count => Slot {
                mantissa: self.mantissa,
                decimals: 0,
                flags: EXACT,
            },
            ValueKind::Code { .. } => Slot {
                mantissa: self.mantissa,
                decimals: 0,
                flags: EXACT | CODE,
            },
            ValueKind::Percent | ValueKind::MillionVnd => Slot { flags: 0, ..self },
        };
        debug_assert_eq!(read, self, "the snapshot holds {id:?} as its type");
        read
    }

    /// Whether the cell is blank.
    pub(crate) fn is_blank(self) -> bool {
        self.decimals == BLANK
    }

    /// Whether the cell is wide (must be read from the report).
    pub(crate) fn is_wide(self) -> bool {
        self.decimals == WIDE
    }

    /// The slot of cell `id` read as its type, if it holds a value (not
    /// blank, not wide): what [`read`] gives for it.
    #[inline(always)]
    pub(crate) fn held(self, id: CellId) -> Option<Slot> {
        (self.decimals <= SCALE).then(|| self.read_as(id))
    }

    /// The value as printed, `None` when blank; `Err` when the value is
    /// wide, so that it must be read from the report.
    pub(crate) fn printed(self) -> Result<Option<Printed>, ()> {
        match self.decimals {
            BLANK => Ok(None),
            WIDE => Err(()),
            decimals => Ok(Some(Printed {
                mantissa: i128::from(self.mantissa),
                decimals: u32::from(decimals),
            })),
        }
    }

    /// Whether the slot holds a whole number read exactly (a count or a
    /// code printed without decimals).
    #[inline]
    pub(crate) fn is_exact_whole(self) -> bool {
        self.decimals == 0 && self.flags & EXACT != 0
    }

    /// Whether the cell holds a code.
    pub(crate) fn is_code(self) -> bool {
        self.flags & CODE != 0
    }

    /// The half-width of the interval, in half-units: 0 when exact, else 1.
    fn spread(self) -> i64 {
        i64::from((self.flags & EXACT) ^ EXACT)
    }

    /// The interval read to nearest (exact for counts and codes), in
    /// half-units at its own scale; each bound below 2³³ in magnitude.
    pub(crate) fn own(self) -> (i64, i64) {
        let twice = 2 * i64::from(self.mantissa);
        (twice - self.spread(), twice + self.spread())
    }

    /// The same interval in half-units at [`SCALE`]; each bound below 2⁵³
    /// in magnitude.
    pub(crate) fn at_scale(self) -> (i64, i64) {
        let (lo, hi) = self.own();
        let factor = POW10[usize::from(SCALE - self.decimals)];
        (lo * factor, hi * factor)
    }

    /// `2 × 10^decimals`, the denominator of its half-units (at most 2 × 10⁶).
    pub(crate) fn half_unit(self) -> i64 {
        2 * POW10[usize::from(self.decimals)]
    }
}

/// A cell of the snapshot: `Ok(None)` when blank, `Ok(Some(slot))` when it
/// fits, `Err(Fast::Undecided)` when it is wide (or out of range), for `?`.
#[inline(always)]
pub(crate) fn read(snapshot: &[Slot], id: CellId) -> Result<Option<Slot>, Fast> {
    match snapshot.get(id.index()) {
        Some(&slot) if slot.decimals <= SCALE => Ok(Some(slot.read_as(id))),
        Some(&slot) if slot.decimals == BLANK => Ok(None),
        _ => Err(Fast::Undecided),
    }
}

/// The slot of cell `id` as it is (blank, wide or held; wide when past the
/// snapshot), not yet read as its type: see [`Slot::held`].
#[inline(always)]
pub(crate) fn slot_of(snapshot: &[Slot], id: CellId) -> Slot {
    snapshot.get(id.index()).copied().unwrap_or(Slot::WIDE)
}

/// The cells `ids` of the snapshot when every one is reported and fits it:
/// `Err(Fast::Undecided)` when one is wide (or out of range), else
/// `Err(Fast::Skip)` when one is blank. What [`read`] gives for each,
/// decided together: one comparison of their greatest `decimals` in the
/// common case, so that the compiled plan stays small.
#[inline(always)]
pub(crate) fn read_all<const N: usize>(
    snapshot: &[Slot],
    ids: [CellId; N],
) -> Result<[Slot; N], Fast> {
    let mut slots = [Slot::EMPTY; N];
    for (slot, id) in slots.iter_mut().zip(ids) {
        *slot = slot_of(snapshot, id);
    }
    let mut slots = held_all(slots)?;
    for (slot, id) in slots.iter_mut().zip(ids) {
        *slot = slot.read_as(id);
    }
    Ok(slots)
}

/// [`read_all`] of slots already taken from the snapshot ([`slot_of`]):
/// each read by the flags [`Slot::of`] gave it from its cell's kind, as
/// [`Slot::read_as`] would read it. For decisions made out of line, where
/// the cells are not constants.
#[inline(always)]
pub(crate) fn held_all<const N: usize>(slots: [Slot; N]) -> Result<[Slot; N], Fast> {
    let most = slots.iter().map(|slot| slot.decimals).max().unwrap_or(0);
    if most <= SCALE {
        Ok(slots)
    } else if most == BLANK {
        Err(Fast::Skip)
    } else {
        Err(Fast::Undecided)
    }
}

/// Where a reference count sits in a snapshot of `len` slots: after the
/// cells, the last [`ReferenceCount::ALL`] slots.
#[inline]
pub(crate) fn reference_slot(len: usize, kind: ReferenceCount) -> usize {
    match len.checked_sub(ReferenceCount::ALL.len()) {
        Some(cells) => cells + kind as usize,
        // Too short to hold them: past its end, read as not fitting.
        None => len,
    }
}

/// A reference count of the snapshot, `Ok(None)` when not given.
#[inline(always)]
pub(crate) fn read_reference(
    snapshot: &[Slot],
    kind: ReferenceCount,
) -> Result<Option<Slot>, Fast> {
    match snapshot.get(reference_slot(snapshot.len(), kind)) {
        // A reference count is a count.
        Some(&slot) if slot.decimals <= SCALE => Ok(Some(Slot {
            mantissa: slot.mantissa,
            decimals: 0,
            flags: EXACT,
        })),
        Some(&slot) if slot.decimals == BLANK => Ok(None),
        _ => Err(Fast::Undecided),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::{CELL_COUNT, SNAPSHOT_LEN};
    use crate::unit::{Agency, Count, Dossier, Percent, YesNo};

    fn percent(text: &str) -> Slot {
        Slot::of(Some(Percent::parse_cell(text).expect("a percentage")))
    }

    #[test]
    fn a_count_reads_exactly_and_a_percentage_as_the_half_unit_around_it() {
        // 54.106 dossiers is exactly 54.106: in half-units [108.212; 108.212].
        let count = Slot::of(Some(Count::<Dossier>::new(54_106)));
        assert_eq!(count.own(), (108_212, 108_212));
        assert_eq!(count.at_scale(), (108_212_000_000, 108_212_000_000));
        // 99,3 % stands for [99,25; 99,35]: 993 tenths ± a half, in
        // half-tenths [1.985; 1.987], at six decimals ×10⁵.
        let rate = percent("99,3");
        assert_eq!(rate.own(), (1_985, 1_987));
        assert_eq!(rate.at_scale(), (198_500_000, 198_700_000));
        assert_eq!(rate.half_unit(), 20);
    }

    #[test]
    fn reference_counts_are_read_as_counts_or_blank() {
        // Bắc Giang: its 10 districts and city given ("10 huyện, thành
        // phố" in the source document), departments and communes not.
        let mut report = crate::samples::bac_giang_2023_q3();
        report.meta.reference = crate::reference::Reference {
            departments: None,
            districts: Some(10),
            communes: None,
        };
        let snapshot = report.snapshot();
        let slots = snapshot.slots();
        assert_eq!(
            read_reference(slots, ReferenceCount::Districts),
            Ok(Some(Slot::of(Some(Count::<Agency>::new(10)))))
        );
        assert_eq!(read_reference(slots, ReferenceCount::Communes), Ok(None));
        // 2³¹ communes does not fit a slot: read from the report.
        report.meta.reference.communes = Some(1 << 31);
        let snapshot = report.snapshot();
        assert_eq!(
            read_reference(snapshot.slots(), ReferenceCount::Communes),
            Err(Fast::Undecided)
        );
        // The reference counts are the snapshot's last slots, after the
        // cells; a snapshot too short to hold them has none.
        assert_eq!(
            reference_slot(slots.len(), ReferenceCount::Districts),
            CELL_COUNT + 1
        );
        assert_eq!(
            read_reference(&slots[..2], ReferenceCount::Districts),
            Err(Fast::Undecided)
        );
    }

    #[test]
    fn the_snapshot_is_laid_out_for_581_only() {
        let snapshot = crate::samples::bac_giang_2023_q3().snapshot();
        let bnv_581 = crate::template::TemplateVersion::Bnv581Of2022.template();
        // The 125 indicators of the seven forms, then the 3 reference
        // counts (departments, districts, communes).
        assert_eq!(
            snapshot.for_template(bnv_581).map(<[Slot]>::len),
            Some(125 + 3)
        );
        // The trial template's cells are laid out otherwise.
        let trial = crate::template::TemplateVersion::Trial.template();
        assert!(snapshot.for_template(trial).is_none());
    }

    #[test]
    fn cells_read_together_are_wide_before_blank_before_held() {
        // Form 3 row 3.1 (a percentage) over rows 3.1.2 and 3.1.1 (counts).
        let (rate, num, den) = (
            CellId::of(3, "3.1"),
            CellId::of(3, "3.1.2"),
            CellId::of(3, "3.1.1"),
        );
        let mut slots = [Slot::EMPTY; SNAPSHOT_LEN];
        let count = |n: u64| Slot::of(Some(Count::<Dossier>::new(n)));
        slots[rate.index()] = percent("99,3");
        slots[num.index()] = count(53_726);
        slots[den.index()] = count(54_106);
        // All held: each as its type reads it, as `read` gives them.
        let held = read_all(&slots, [rate, num, den]).expect("all held");
        assert_eq!(held, [percent("99,3"), count(53_726), count(54_106)]);
        assert_eq!(read(&slots, num), Ok(Some(held[1])));
        // One blank: skipped, as `read` gives `Ok(None)` for it.
        slots[num.index()] = Slot::of(None::<Count<Dossier>>);
        assert_eq!(read_all(&slots, [rate, num, den]), Err(Fast::Skip));
        assert_eq!(read(&slots, num), Ok(None));
        // One wide (2³¹ dossiers) as well: left to the exact evaluator,
        // whichever comes first.
        slots[den.index()] = count(1 << 31);
        assert_eq!(read_all(&slots, [rate, num, den]), Err(Fast::Undecided));
        assert_eq!(read_all(&slots, [den, num]), Err(Fast::Undecided));
        assert_eq!(read(&slots, den), Err(Fast::Undecided));
        // Past the snapshot: undecided too.
        assert_eq!(read_all(&slots[..2], [rate]), Err(Fast::Undecided));
        assert_eq!(read_all(&slots, [rate]), Ok([percent("99,3")]));
    }

    #[test]
    fn values_that_fit_are_held_and_the_rest_read_from_the_report() {
        // 54.106 dossiers and 99,3 %: held as printed.
        let count = Slot::of(Some(Count::<Dossier>::new(54_106)));
        assert_eq!(count.printed(), Ok(Some(Printed::whole(54_106))));
        assert!(count.is_exact_whole() && !count.is_code() && !count.is_blank());
        let rate = percent("99,3");
        assert_eq!(
            rate.printed(),
            Ok(Some(Printed {
                mantissa: 993,
                decimals: 1
            }))
        );
        assert!(!rate.is_exact_whole() && !rate.is_code());
        // `100` % is whole but printed, not exact; a code is exact.
        assert!(!percent("100").is_exact_whole());
        let code = Slot::of(Some(YesNo::parse_cell("1").expect("a code")));
        assert!(code.is_code() && code.is_exact_whole());
        assert_eq!(code.printed(), Ok(Some(Printed::whole(1))));
        // The 32-bit extremes: 2³¹ − 1 and −(2³¹ − 1) fit; −2³¹ (whose
        // negation does not) and 2³¹ are wide.
        let fits = percent("2.147.483.647");
        assert_eq!(fits.printed(), Ok(Some(Printed::whole(2_147_483_647))));
        let fits = percent("-2.147.483.647");
        assert_eq!(fits.printed(), Ok(Some(Printed::whole(-2_147_483_647))));
        assert_eq!(percent("-2.147.483.648").printed(), Err(()));
        assert_eq!(percent("2.147.483.648").printed(), Err(()));
        // Six decimals fit.
        let fine = percent("0,000001");
        assert_eq!(
            fine.printed(),
            Ok(Some(Printed {
                mantissa: 1,
                decimals: 6
            }))
        );
        // Blank is blank.
        let blank = Slot::of(None::<Percent>);
        assert!(blank.is_blank());
        assert_eq!(blank.printed(), Ok(None));
    }
}
