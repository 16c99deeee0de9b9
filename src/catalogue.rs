//! The indicator catalogue: every row of the seven forms, as data.
//!
//! The catalogue is derived from the form tables in [`crate::form`], the one
//! place where each row is written. It is what tools iterate over to list the
//! indicators, what the rows importer looks STTs up in, what the schemas take
//! their titles and units from, and what the checks name cells by.
//!
//! - [`CATALOGUE`]: every indicator (a row that can hold a value), in form
//!   and row order; its position is its [`CellId`].
//! - [`HEADINGS`]: the rows that only head a group and hold no value.
//!
//! # Example
//! ```
//! use cchc_forms::catalogue::{self, CellId};
//!
//! let on_time = CellId::of(3, "3.1.2");
//! let indicator = on_time.indicator();
//! assert_eq!(indicator.label_vi, "Số hồ sơ TTHC giải quyết đúng hạn");
//! assert_eq!(indicator.unit_vi, "Hồ sơ");
//! assert_eq!(indicator.parent(), Some("3.1"));
//! assert_eq!(catalogue::CATALOGUE.len(), 125);
//! ```

use serde::Serialize;

use crate::form::{Form1, Form2, Form3, Form4, Form5, Form6, Form7};
use crate::template::{Applicability, TemplateVersion};
use crate::unit::ValueKind;

/// One indicator: a row of a form that can hold a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Indicator {
    /// Its position in [`CATALOGUE`].
    pub id: CellId,
    /// The form number, 1 to 7.
    pub form: u8,
    /// The row number as the forms print it, without a trailing dot (`3.1.2`).
    /// Where the source prints the STT blank, the one its numbering implies.
    pub stt: &'static str,
    /// The field name in the form's struct and in JSON (`resolved_on_time_departments`).
    pub key: &'static str,
    /// The label as the form prints it, without its italics markup.
    pub label_vi: &'static str,
    /// The indicator's name in English.
    pub name_en: &'static str,
    /// The unit as printed (`Hồ sơ`, `%`, `Triệu đồng`, or a code's legend).
    pub unit_vi: &'static str,
    /// The unit in English.
    pub unit_en: &'static str,
    /// What kind of value it holds.
    #[serde(flatten)]
    pub kind: ValueKind,
    /// Whether the value is cumulative ("Lũy kế") to the reporting date
    /// rather than for the period; rows under a cumulative heading or rate
    /// are cumulative too.
    pub cumulative: bool,
    /// From and until when the row applies (district rows end with the
    /// district level on 1 July 2025; see [`crate::template`]).
    #[serde(skip_serializing_if = "is_always")]
    pub applies: Applicability,
    /// The id of the rule that flags a value in this row where it does not
    /// apply (`not_applicable:3/1.4.2`), for rows whose applicability is
    /// limited.
    #[serde(skip)]
    pub(crate) inapplicable_rule: &'static str,
}

fn is_always(applies: &Applicability) -> bool {
    !applies.is_limited()
}

impl Indicator {
    /// The STT of the row this one belongs to (`3.1` for `3.1.2`), if any.
    /// It may be a heading or another indicator.
    #[must_use]
    pub fn parent(&self) -> Option<&'static str> {
        self.stt.rsplit_once('.').map(|(parent, _)| parent)
    }
}

/// A heading row: it groups indicators and holds no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Heading {
    /// The form number, 1 to 7.
    pub form: u8,
    /// The row number, without a trailing dot.
    pub stt: &'static str,
    /// The label as printed.
    pub label_vi: &'static str,
    /// The heading in English.
    pub name_en: &'static str,
    /// Whether the rows under it are cumulative ("Lũy kế").
    pub cumulative: bool,
}

/// A form's identity and its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct FormInfo {
    /// The template the form belongs to.
    #[serde(skip)]
    pub template: TemplateVersion,
    /// The form number, 1 to 7.
    pub number: u8,
    /// The form's field name in a report and in JSON (`form3`).
    pub key: &'static str,
    /// Its title as printed.
    pub title_vi: &'static str,
    /// Its title in English.
    pub title_en: &'static str,
}

impl FormInfo {
    /// Its indicators, in row order: a slice of [`CATALOGUE`].
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::FORMS;
    /// let form2 = &FORMS[1];
    /// assert_eq!(form2.indicators().len(), 12);
    /// assert_eq!(form2.indicators()[0].stt, "1");
    /// ```
    #[must_use]
    pub fn indicators(&self) -> &'static [Indicator] {
        let all = self.template.template().indicators;
        let start = all
            .iter()
            .position(|i| i.form == self.number)
            .unwrap_or(all.len());
        let len = all[start..]
            .iter()
            .take_while(|i| i.form == self.number)
            .count();
        &all[start..start + len]
    }

    /// Its headings, in row order.
    #[must_use]
    pub fn headings(&self) -> &'static [Heading] {
        let all = self.template.template().headings;
        let start = all
            .iter()
            .position(|h| h.form == self.number)
            .unwrap_or(all.len());
        let len = all[start..]
            .iter()
            .take_while(|h| h.form == self.number)
            .count();
        &all[start..start + len]
    }
}

/// A cell of a report: one indicator of a template, by its position in the
/// template's indicators ([`CATALOGUE`] for the 581 template).
///
/// Made by [`CellId::of`] (581), or [`Template::cell`](crate::template::Template::cell)
/// for any template; in a `const`, [`CellId::of`] fails to compile for a
/// cell that does not exist, so that a rule naming a missing cell does not
/// build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    template: TemplateVersion,
    index: u8,
}

impl CellId {
    /// The id a form table gives its rows before the catalogue numbers them.
    pub(crate) const PLACEHOLDER: CellId = CellId {
        template: TemplateVersion::Bnv581Of2022,
        index: 0,
    };

    /// The cell at `index` of `template`'s indicators; the caller passes an
    /// index below 256 (the catalogue macro asserts it).
    #[allow(clippy::cast_possible_truncation)]
    pub(crate) const fn new(template: TemplateVersion, index: usize) -> CellId {
        CellId {
            template,
            index: index as u8,
        }
    }

    /// The template the cell belongs to.
    #[must_use]
    pub const fn template(self) -> TemplateVersion {
        self.template
    }

    /// The cell of form `form` at row `stt` (written without a trailing dot).
    ///
    /// # Panics
    /// When there is no such indicator; in a `const` item this is a compile
    /// error. Use [`CellId::find`] for untrusted input.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::CellId;
    /// const RATE: CellId = CellId::of(3, "3.1");
    /// assert_eq!(RATE.indicator().unit_vi, "%");
    /// ```
    #[must_use]
    pub const fn of(form: u8, stt: &str) -> CellId {
        match Self::find(form, stt) {
            Some(id) => id,
            None => panic!("no indicator with this form and STT"),
        }
    }

    /// The cell of form `form` at row `stt`, if there is one. The STT may end
    /// with a dot (`1.1.` is `1.1`) and be surrounded by white space.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::CellId;
    /// assert_eq!(CellId::find(2, " 1.1. "), Some(CellId::of(2, "1.1")));
    /// assert_eq!(CellId::find(2, "2"), None); // a heading
    /// ```
    #[must_use]
    pub const fn find(form: u8, stt: &str) -> Option<CellId> {
        find_in(&CATALOGUE, form, stt)
    }

    /// Its position in its template's indicators ([`CATALOGUE`] for 581).
    #[must_use]
    pub const fn index(self) -> usize {
        self.index as usize
    }

    /// The cell at a position of [`CATALOGUE`] (the 581 template), if it is
    /// in range.
    #[must_use]
    pub const fn from_index(index: usize) -> Option<CellId> {
        if index < CELL_COUNT {
            Some(CellId::new(TemplateVersion::Bnv581Of2022, index))
        } else {
            None
        }
    }

    /// Its indicator.
    #[must_use]
    pub const fn indicator(self) -> &'static Indicator {
        &self.template.template().indicators[self.index as usize]
    }

    /// Its position within its form (0 for the form's first indicator).
    #[must_use]
    pub const fn row_in_form(self) -> usize {
        let indicators = self.template.template().indicators;
        let form = indicators[self.index as usize].form;
        let mut first = self.index as usize;
        while first > 0 && indicators[first - 1].form == form {
            first -= 1;
        }
        self.index as usize - first
    }
}

impl Serialize for CellId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let indicator = self.indicator();
        let mut out = serializer.serialize_struct("CellRef", 2)?;
        out.serialize_field("form", &indicator.form)?;
        out.serialize_field("stt", indicator.stt)?;
        out.end()
    }
}

impl<'de> serde::Deserialize<'de> for CellId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct CellRef {
            form: u8,
            stt: String,
        }
        let cell = CellRef::deserialize(deserializer)?;
        CellId::find(cell.form, &cell.stt).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "form {} has no indicator with STT {:?}",
                cell.form, cell.stt
            ))
        })
    }
}

impl schemars::JsonSchema for CellId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CellRef".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A cell: the form number and the STT of an indicator.",
            "type": "object",
            "properties": {
                "form": { "type": "integer", "minimum": 1, "maximum": 7 },
                "stt": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)*$" }
            },
            "required": ["form", "stt"],
            "additionalProperties": false
        })
    }
}

/// An STT without surrounding white space and without one trailing dot.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::normalize_stt;
/// assert_eq!(normalize_stt(" 1.1. "), "1.1");
/// assert_eq!(normalize_stt("3"), "3");
/// ```
#[must_use]
pub const fn normalize_stt(stt: &str) -> &str {
    let trimmed = stt.trim_ascii();
    match trimmed.as_bytes() {
        [.., b'.'] => trimmed.split_at(trimmed.len() - 1).0,
        _ => trimmed,
    }
}

/// The cell of form `form` at row `stt` among `indicators` (a template's
/// catalogue), in a `const` too.
pub(crate) const fn find_in(indicators: &[Indicator], form: u8, stt: &str) -> Option<CellId> {
    let stt = normalize_stt(stt).as_bytes();
    let mut index = 0;
    while index < indicators.len() {
        let indicator = &indicators[index];
        if indicator.form == form && bytes_eq(indicator.stt.as_bytes(), stt) {
            return Some(indicator.id);
        }
        index += 1;
    }
    None
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// Builds a template's catalogue from its forms' tables, in the module it
/// is invoked in: `FORMS`, `CELL_COUNT`, `FORM_OFFSETS`, `CATALOGUE` (each
/// indicator numbered with its [`CellId`]), `HEADINGS` and `LIMITED` (the
/// indicators whose applicability is limited).
macro_rules! catalogue {
    ($version:expr; $($Form:ident),+ $(,)?) => {
        /// Each form's indicators and headings as its table writes them.
        const SOURCES: &[(&[$crate::catalogue::Indicator], &[$crate::catalogue::Heading])] =
            &[$(($Form::INDICATORS, $Form::HEADINGS)),+];

        /// The forms, in order.
        pub const FORMS: [$crate::catalogue::FormInfo; SOURCES.len()] =
            [$($crate::catalogue::FormInfo { template: $version, ..$Form::INFO }),+];

        /// How many indicators the forms have.
        pub const CELL_COUNT: usize = {
            let mut total = 0;
            let mut form = 0;
            while form < SOURCES.len() {
                total += SOURCES[form].0.len();
                form += 1;
            }
            assert!(total < 256, "a CellId holds a u8");
            total
        };

        /// Where each form's indicators start in `CATALOGUE`; the last entry
        /// is `CELL_COUNT`.
        pub const FORM_OFFSETS: [usize; SOURCES.len() + 1] = {
            let mut offsets = [0; SOURCES.len() + 1];
            let mut form = 0;
            while form < SOURCES.len() {
                offsets[form + 1] = offsets[form] + SOURCES[form].0.len();
                form += 1;
            }
            offsets
        };

        /// Every indicator of the forms, in form and row order.
        pub static CATALOGUE: [$crate::catalogue::Indicator; CELL_COUNT] = {
            let mut out = [SOURCES[0].0[0]; CELL_COUNT];
            let mut form = 0;
            let mut index = 0;
            while form < SOURCES.len() {
                let mut row = 0;
                while row < SOURCES[form].0.len() {
                    out[index] = $crate::catalogue::Indicator {
                        id: $crate::catalogue::CellId::new($version, index),
                        ..SOURCES[form].0[row]
                    };
                    index += 1;
                    row += 1;
                }
                form += 1;
            }
            out
        };

        const HEADING_COUNT: usize = {
            let mut total = 0;
            let mut form = 0;
            while form < SOURCES.len() {
                total += SOURCES[form].1.len();
                form += 1;
            }
            total
        };

        /// Every heading of the forms, in form and row order.
        pub static HEADINGS: [$crate::catalogue::Heading; HEADING_COUNT] = {
            let mut out = [SOURCES[0].1[0]; HEADING_COUNT];
            let mut form = 0;
            let mut index = 0;
            while form < SOURCES.len() {
                let mut row = 0;
                while row < SOURCES[form].1.len() {
                    out[index] = SOURCES[form].1[row];
                    index += 1;
                    row += 1;
                }
                form += 1;
            }
            out
        };

        /// How many indicators have a limited applicability.
        pub(crate) const LIMITED_COUNT: usize = {
            let mut total = 0;
            let mut index = 0;
            while index < CELL_COUNT {
                if CATALOGUE[index].applies.is_limited() {
                    total += 1;
                }
                index += 1;
            }
            total
        };

        /// The indicators whose applicability is limited, in catalogue order.
        pub(crate) static LIMITED: [$crate::catalogue::CellId; LIMITED_COUNT] = {
            let mut out = [$crate::catalogue::CellId::PLACEHOLDER; LIMITED_COUNT];
            let mut next = 0;
            let mut index = 0;
            while index < CELL_COUNT {
                if CATALOGUE[index].applies.is_limited() {
                    out[next] = CATALOGUE[index].id;
                    next += 1;
                }
                index += 1;
            }
            out
        };
    };
}

#[allow(unused_imports)] // for the test-only template
pub(crate) use catalogue;

catalogue! {
    TemplateVersion::Bnv581Of2022;
    Form1, Form2, Form3, Form4, Form5, Form6, Form7
}

/// What a form's row is, looked up by its STT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row that holds a value.
    Indicator(CellId),
    /// A heading.
    Heading(&'static Heading),
}

/// Looks up a row of a form by its STT (trailing dot and white space ignored).
///
/// # Example
/// ```
/// use cchc_forms::catalogue::{lookup, CellId, RowKind};
/// assert_eq!(lookup(1, "3.1"), Some(RowKind::Indicator(CellId::of(1, "3.1"))));
/// assert!(matches!(lookup(1, "3."), Some(RowKind::Heading(_))));
/// assert_eq!(lookup(8, "1"), None);
/// ```
#[must_use]
pub fn lookup(form: u8, stt: &str) -> Option<RowKind> {
    if let Some(id) = CellId::find(form, stt) {
        return Some(RowKind::Indicator(id));
    }
    let stt = normalize_stt(stt);
    HEADINGS
        .iter()
        .find(|heading| heading.form == form && heading.stt == stt)
        .map(RowKind::Heading)
}
