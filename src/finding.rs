//! Findings: what the checks found, as data.
//!
//! A [`Finding`] names the rule that fired, how serious it is, the cells it
//! read, the value reported and the interval its printed digits stand for,
//! the value or interval the other cells imply, the imbalance between them,
//! and a message in Vietnamese and in English. [`Findings`] is the
//! collection [`Report::validate`](crate::bnv581::Report::validate) returns; it
//! serializes as a JSON array.
//!
//! Findings are cheap to build: the rule is a [`RuleId`] (one byte), the
//! cells a [`CellList`] held inline, and the messages are not written
//! during validation but when asked for ([`Finding::message_vi`],
//! [`Finding::message_en`], which give a [`Message`]) or when the finding is
//! serialized, from the values the rule read, which the finding keeps.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{CatalogueRef, CellId};
pub use crate::check::Family;
use crate::check::Rule;
use crate::unit::Printed;

pub(crate) use crate::message::Language;
use crate::message::{Given, Message, Words};

/// Which sentence a finding's message makes; each family words it its own
/// way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// The rule is broken.
    Violated,
    /// The values are consistent only if the rates were truncated.
    OnlyIfTruncated,
    /// A rate whose numerator and denominator are both zero.
    NoRatio,
    /// A blank value that can be derived.
    Derived,
    /// A blank rate whose derived value breaks its bound: not derivable.
    NotDerivable,
    /// Parts exceed their whole (a sum with blank parts, or "of which" parts).
    PartsExceed,
}

/// The values of a rule's cells as the rule read them, by position in its
/// cells: the printed digits and decimals, which cells were reported and
/// which rows do not apply to the period. What a finding keeps to write its
/// messages from, and (with the rare mantissa too wide for it, see
/// `check::CellValues`) what the exact evaluators read: the values are
/// copied as they are, and turned into decimals only when a message is
/// written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Readings {
    /// The printed digits, as the low [`KEPT_BYTES`] bytes of an `i128`
    /// (little-endian, two's complement), saturated to what they hold:
    /// kept unaligned and no wider than a cell's value, so that a finding
    /// stays small enough for four of them to come from the allocator's
    /// per-thread cache.
    mantissas: [[u8; KEPT_BYTES]; CellList::CAPACITY],
    /// The decimals, at most 255: past 38 decimals no value can be
    /// computed with in 128 bits (every evaluator gives up alike), and no
    /// cell type holds more than 28.
    decimals: [u8; CellList::CAPACITY],
    /// Bit `i` set when the rule's cell `i` was reported.
    reported: u8,
    /// Bit `i` set when the rule's cell `i` does not apply to the period.
    absent: u8,
}

const _: () = assert!(CellList::CAPACITY <= 8, "a rule's cells are marked in a u8");

/// The bytes a reading keeps of a mantissa: 104 bits with the sign. Every
/// value a cell holds fits (a count or a code is a `u64`, a percentage or
/// an amount a [`Decimal`], 96 bits and a sign); a wider one (a sum of
/// many bodies' amounts) is kept saturated, still too wide for a decimal,
/// and so written as [`Decimal::MAX`] as it always was.
const KEPT_BYTES: usize = 13;

/// The widest mantissa a reading keeps.
const KEPT_MAX: i128 = (1 << (8 * KEPT_BYTES - 1)) - 1;

impl Readings {
    /// No cell read.
    pub(crate) const NONE: Readings = Readings {
        mantissas: [[0; KEPT_BYTES]; CellList::CAPACITY],
        decimals: [0; CellList::CAPACITY],
        reported: 0,
        absent: 0,
    };

    /// Records the cell at `position` (below [`CellList::CAPACITY`]):
    /// its value, `None` when blank, and whether its row does not apply.
    /// `false` when the value's mantissa was too wide to keep whole and was
    /// saturated.
    #[inline]
    pub(crate) fn set(&mut self, position: usize, value: Option<Printed>, absent: bool) -> bool {
        let mut whole = true;
        if let (Some(mantissa), Some(decimals)) = (
            self.mantissas.get_mut(position),
            self.decimals.get_mut(position),
        ) {
            let bit = 1 << position;
            if let Some(value) = value {
                let kept = value.mantissa.clamp(-KEPT_MAX - 1, KEPT_MAX);
                whole = kept == value.mantissa;
                mantissa.copy_from_slice(&kept.to_le_bytes()[..KEPT_BYTES]);
                *decimals = u8::try_from(value.decimals).unwrap_or(u8::MAX);
                self.reported |= bit;
            }
            if absent {
                self.absent |= bit;
            }
        }
        whole
    }

    /// The value at `position` as reported (even in a row that does not
    /// apply), `None` when blank.
    #[inline]
    pub(crate) fn reported(&self, position: usize) -> Option<Printed> {
        if position >= 8 || self.reported >> position & 1 == 0 {
            return None;
        }
        let kept = self.mantissas.get(position)?;
        let negative = kept[KEPT_BYTES - 1] & 0x80 != 0;
        let mut wide = [if negative { 0xFF } else { 0 }; 16];
        wide[..KEPT_BYTES].copy_from_slice(kept);
        Some(Printed {
            mantissa: i128::from_le_bytes(wide),
            decimals: u32::from(*self.decimals.get(position)?),
        })
    }

    /// The value at `position`, `None` when blank or when its row does not
    /// apply to the period.
    #[inline]
    pub(crate) fn get(&self, position: usize) -> Option<Printed> {
        if self.is_absent(position) {
            None
        } else {
            self.reported(position)
        }
    }

    /// Whether the row at `position` does not apply to the period.
    #[inline]
    pub(crate) fn is_absent(&self, position: usize) -> bool {
        position < 8 && self.absent >> position & 1 == 1
    }
}

/// What a finding's messages are written from, besides its rule and its
/// numeric fields: the sentence, and the values of the rule's cells as
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wording {
    pub(crate) phrase: Phrase,
    readings: Readings,
}

impl Wording {
    /// The words of a message of `phrase`, from the values of the rule's cells.
    pub(crate) fn new(phrase: Phrase, readings: &Readings) -> Wording {
        Wording {
            phrase,
            readings: *readings,
        }
    }

    /// The value of the rule's cell at `position` as reported, `None` when
    /// blank.
    pub(crate) fn reported(&self, position: usize) -> Option<Decimal> {
        self.readings.reported(position).map(Printed::to_decimal)
    }

    /// The value at `position`, `None` when blank or when its row does not
    /// apply to the period.
    pub(crate) fn get(&self, position: usize) -> Option<Decimal> {
        self.readings.get(position).map(Printed::to_decimal)
    }

    /// Whether the row at `position` does not apply to the period.
    pub(crate) fn is_absent(&self, position: usize) -> bool {
        self.readings.is_absent(position)
    }

    /// The value at `position`, zero when blank (the phrase says it is not).
    pub(crate) fn at(&self, position: usize) -> Decimal {
        self.reported(position).unwrap_or_default()
    }
}

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A note: a derivable blank, a value consistent only if truncated.
    Info,
    /// Something suspicious that a person must look at.
    Warning,
    /// An arithmetic or logical impossibility.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A closed interval of exact values, `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// The least value.
    pub low: Decimal,
    /// The greatest value.
    pub high: Decimal,
}

/// The rule a finding names: a rule of its template's table and its
/// position there, `Copy`, that reads and writes as the rule's id.
///
/// It serializes as the id string (`"sum:3/1.4"`) and deserializes from
/// one, rejecting an id that no template has. It compares with strings by
/// id, and gives the whole [`Rule`] with [`RuleId::rule`].
///
/// # Example
/// ```
/// use cchc_forms::{samples, Family, RuleId};
///
/// let findings = samples::bac_giang_2023_q3().validate();
/// let sum = findings.iter().find(|f| f.rule == "sum:3/1.4").unwrap();
/// assert_eq!(sum.rule.as_str(), "sum:3/1.4");
/// assert_eq!(sum.rule.rule().family, Family::Sum);
/// assert_eq!(sum.rule.to_string(), "sum:3/1.4");
/// assert_eq!(RuleId::find("sum:3/1.4"), Some(sum.rule));
/// assert_eq!(serde_json::to_string(&sum.rule).unwrap(), r#""sum:3/1.4""#);
/// assert!(serde_json::from_str::<RuleId>(r#""sum:9/9""#).is_err());
/// ```
#[derive(Clone, Copy)]
pub struct RuleId {
    rule: &'static Rule,
    index: u8,
}

impl PartialEq for RuleId {
    fn eq(&self, other: &RuleId) -> bool {
        std::ptr::eq(self.rule, other.rule)
    }
}

impl Eq for RuleId {}

impl std::hash::Hash for RuleId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.rule, state);
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &RuleId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RuleId {
    /// By position in the table, then (rules of two tables) by where the
    /// rules are held.
    fn cmp(&self, other: &RuleId) -> std::cmp::Ordering {
        self.index
            .cmp(&other.index)
            .then_with(|| std::ptr::from_ref(self.rule).cmp(&std::ptr::from_ref(other.rule)))
    }
}

impl RuleId {
    /// The rule at `index` of `rules` (a template's table); the caller
    /// passes a valid index, below 256 (every table is checked for it).
    #[allow(clippy::cast_possible_truncation)]
    pub(crate) fn new(rules: &'static [Rule], index: usize) -> RuleId {
        RuleId {
            rule: &rules[index],
            index: index as u8,
        }
    }

    /// The rule of `rules` (a template's table, such as
    /// [`Template::rules`](crate::template::Template)) whose id is `id`.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{RuleId, TemplateVersion};
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// let rule = RuleId::find_in(template.rules, "sum:3/1.4").unwrap();
    /// assert_eq!(rule.index(), template.rules.iter().position(|r| r.id == "sum:3/1.4").unwrap());
    /// assert_eq!(RuleId::find_in(template.rules, "sum:9/9"), None);
    /// ```
    #[must_use]
    pub fn find_in(rules: &'static [Rule], id: &str) -> Option<RuleId> {
        rules
            .iter()
            .position(|rule| rule.id == id)
            .map(|index| RuleId::new(rules, index))
    }

    /// The rule's id, such as `"sum:3/1.4"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.rule.id
    }

    /// The rule itself: its family, severity, cells and description.
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        self.rule
    }

    /// The rule's position in its template's table (and in
    /// [`Evaluation::outcomes`](crate::check::Evaluation::outcomes)).
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.index)
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), out)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.as_str())
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<RuleId> for str {
    fn eq(&self, other: &RuleId) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<RuleId> for String {
    fn eq(&self, other: &RuleId) -> bool {
        self == other.as_str()
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The cells of a finding, the checked cell first: a list held inline (no
/// allocation) of at most [`CellList::CAPACITY`] cells, the most any rule
/// of [`RULES`](crate::bnv581::RULES) reads.
///
/// All the cells of a finding belong to one template's catalogue, so the
/// list keeps that catalogue once and each cell's position in it: sixteen
/// bytes, whatever the template. It is indexed (`cells[0]`) and iterated
/// like a slice, yielding [`CellId`]s by value, compares with arrays,
/// slices and vectors of [`CellId`], and serializes as an array of
/// `{form, stt}` (deserializing rejects an empty array, one longer than the
/// capacity, and cells of two templates).
///
/// # Example
/// ```
/// use cchc_forms::catalogue::CellId;
/// use cchc_forms::{samples, CellList};
///
/// let findings = samples::bac_giang_2023_q3().validate();
/// let same = findings.of_rule("across:4/1.5==6/2.1").next().unwrap();
/// assert_eq!(same.cells, [CellId::of(4, "1.5"), CellId::of(6, "2.1")]);
/// assert_eq!(same.cells.len(), 2);
/// assert_eq!(same.cells[0].indicator().stt, "1.5");
/// assert_eq!(same.cells.iter().last(), Some(&CellId::of(6, "2.1")));
/// assert!(same.cells.contains(&CellId::of(6, "2.1")));
/// assert_eq!(CellList::from_slice(&[CellId::of(4, "1.5")]).unwrap(), [CellId::of(4, "1.5")]);
/// ```
#[derive(Clone, Copy)]
pub struct CellList {
    /// The catalogue every cell of the list belongs to.
    catalogue: CatalogueRef,
    /// The cells' positions in it.
    indices: [u8; CellList::CAPACITY],
    len: u8,
}

impl CellList {
    /// The most cells a list holds, and so the most cells a rule may read
    /// (a template's tables are checked for it).
    pub const CAPACITY: usize = 6;

    /// An empty list.
    pub(crate) const EMPTY: CellList = CellList {
        catalogue: CatalogueRef::UNNUMBERED,
        indices: [0; CellList::CAPACITY],
        len: 0,
    };

    /// A list of these cells, if there are at most [`CellList::CAPACITY`]
    /// and they are cells of one catalogue.
    #[must_use]
    pub fn from_slice(cells: &[CellId]) -> Option<CellList> {
        let mut list = CellList::EMPTY;
        for &cell in cells {
            if !list.push(cell) {
                return None;
            }
        }
        Some(list)
    }

    /// The cells of a rule, in a `const` too: the cells of one catalogue
    /// (a template's tables are checked for it), at most
    /// [`CellList::CAPACITY`] of them, else the first that many.
    #[allow(clippy::cast_possible_truncation)]
    pub(crate) const fn of_rule(cells: &[CellId]) -> CellList {
        let mut list = CellList::EMPTY;
        if let Some(first) = cells.first() {
            list.catalogue = first.handle();
        }
        while (list.len as usize) < cells.len() && (list.len as usize) < CellList::CAPACITY {
            // A catalogue numbers at most 256 cells (the catalogue macro
            // and the template builder check it).
            list.indices[list.len as usize] = cells[list.len as usize].index() as u8;
            list.len += 1;
        }
        list
    }

    /// Appends a cell; `false` (and nothing appended) when full or when
    /// the cell is of another catalogue than the cells before it.
    pub(crate) fn push(&mut self, cell: CellId) -> bool {
        if self.len == 0 {
            self.catalogue = cell.handle();
        } else if self.catalogue != cell.handle() {
            return false;
        }
        match (
            self.indices.get_mut(usize::from(self.len)),
            u8::try_from(cell.index()),
        ) {
            (Some(slot), Ok(index)) => {
                *slot = index;
                self.len += 1;
                true
            }
            _ => false,
        }
    }

    /// How many cells the list holds.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the list holds no cell.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The cell at `position`, `None` past the end: a reference to the
    /// id its indicator holds in the catalogue, as a slice would give.
    #[must_use]
    pub fn get(&self, position: usize) -> Option<&'static CellId> {
        let &index = self.positions().get(position)?;
        let indicators = self.catalogue.get().indicators;
        indicators
            .get(usize::from(index))
            .map(|indicator| &indicator.id)
    }

    /// The first cell (the checked cell), `None` when empty.
    #[must_use]
    pub fn first(&self) -> Option<&'static CellId> {
        self.get(0)
    }

    /// The last cell, `None` when empty.
    #[must_use]
    pub fn last(&self) -> Option<&'static CellId> {
        self.len().checked_sub(1).and_then(|last| self.get(last))
    }

    /// Whether `cell` is in the list.
    #[must_use]
    pub fn contains(&self, cell: &CellId) -> bool {
        self.iter().any(|listed| listed == cell)
    }

    /// The cells, in order.
    #[must_use]
    pub fn iter(&self) -> CellIter {
        CellIter {
            list: *self,
            front: 0,
            back: self.len,
        }
    }

    /// The cells, as a vector.
    #[must_use]
    pub fn to_vec(&self) -> Vec<CellId> {
        self.iter().copied().collect()
    }

    /// The positions of the cells in their catalogue.
    fn positions(&self) -> &[u8] {
        &self.indices[..self.len()]
    }
}

/// The cells of a [`CellList`], in order (see [`CellList::iter`]): each a
/// reference to the id its indicator holds, as a slice's iterator gives.
#[derive(Debug, Clone)]
pub struct CellIter {
    list: CellList,
    front: u8,
    back: u8,
}

impl Iterator for CellIter {
    type Item = &'static CellId;

    fn next(&mut self) -> Option<&'static CellId> {
        if self.front >= self.back {
            return None;
        }
        let cell = self.list.get(usize::from(self.front));
        self.front += 1;
        cell
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.back.saturating_sub(self.front));
        (left, Some(left))
    }
}

impl DoubleEndedIterator for CellIter {
    fn next_back(&mut self) -> Option<&'static CellId> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.list.get(usize::from(self.back))
    }
}

impl ExactSizeIterator for CellIter {}

impl std::iter::FusedIterator for CellIter {}

impl IntoIterator for &CellList {
    type Item = &'static CellId;
    type IntoIter = CellIter;

    fn into_iter(self) -> CellIter {
        self.iter()
    }
}

impl IntoIterator for CellList {
    type Item = &'static CellId;
    type IntoIter = CellIter;

    fn into_iter(self) -> CellIter {
        self.iter()
    }
}

impl std::ops::Index<usize> for CellList {
    type Output = CellId;

    /// The cell at `position`, as its indicator holds it.
    ///
    /// # Panics
    /// When `position` is past the end, as a slice's index does.
    fn index(&self, position: usize) -> &CellId {
        match self.get(position) {
            Some(cell) => cell,
            None => panic!(
                "index out of bounds: the len is {} but the index is {position}",
                self.len()
            ),
        }
    }
}

impl fmt::Debug for CellList {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for CellList {
    fn eq(&self, other: &CellList) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for CellList {}

impl std::hash::Hash for CellList {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for cell in self {
            cell.hash(state);
        }
    }
}

impl PartialEq<[CellId]> for CellList {
    fn eq(&self, other: &[CellId]) -> bool {
        self.iter().eq(other.iter())
    }
}

impl PartialEq<&[CellId]> for CellList {
    fn eq(&self, other: &&[CellId]) -> bool {
        *self == **other
    }
}

impl<const N: usize> PartialEq<[CellId; N]> for CellList {
    fn eq(&self, other: &[CellId; N]) -> bool {
        *self == other[..]
    }
}

impl PartialEq<Vec<CellId>> for CellList {
    fn eq(&self, other: &Vec<CellId>) -> bool {
        *self == other[..]
    }
}

impl PartialEq<CellList> for [CellId] {
    fn eq(&self, other: &CellList) -> bool {
        other == self
    }
}

impl PartialEq<CellList> for &[CellId] {
    fn eq(&self, other: &CellList) -> bool {
        other == *self
    }
}

impl<const N: usize> PartialEq<CellList> for [CellId; N] {
    fn eq(&self, other: &CellList) -> bool {
        other == self
    }
}

impl PartialEq<CellList> for Vec<CellId> {
    fn eq(&self, other: &CellList) -> bool {
        other == self
    }
}

impl From<CellList> for Vec<CellId> {
    fn from(list: CellList) -> Vec<CellId> {
        list.to_vec()
    }
}

impl Serialize for CellList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for CellList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> serde::de::Visitor<'de> for List {
            type Value = CellList;

            fn expecting(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(out, "an array of 1 to {} cells", CellList::CAPACITY)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<CellList, A::Error> {
                let mut list = CellList::EMPTY;
                while let Some(cell) = seq.next_element::<CellId>()? {
                    if !list.push(cell) {
                        return Err(serde::de::Error::invalid_length(
                            CellList::CAPACITY + 1,
                            &self,
                        ));
                    }
                }
                if list.is_empty() {
                    return Err(serde::de::Error::invalid_length(0, &self));
                }
                Ok(list)
            }
        }
        deserializer.deserialize_seq(List)
    }
}

impl JsonSchema for CellList {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CellList".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let cell = generator.subschema_for::<CellId>();
        schemars::json_schema!({
            "type": "array",
            "items": cell,
            "minItems": 1,
            "maxItems": CellList::CAPACITY,
        })
    }
}

/// One problem (or note) found in a report.
///
/// The numbers are fields; the messages are written when asked for, by
/// [`Finding::message_vi`] and [`Finding::message_en`] (and when the
/// finding is serialized), so that validation formats no text. They are
/// written from the finding's rule, its numeric fields and the values the
/// rule read (kept in the finding), with the same words whenever asked. A
/// finding read back from JSON keeps the messages it was given.
///
/// Two findings are equal when their fields and their messages are.
///
/// # Example
/// ```
/// use cchc_forms::{samples, Severity};
///
/// let findings = samples::bac_giang_2023_q3().validate();
/// let sum = findings.iter().find(|f| f.rule == "sum:3/1.4").expect("1.486 + 255 + 155 ≠ 1.902");
/// assert_eq!(sum.severity, Severity::Error);
/// assert_eq!(sum.reported.map(|d| d.to_string()).as_deref(), Some("1902"));
/// assert_eq!(sum.computed.map(|d| d.to_string()).as_deref(), Some("1896"));
/// assert_eq!(sum.imbalance.map(|d| d.to_string()).as_deref(), Some("6"));
/// assert_eq!(
///     sum.message_en().to_string(),
///     "Form 3: row 1.4 = 1902 but row 1.4.1 + row 1.4.2 + row 1.4.3 = 1486 + 255 + 155 = 1896 (imbalance 6)."
/// );
/// assert!(sum.message_vi() == "Biểu 3: mục 1.4 = 1.902 nhưng mục 1.4.1 + mục 1.4.2 + mục 1.4.3 = 1.486 + 255 + 155 = 1.896 (chênh lệch 6).");
/// ```
#[derive(Clone)]
pub struct Finding {
    /// The rule that fired (see [`crate::bnv581::RULES`]).
    pub rule: RuleId,
    /// The rule's family.
    pub family: Family,
    /// How serious it is.
    pub severity: Severity,
    /// The cells involved, the checked cell first.
    pub cells: CellList,
    /// The value reported in the checked cell, if any.
    pub reported: Option<Decimal>,
    /// The interval of true values the reported digits stand for (rounded
    /// to nearest), if the value is a decimal.
    pub reported_interval: Option<Interval>,
    /// The value the other cells imply (a ratio to four decimals, a sum, a
    /// derivable percentage to two decimals), if there is a single one.
    pub computed: Option<Decimal>,
    /// The interval of values the other cells imply, when they are printed
    /// with limited precision.
    pub computed_interval: Option<Interval>,
    /// `reported − computed`, when both are known.
    pub imbalance: Option<Decimal>,
    /// What the messages are written from.
    text: Messages,
}

/// A finding's messages: written on demand from what the rule read, or as
/// given (read from JSON).
#[derive(Debug, Clone)]
enum Messages {
    Lazy(Wording),
    Given(Given),
}

impl Finding {
    /// A finding of `rule` whose messages are written from `wording` when
    /// asked for; the numeric fields are blank.
    pub(crate) fn new(rule: RuleId, severity: Severity, cells: CellList, wording: Wording) -> Self {
        Finding {
            rule,
            family: rule.rule().family,
            severity,
            cells,
            reported: None,
            reported_interval: None,
            computed: None,
            computed_interval: None,
            imbalance: None,
            text: Messages::Lazy(wording),
        }
    }

    /// The message in Vietnamese, written when displayed (`to_string()`,
    /// `{}`), compared with a string, or serialized.
    #[must_use]
    pub fn message_vi(&self) -> Message<&Finding> {
        self.in_language(Language::Vietnamese)
    }

    /// The message in English, written when displayed (`to_string()`,
    /// `{}`), compared with a string, or serialized.
    #[must_use]
    pub fn message_en(&self) -> Message<&Finding> {
        self.in_language(Language::English)
    }

    /// Whether the numbers (everything but the messages) are equal.
    fn same_numbers(&self, other: &Finding) -> bool {
        self.rule == other.rule
            && self.family == other.family
            && self.severity == other.severity
            && self.cells == other.cells
            && self.reported == other.reported
            && self.reported_interval == other.reported_interval
            && self.computed == other.computed
            && self.computed_interval == other.computed_interval
            && self.imbalance == other.imbalance
    }
}

/// A finding writes its message from its rule, its numbers and the values
/// the rule read; one read back from JSON, as it was given.
///
/// # Example
/// ```
/// use cchc_forms::samples;
///
/// let findings = samples::bac_giang_2023_q3().validate();
/// let plan = findings.of_rule("derivable:1/2").next().unwrap();
/// let english = plan.message_en();
/// assert_eq!(
///     english,
///     "Form 1, row 2 is blank but can be derived: 100 × row 2.2 / row 2.1 = 100 × 40 / 56 = 71.43%."
/// );
/// assert!(plan.message_vi().to_string().ends_with("= 71,43%."));
/// ```
impl Words for Finding {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        match &self.text {
            Messages::Lazy(wording) => self
                .rule
                .rule()
                .check
                .write_message(self, wording, language, out),
            Messages::Given(given) => given.write_in(language, out),
        }
    }
}

impl PartialEq for Finding {
    fn eq(&self, other: &Finding) -> bool {
        if !self.same_numbers(other) {
            return false;
        }
        match (&self.text, &other.text) {
            // The same rule, numbers and values read: the same words.
            (Messages::Lazy(mine), Messages::Lazy(theirs)) if mine == theirs => true,
            (Messages::Given(Given { vi, en }), _) => {
                other.message_vi().is(vi) && other.message_en().is(en)
            }
            (_, Messages::Given(Given { vi, en })) => {
                self.message_vi().is(vi) && self.message_en().is(en)
            }
            _ => self.message_vi() == other.message_vi() && self.message_en() == other.message_en(),
        }
    }
}

impl Eq for Finding {}

/// `Debug` and `Serialize` of a finding, of one report or across reports:
/// its fields, then its messages as written, in the order of its JSON.
macro_rules! finding_shape {
    ($type:ty, $name:literal) => {
        // The messages stand for what they are written from.
        #[allow(clippy::missing_fields_in_debug)]
        impl ::std::fmt::Debug for $type {
            fn fmt(&self, out: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                out.debug_struct($name)
                    .field("rule", &self.rule)
                    .field("family", &self.family)
                    .field("severity", &self.severity)
                    .field("cells", &self.cells)
                    .field("reported", &self.reported)
                    .field("reported_interval", &self.reported_interval)
                    .field("computed", &self.computed)
                    .field("computed_interval", &self.computed_interval)
                    .field("imbalance", &self.imbalance)
                    .field("message_vi", &self.message_vi())
                    .field("message_en", &self.message_en())
                    .finish()
            }
        }

        impl ::serde::Serialize for $type {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct;
                let mut out = serializer.serialize_struct($name, 11)?;
                out.serialize_field("rule", &self.rule)?;
                out.serialize_field("family", &self.family)?;
                out.serialize_field("severity", &self.severity)?;
                out.serialize_field("cells", &self.cells)?;
                out.serialize_field("reported", &self.reported)?;
                out.serialize_field("reported_interval", &self.reported_interval)?;
                out.serialize_field("computed", &self.computed)?;
                out.serialize_field("computed_interval", &self.computed_interval)?;
                out.serialize_field("imbalance", &self.imbalance)?;
                out.serialize_field("message_vi", &self.message_vi())?;
                out.serialize_field("message_en", &self.message_en())?;
                out.end()
            }
        }
    };
}

pub(crate) use finding_shape;

finding_shape!(Finding, "Finding");

impl fmt::Display for Finding {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            out,
            "{} [{}] {}",
            self.severity,
            self.rule,
            self.message_en()
        )
    }
}

impl FindingEntry {
    /// The finding this entry gives of `rule`, its cells read in the rule's
    /// template's catalogue.
    pub(crate) fn resolve(self, rule_id: RuleId) -> Result<Finding, String> {
        let rule = rule_id.rule();
        let template = rule.cells[0].catalogue();
        let mut cells = CellList::EMPTY;
        for cell in &self.cells {
            let id = template.cell(cell.form, &cell.stt).ok_or_else(|| {
                format!(
                    "form {} has no indicator with STT {:?}",
                    cell.form, cell.stt
                )
            })?;
            if !cells.push(id) {
                return Err("a finding has too many cells".to_owned());
            }
        }
        if self.family != rule.family {
            return Err(format!(
                "rule {} is of the family {}, not {}",
                rule.id, rule.family, self.family
            ));
        }
        // The cells are the rule's, in its order; a finding may leave out
        // cells the rule read blank (a sum's blank parts, a conditional's
        // silent dependents), but never its first.
        let mut theirs = rule.cells.iter();
        let in_order = cells
            .iter()
            .all(|cell| theirs.by_ref().any(|other| other == cell));
        if cells.first() != rule.cells.first() || !in_order {
            return Err(format!(
                "the cells of a finding of rule {} are not the rule's cells",
                rule.id
            ));
        }
        Ok(Finding {
            rule: rule_id,
            family: self.family,
            severity: self.severity,
            cells,
            reported: self.reported,
            reported_interval: self.reported_interval,
            computed: self.computed,
            computed_interval: self.computed_interval,
            imbalance: self.imbalance,
            text: Messages::Given(Given {
                vi: self.message_vi,
                en: self.message_en,
            }),
        })
    }
}

impl JsonSchema for Finding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Finding".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FindingEntry::json_schema(generator)
    }
}

/// A cell as a finding's JSON names it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(Serialize))]
struct CellRef {
    form: u8,
    stt: String,
}

/// One problem (or note) found in a report.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(Serialize))]
pub(crate) struct FindingEntry {
    /// The id of the rule that fired (see [`crate::bnv581::RULES`]).
    #[schemars(with = "RuleId")]
    pub(crate) rule: String,
    /// The rule's family.
    family: Family,
    /// How serious it is.
    severity: Severity,
    /// The cells involved, the checked cell first.
    #[schemars(with = "CellList")]
    cells: Vec<CellRef>,
    /// The value reported in the checked cell, if any.
    reported: Option<Decimal>,
    /// The interval of true values the reported digits stand for (rounded
    /// to nearest), if the value is a decimal.
    reported_interval: Option<Interval>,
    /// The value the other cells imply (a ratio to four decimals, a sum, a
    /// derivable percentage to two decimals), if there is a single one.
    computed: Option<Decimal>,
    /// The interval of values the other cells imply, when they are printed
    /// with limited precision.
    computed_interval: Option<Interval>,
    /// `reported − computed`, when both are known.
    imbalance: Option<Decimal>,
    /// The message in Vietnamese.
    message_vi: String,
    /// The message in English.
    message_en: String,
}

/// The findings of one validation, in rule order.
///
/// Serializes as a JSON array of [`Finding`]. An empty collection has not
/// allocated.
///
/// # Example
/// ```
/// use cchc_forms::samples;
/// let findings = samples::bac_giang_2023_q3().validate();
/// assert!(findings.has_errors());
/// let json = serde_json::to_value(&findings).unwrap();
/// assert!(json.is_array());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Appends a finding and returns it, where it now lies.
    pub(crate) fn push(&mut self, finding: Finding) -> &mut Finding {
        let at = self.0.len();
        self.0.push(finding);
        &mut self.0[at]
    }

    /// Whether any finding is an [`Severity::Error`].
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.0
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }

    /// The findings of one severity.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.0
            .iter()
            .filter(move |finding| finding.severity == severity)
    }

    /// The findings of one rule.
    pub fn of_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.0.iter().filter(move |finding| finding.rule == rule)
    }
}

/// The read-only collection traits of a list of findings held as a
/// `Vec` in field `.0`: `Deref` to a slice, and iteration by value and by
/// reference.
macro_rules! finding_list {
    ($list:ty, $item:ty) => {
        impl std::ops::Deref for $list {
            type Target = [$item];

            fn deref(&self) -> &[$item] {
                &self.0
            }
        }

        impl IntoIterator for $list {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.into_iter()
            }
        }

        impl<'a> IntoIterator for &'a $list {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;

            fn into_iter(self) -> Self::IntoIter {
                self.0.iter()
            }
        }
    };
}

pub(crate) use finding_list;

finding_list!(Findings, Finding);

#[cfg(test)]
mod tests {
    use super::*;

    /// Four findings, the sample's, take one allocation that glibc's
    /// per-thread cache serves (up to 1,032 bytes): a bigger finding was
    /// measurably slower (`docs/performance.md`).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn four_findings_fit_the_allocators_quick_cache() {
        assert!(4 * size_of::<Finding>() <= 1032, "{}", size_of::<Finding>());
        assert_eq!(size_of::<CellList>(), 16);
    }

    #[test]
    fn readings_keep_the_printed_digits_as_they_were_read() {
        let mut readings = Readings::NONE;
        // 99,3 (a rate), a 120-bit mantissa of 2 decimals, a blank in a row
        // that does not apply, and 0 with 300 decimals, kept as 255: past
        // 38 decimals nothing is computed with it in 128 bits either way.
        let rate = Printed {
            mantissa: 993,
            decimals: 1,
        };
        let wide = Printed {
            mantissa: -(1 << 120) + 12_345,
            decimals: 2,
        };
        let many_decimals = Printed {
            mantissa: 0,
            decimals: 300,
        };
        assert!(readings.set(0, Some(rate), false));
        // Kept saturated to 104 bits: the sign and "too wide for a decimal".
        assert!(!readings.set(1, Some(wide), false));
        readings.set(2, None, true);
        readings.set(3, Some(many_decimals), false);
        assert_eq!(readings.get(0), Some(rate));
        assert_eq!(
            readings.get(1),
            Some(Printed {
                mantissa: -(1 << 103),
                decimals: 2
            })
        );
        assert_eq!((readings.get(2), readings.is_absent(2)), (None, true));
        assert_eq!(
            readings.reported(3),
            Some(Printed {
                mantissa: 0,
                decimals: 255
            })
        );
        assert_eq!(readings.get(4), None);
        // The words: the decimal as the finding shows it; one too wide for
        // a decimal as the greatest (as `Printed::to_decimal` gives it).
        let wording = Wording::new(Phrase::Violated, &readings);
        assert_eq!(wording.reported(0), Some(Decimal::new(993, 1)));
        assert_eq!(wording.reported(1), Some(Decimal::MAX));
        assert_eq!(wording.at(2), Decimal::ZERO);
        // A value in a row that does not apply is still what was reported.
        let last = CellList::CAPACITY - 1;
        assert!(last >= 4, "the rule of most cells has five or more");
        readings.set(last, Some(Printed::whole(255)), true);
        assert_eq!(readings.get(last), None);
        assert_eq!(readings.reported(last), Some(Printed::whole(255)));
        // The widest mantissa a decimal has, and its negative, are kept
        // whole; a wider positive one saturated.
        let mut widest = Readings::NONE;
        let max = i128::from(u64::MAX) << 32 | i128::from(u32::MAX);
        assert!(widest.set(0, Some(Printed::whole(max)), false));
        assert!(widest.set(1, Some(Printed::whole(-max)), false));
        assert!(!widest.set(2, Some(Printed::whole(1 << 110)), false));
        assert_eq!(widest.get(0), Some(Printed::whole(max)));
        assert_eq!(widest.get(1), Some(Printed::whole(-max)));
        assert_eq!(widest.get(2), Some(Printed::whole((1 << 103) - 1)));
        let words = Wording::new(Phrase::Violated, &widest);
        assert_eq!(words.reported(0), Some(Decimal::MAX));
        assert_eq!(words.reported(1), Some(Decimal::MIN));
        assert_eq!(words.reported(2), Some(Decimal::MAX));
        // Past the places of the rule of most cells, nothing is kept.
        for past in [CellList::CAPACITY, 8] {
            readings.set(past, Some(Printed::whole(1)), true);
            assert_eq!(readings.reported(past), None);
            assert!(!readings.is_absent(past));
        }
    }
}
