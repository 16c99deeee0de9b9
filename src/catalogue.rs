//! The indicator catalogue of a template: every row of its forms, as data.
//!
//! A [`Catalogue`] holds a template's forms ([`FormInfo`]), its indicators
//! ([`Indicator`]: a row that can hold a value, its unit, value kind, period
//! and aggregation classes) and its headings ([`Heading`]), in form and row
//! order. A [`CellId`] is an indicator's position in its catalogue; a
//! [`CellSet`] a set of them. The catalogue is derived from the template's
//! form tables, the one place where each row is written (for 581,
//! [`crate::bnv581`]); it is what tools iterate over to list the
//! indicators, what the readers look STTs up in, what the schemas take their
//! titles and units from, and what the checks name cells by.
//!
//! # Example
//! ```
//! use cchc_forms::catalogue::CellId;
//!
//! let on_time = CellId::of(3, "3.1.2"); // a cell of the 581 template
//! let indicator = on_time.indicator();
//! assert_eq!(indicator.label_vi, "Số hồ sơ TTHC giải quyết đúng hạn");
//! assert_eq!(indicator.unit_vi, "Hồ sơ");
//! assert_eq!(indicator.parent(), Some("3.1"));
//! assert_eq!(on_time.catalogue().indicators.len(), 125);
//! ```

use serde::Serialize;

use std::fmt;
use std::sync::OnceLock;

use crate::period::{Applicability, CalendarDate, day_number};
use crate::unit::ValueKind;

/// One indicator: a row of a form that can hold a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Indicator {
    /// Its position in its catalogue's indicators.
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
    /// The printed fact: whether "Lũy kế" (cumulative to the reporting date)
    /// is printed on the row's label or on the heading or rate row it
    /// belongs to. How the value really behaves over time is
    /// [`period`](Self::period): form 6 rows 2.1–2.5 sit under a "lũy kế"
    /// heading but are stocks at the date, and form 6 row 1.2 is cumulative
    /// within the year though nothing says so.
    pub cumulative: bool,
    /// How the value behaves over time: a flow in the period, a cumulative,
    /// a stock at the reporting date, a plan, a code (see [`PeriodClass`]).
    /// (In `catalogue.json` as `x-period-class`, the schema keyword's name.)
    #[serde(rename = "x-period-class")]
    pub period: PeriodClass,
    /// How reports of several bodies add up in this row (see
    /// [`Aggregation`]; in `catalogue.json` as `x-aggregation`).
    #[serde(rename = "x-aggregation")]
    pub aggregation: Aggregation,
    /// For a row aggregated [`Aggregation::Weighted`], what it is weighted by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
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
    /// How the value behaves over time.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::{CellId, PeriodClass};
    /// // Form 6 prints "lũy kế" over its autonomy groups, but units merge: a stock.
    /// assert_eq!(CellId::of(6, "2.1").indicator().period_class(), PeriodClass::Stock);
    /// assert_eq!(CellId::of(1, "2.1").indicator().period_class(), PeriodClass::Plan);
    /// ```
    #[must_use]
    pub const fn period_class(&self) -> PeriodClass {
        self.period
    }

    /// How reports of several bodies add up in this row.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::{Aggregation, CellId};
    /// assert_eq!(CellId::of(3, "3.1").indicator().aggregation(), Aggregation::Recompute);
    /// assert_eq!(CellId::of(3, "1.4").indicator().aggregation(), Aggregation::SumOfInstances);
    /// ```
    #[must_use]
    pub const fn aggregation(&self) -> Aggregation {
        self.aggregation
    }

    /// What a row aggregated [`Aggregation::Weighted`] is weighted by.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::{CellId, Weight};
    /// use cchc_forms::ReferenceCount;
    /// assert_eq!(CellId::of(4, "1.1").indicator().weight(), Some(Weight::Reference(ReferenceCount::Departments)));
    /// assert_eq!(CellId::of(1, "4.2").indicator().weight(), Some(Weight::Row("4.1")));
    /// assert_eq!(CellId::of(1, "4.1").indicator().weight(), None);
    /// ```
    #[must_use]
    pub const fn weight(&self) -> Option<Weight> {
        self.weight
    }

    /// Whether the printed label (or the heading or rate row above it) says
    /// "Lũy kế": the printed fact, not the period class.
    #[must_use]
    pub const fn printed_cumulative(&self) -> bool {
        self.cumulative
    }

    /// The STT of the row this one belongs to (`3.1` for `3.1.2`), if any.
    /// It may be a heading or another indicator.
    #[must_use]
    pub fn parent(&self) -> Option<&'static str> {
        self.stt.rsplit_once('.').map(|(parent, _)| parent)
    }
}

/// A row described for a [`TemplateBuilder`](crate::template::TemplateBuilder):
/// an [`Indicator`] not yet in a catalogue (its [`id`](Indicator::id) is
/// given when the template is built). The constructors give a count, a
/// percentage, an amount or a code with the usual classes; the methods
/// after them change a class.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::{Aggregation, Indicator, PeriodClass};
/// use cchc_forms::unit::ValueKind;
/// let rate = Indicator::percent(1, "1.2", "online_share", "Tỷ lệ trực tuyến", "Share online");
/// assert_eq!((rate.kind, rate.unit_vi, rate.aggregation), (ValueKind::Percent, "%", Aggregation::Recompute));
/// let shops = Indicator::count(2, "2", "shops", "Số bộ phận một cửa", "One-stop shops", "Bộ phận", "shops").stock();
/// assert_eq!((shops.period, shops.aggregation), (PeriodClass::Stock, Aggregation::Sum));
/// ```
impl Indicator {
    /// A row of `form` at `stt`, keyed `key` in JSON, holding `kind`: a
    /// flow added up across bodies, applying always, labels still blank.
    const fn unplaced(
        form: u8,
        stt: &'static str,
        key: &'static str,
        kind: ValueKind,
    ) -> Indicator {
        Indicator {
            id: CellId::PLACEHOLDER,
            form,
            stt,
            key,
            label_vi: "",
            name_en: "",
            unit_vi: "",
            unit_en: "",
            kind,
            cumulative: false,
            period: PeriodClass::Flow,
            aggregation: Aggregation::Sum,
            weight: None,
            applies: Applicability::ALWAYS,
            inapplicable_rule: "",
        }
    }

    /// The same row with its label, name and units.
    const fn labelled(
        self,
        label_vi: &'static str,
        name_en: &'static str,
        unit_vi: &'static str,
        unit_en: &'static str,
    ) -> Indicator {
        Indicator {
            label_vi,
            name_en,
            unit_vi,
            unit_en,
            ..self
        }
    }

    /// A count of something in the period (a flow, added up across bodies).
    #[must_use]
    pub const fn count(
        form: u8,
        stt: &'static str,
        key: &'static str,
        label_vi: &'static str,
        name_en: &'static str,
        unit_vi: &'static str,
        unit_en: &'static str,
    ) -> Indicator {
        Indicator::unplaced(form, stt, key, ValueKind::Count)
            .labelled(label_vi, name_en, unit_vi, unit_en)
    }

    /// A percentage of the period, recomputed from its rows when reports
    /// are added up.
    #[must_use]
    pub const fn percent(
        form: u8,
        stt: &'static str,
        key: &'static str,
        label_vi: &'static str,
        name_en: &'static str,
    ) -> Indicator {
        Indicator::unplaced(form, stt, key, ValueKind::Percent)
            .labelled(label_vi, name_en, "%", "%")
            .with_aggregation(Aggregation::Recompute, None)
    }

    /// An amount in million VND of the period.
    #[must_use]
    pub const fn million_vnd(
        form: u8,
        stt: &'static str,
        key: &'static str,
        label_vi: &'static str,
        name_en: &'static str,
    ) -> Indicator {
        Indicator::unplaced(form, stt, key, ValueKind::MillionVnd).labelled(
            label_vi,
            name_en,
            "Triệu đồng",
            "million VND",
        )
    }

    /// A code of a closed legend (a status, not added up), its legend
    /// printed `legend_vi` in the unit column.
    #[must_use]
    pub const fn code(
        form: u8,
        stt: &'static str,
        key: &'static str,
        label_vi: &'static str,
        name_en: &'static str,
        legend: &'static [crate::unit::CodeValue],
        legend_vi: &'static str,
    ) -> Indicator {
        Indicator::unplaced(form, stt, key, ValueKind::Code { legend })
            .labelled(label_vi, name_en, legend_vi, "code")
            .with_period(PeriodClass::Status)
            .with_aggregation(Aggregation::Distribution, None)
    }

    /// The same row as a stock at the reporting date.
    #[must_use]
    pub const fn stock(self) -> Indicator {
        self.with_period(PeriodClass::Stock)
    }

    /// The same row with another period class.
    #[must_use]
    pub const fn with_period(self, period: PeriodClass) -> Indicator {
        Indicator { period, ..self }
    }

    /// The same row added up across bodies another way (and, when
    /// [`Aggregation::Weighted`], weighted by `weight`).
    #[must_use]
    pub const fn with_aggregation(
        self,
        aggregation: Aggregation,
        weight: Option<Weight>,
    ) -> Indicator {
        Indicator {
            aggregation,
            weight,
            ..self
        }
    }

    /// The same row, "Lũy kế" printed on it.
    #[must_use]
    pub const fn printed_as_cumulative(self) -> Indicator {
        Indicator {
            cumulative: true,
            ..self
        }
    }

    /// The same row, applying only for `applies`.
    #[must_use]
    pub const fn applies(self, applies: Applicability) -> Indicator {
        Indicator { applies, ..self }
    }
}

/// How a row's value behaves over time, which says how reports of
/// successive periods relate (serialized in `snake_case`).
///
/// Reports cover Q1 (15/12–14/3), the half-year (15/12–14/6), Q3
/// (15/6–14/9) and the year (15/12–14/12): the half-year contains Q1, the
/// year contains the half-year and Q3.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::{CellId, PeriodClass};
/// use cchc_forms::bnv581::CATALOGUE;
/// assert_eq!(CellId::of(3, "3.1.1").indicator().period_class(), PeriodClass::Flow);
/// assert!(PeriodClass::Flow.adds_up_over_periods());
/// assert!(!PeriodClass::Stock.adds_up_over_periods());
/// let stocks = CATALOGUE.iter().filter(|i| i.period_class() == PeriodClass::Stock).count();
/// assert!(stocks > 20);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodClass {
    /// A flow in the period (dossiers resolved, documents issued): the
    /// year's value is the sum of its parts (year = half-year + Q3 + Q4).
    Flow,
    /// A flow counting distinct bodies or services (departments checked,
    /// services that had dossiers): one body counted in two periods counts
    /// once in the year, so only year ≥ max(half-year, Q3) holds.
    DistinctFlow,
    /// Cumulative within the year, from its start to the reporting date
    /// (tasks completed, "Lũy kế từ đầu năm", disbursement "ước đến 30/9"):
    /// cannot decrease from one report of the year to the next.
    CumulativeInYear,
    /// Cumulative since a fixed start, across years (units turned into
    /// joint-stock companies): cannot decrease, even across years.
    CumulativeSinceStart,
    /// A stock at the reporting date (procedures in force, public service
    /// units, staff in post, shares of bodies linked): may go up or down.
    Stock,
    /// A plan fixed for the year (tasks in the year's plan, staffing
    /// quotas, the disbursement plan): the same in every report of a year,
    /// though the disbursement plan is often revised.
    Plan,
    /// A code saying whether something happened (a survey, a dialogue):
    /// the year says yes if any report of the year did.
    Event,
    /// A code giving the state of something (architecture updated, systems
    /// linked): should not regress.
    Status,
}

impl PeriodClass {
    /// Every class, in order.
    pub const ALL: [PeriodClass; 8] = [
        PeriodClass::Flow,
        PeriodClass::DistinctFlow,
        PeriodClass::CumulativeInYear,
        PeriodClass::CumulativeSinceStart,
        PeriodClass::Stock,
        PeriodClass::Plan,
        PeriodClass::Event,
        PeriodClass::Status,
    ];

    /// The name as serialized and in the schema's `x-period-class`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            PeriodClass::Flow => "flow",
            PeriodClass::DistinctFlow => "distinct_flow",
            PeriodClass::CumulativeInYear => "cumulative_in_year",
            PeriodClass::CumulativeSinceStart => "cumulative_since_start",
            PeriodClass::Stock => "stock",
            PeriodClass::Plan => "plan",
            PeriodClass::Event => "event",
            PeriodClass::Status => "status",
        }
    }

    /// Whether the values of disjoint periods add up to the value of their
    /// union (Q2 = half-year − Q1): only for a [`PeriodClass::Flow`].
    #[must_use]
    pub const fn adds_up_over_periods(self) -> bool {
        matches!(self, PeriodClass::Flow)
    }

    /// Whether a later report of the same year can never be lower: the
    /// cumulatives (a distinct flow only compares over periods that contain
    /// one another, and is left out).
    #[must_use]
    pub const fn never_decreases_within_year(self) -> bool {
        matches!(
            self,
            PeriodClass::CumulativeInYear | PeriodClass::CumulativeSinceStart
        )
    }

    /// Whether the value is a code rather than a quantity.
    #[must_use]
    pub const fn is_code(self) -> bool {
        matches!(self, PeriodClass::Event | PeriodClass::Status)
    }
}

/// How the reports of several bodies (the provinces, or the districts of a
/// province) add up in a row (serialized in `snake_case`).
///
/// # Example
/// ```
/// use cchc_forms::catalogue::{Aggregation, CellId};
/// assert_eq!(CellId::of(7, "1").indicator().aggregation(), Aggregation::Distribution);
/// assert_eq!(CellId::of(4, "1.5.4").indicator().aggregation(), Aggregation::NotAggregable);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Counts and amounts: the total is the sum.
    Sum,
    /// Sizes of catalogues of procedures or services: the sum counts
    /// instances (one national procedure applied in 63 provinces counts 63
    /// times), and the districts of one province share one catalogue, so
    /// their counts do not add up to the province's.
    SumOfInstances,
    /// A rate with numerator and denominator rows: recomputed from their
    /// sums, never averaged.
    Recompute,
    /// A share without numerator rows, of a population given by a
    /// [`Weight`]: the average weighted by that population.
    Weighted,
    /// A rate whose numerator and denominator are neither printed nor known
    /// from reference counts (a reduction against 2015, a share of
    /// documents): it does not add up.
    NotAggregable,
    /// A code: the reports give a distribution of its values.
    Distribution,
}

impl Aggregation {
    /// Every class, in order.
    pub const ALL: [Aggregation; 6] = [
        Aggregation::Sum,
        Aggregation::SumOfInstances,
        Aggregation::Recompute,
        Aggregation::Weighted,
        Aggregation::NotAggregable,
        Aggregation::Distribution,
    ];

    /// The name as serialized and in the schema's `x-aggregation`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::SumOfInstances => "sum_of_instances",
            Aggregation::Recompute => "recompute",
            Aggregation::Weighted => "weighted",
            Aggregation::NotAggregable => "not_aggregable",
            Aggregation::Distribution => "distribution",
        }
    }
}

/// What a [`Aggregation::Weighted`] row's share is of (serialized
/// `{"reference": "departments"}` or `{"row": "4.1"}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// A reference count of the body (departments, districts, communes).
    Reference(crate::reference::ReferenceCount),
    /// Another row of the same form, by its STT (form 1 row 4.2 is a share
    /// of the row 4.1 bodies inspected).
    Row(&'static str),
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
    /// The catalogue the form belongs to.
    #[serde(skip)]
    pub catalogue: CatalogueRef,
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
    /// Its indicators, in row order: a slice of its catalogue's indicators.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::bnv581::FORMS;
    /// let form2 = &FORMS[1];
    /// assert_eq!(form2.indicators().len(), 12);
    /// assert_eq!(form2.indicators()[0].stt, "1");
    /// ```
    #[must_use]
    pub fn indicators(&self) -> &'static [Indicator] {
        let all = self.catalogue.get().indicators;
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
        let all = self.catalogue.get().headings;
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

/// A template's catalogue: its forms, their indicators (the rows that hold
/// a value) and headings, in form and row order. A [`CellId`] is a
/// position in one catalogue.
#[derive(Debug)]
pub struct Catalogue {
    /// Its forms, in order.
    pub forms: &'static [FormInfo],
    /// Every indicator of its forms, in form and row order; an indicator's
    /// position is its [`CellId`]'s index.
    pub indicators: &'static [Indicator],
    /// Every heading of its forms, in form and row order.
    pub headings: &'static [Heading],
    /// The indicators whose applicability is limited.
    pub(crate) limited: &'static [CellId],
    /// The first days of a data window on which every row applies: the
    /// latest start and the earliest end of the limited rows' applicability
    /// (days as numbers that order as the dates do), written with
    /// [`every_row_applies`].
    pub(crate) every_row_applies: (i64, i64),
    /// For a catalogue built at run time, where it will be found: its cells
    /// carry a handle made before it.
    pub(crate) built: Option<&'static OnceLock<&'static Catalogue>>,
}

impl Catalogue {
    /// A catalogue with no forms: what a form table's rows name before the
    /// catalogue numbers them.
    const UNNUMBERED: Catalogue = Catalogue {
        forms: &[],
        indicators: &[],
        headings: &[],
        limited: &[],
        every_row_applies: (i64::MIN, i64::MAX),
        built: None,
    };

    /// The cell of form `form` at row `stt` (a trailing dot and surrounding
    /// white space ignored), if there is such an indicator.
    #[must_use]
    pub fn cell(&self, form: u8, stt: &str) -> Option<CellId> {
        find_in(self.indicators, form, stt)
    }

    /// The heading of form `form` at row `stt`, if there is one.
    #[must_use]
    pub fn heading(&self, form: u8, stt: &str) -> Option<&'static Heading> {
        let stt = normalize_stt(stt);
        self.headings
            .iter()
            .find(|heading| heading.form == form && heading.stt == stt)
    }

    /// The form numbered `number`, if there is one.
    #[must_use]
    pub fn form(&self, number: u8) -> Option<&'static FormInfo> {
        self.forms.iter().find(|form| form.number == number)
    }

    /// The cells whose rows do not apply to a report whose data window
    /// starts on `start`.
    #[must_use]
    pub fn absent_cells_from(&self, start: CalendarDate) -> CellSet {
        let mut absent = CellSet::EMPTY;
        // Most reports: every row applies, known without visiting them.
        let (first, last) = self.every_row_applies;
        if (first..=last).contains(&day_number(start)) {
            return absent;
        }
        for &id in self.limited {
            if !self.indicators[id.index()].applies.applies_from(start) {
                absent.insert(id);
            }
        }
        absent
    }
}

/// A handle on a [`Catalogue`], compared by identity: what a [`CellId`]
/// and a [`FormInfo`] carry.
#[derive(Clone, Copy)]
pub struct CatalogueRef(&'static Catalogue);

impl CatalogueRef {
    /// Before the catalogue numbers its rows.
    pub(crate) const UNNUMBERED: CatalogueRef = CatalogueRef(&Catalogue::UNNUMBERED);

    /// The handle of `catalogue`.
    #[must_use]
    pub const fn of(catalogue: &'static Catalogue) -> CatalogueRef {
        CatalogueRef(catalogue)
    }

    /// The catalogue.
    #[must_use]
    #[inline]
    pub fn get(self) -> &'static Catalogue {
        match self.0.built {
            Some(built) => built.get().copied().unwrap_or(self.0),
            None => self.0,
        }
    }
}

impl PartialEq for CatalogueRef {
    fn eq(&self, other: &CatalogueRef) -> bool {
        std::ptr::eq(self.0, other.0) || std::ptr::eq(self.get(), other.get())
    }
}

impl Eq for CatalogueRef {}

impl std::hash::Hash for CatalogueRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.get(), state);
    }
}

impl PartialOrd for CatalogueRef {
    fn partial_cmp(&self, other: &CatalogueRef) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CatalogueRef {
    /// By where the catalogues are held: an order, not a meaning.
    fn cmp(&self, other: &CatalogueRef) -> std::cmp::Ordering {
        std::ptr::from_ref(self.get()).cmp(&std::ptr::from_ref(other.get()))
    }
}

impl fmt::Debug for CatalogueRef {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "Catalogue({} forms)", self.get().forms.len())
    }
}

/// A cell of a report: one indicator of a template, by its position in the
/// template's indicators ([`crate::bnv581::CATALOGUE`] for the 581 template).
///
/// Made by [`CellId::of`] (581), or [`Template::cell`](crate::template::Template::cell)
/// for any template; in a `const`, [`CellId::of`] fails to compile for a
/// cell that does not exist, so that a rule naming a missing cell does not
/// build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    catalogue: CatalogueRef,
    index: u8,
}

impl CellId {
    /// The id a form table gives its rows before the catalogue numbers them.
    pub(crate) const PLACEHOLDER: CellId = CellId {
        catalogue: CatalogueRef::UNNUMBERED,
        index: 0,
    };

    /// The cell at `index` of `catalogue`'s indicators; the caller passes
    /// an index below 256 (the catalogue macro and the template builder
    /// check it).
    #[allow(clippy::cast_possible_truncation)]
    pub(crate) const fn new(catalogue: CatalogueRef, index: usize) -> CellId {
        CellId {
            catalogue,
            index: index as u8,
        }
    }

    /// The handle of the catalogue the cell belongs to.
    pub(crate) const fn handle(self) -> CatalogueRef {
        self.catalogue
    }

    /// The catalogue the cell belongs to.
    #[must_use]
    pub fn catalogue(self) -> &'static Catalogue {
        self.catalogue.get()
    }

    /// Its position in its catalogue's indicators.
    #[must_use]
    pub const fn index(self) -> usize {
        self.index as usize
    }

    /// Its indicator.
    #[must_use]
    pub fn indicator(self) -> &'static Indicator {
        &self.catalogue.get().indicators[self.index as usize]
    }

    /// Its position within its form (0 for the form's first indicator).
    #[must_use]
    pub fn row_in_form(self) -> usize {
        let indicators = self.catalogue.get().indicators;
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
    // The indicators are in form order: the form's first by halving.
    let (mut index, mut end) = (0, indicators.len());
    while index < end {
        let middle = index + (end - index) / 2;
        if indicators[middle].form < form {
            index = middle + 1;
        } else {
            end = middle;
        }
    }
    while index < indicators.len() && indicators[index].form == form {
        let indicator = &indicators[index];
        if bytes_eq(indicator.stt.as_bytes(), stt) {
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
    ($name:ident; $($Form:ident),+ $(,)?) => {
        /// Each form's indicators and headings as its table writes them.
        const SOURCES: &[(&[$crate::catalogue::Indicator], &[$crate::catalogue::Heading])] =
            &[$(($Form::INDICATORS, $Form::HEADINGS)),+];

        /// The forms, in order.
        pub static FORMS: [$crate::catalogue::FormInfo; SOURCES.len()] =
            [$($crate::catalogue::FormInfo {
                catalogue: $crate::catalogue::CatalogueRef::of(&$name),
                ..$Form::INFO
            }),+];

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
                        id: $crate::catalogue::CellId::new(
                            $crate::catalogue::CatalogueRef::of(&$name),
                            index,
                        ),
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
            let mut form = 0;
            while form < SOURCES.len() {
                let mut row = 0;
                while row < SOURCES[form].0.len() {
                    if SOURCES[form].0[row].applies.is_limited() {
                        total += 1;
                    }
                    row += 1;
                }
                form += 1;
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

        /// The catalogue: the forms, their indicators and headings.
        pub static $name: $crate::catalogue::Catalogue = $crate::catalogue::Catalogue {
            forms: &FORMS,
            indicators: &CATALOGUE,
            headings: &HEADINGS,
            limited: &LIMITED,
            every_row_applies: $crate::catalogue::every_row_applies(&CATALOGUE, &LIMITED),
            built: None,
        };
    };
}

pub(crate) use catalogue;

/// The first days of a data window (as [`day_number`]) on which every row
/// of `limited` applies, for [`Template::every_row_applies`]: from the
/// latest of their starts to the earliest of their ends.
pub(crate) const fn every_row_applies(indicators: &[Indicator], limited: &[CellId]) -> (i64, i64) {
    let (mut first, mut last) = (i64::MIN, i64::MAX);
    let mut index = 0;
    while index < limited.len() {
        let applies = indicators[limited[index].index()].applies;
        if let Some(from) = applies.from {
            let from = day_number(from);
            if from > first {
                first = from;
            }
        }
        if let Some(until) = applies.until {
            let until = day_number(until);
            if until < last {
                last = until;
            }
        }
        index += 1;
    }
    (first, last)
}

/// A set of cells of one template, held inline (a bit per cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CellSet([u64; 4]);

impl CellSet {
    /// The empty set.
    pub const EMPTY: CellSet = CellSet([0; 4]);

    /// Adds a cell.
    pub fn insert(&mut self, id: CellId) {
        let index = id.index();
        self.0[index / 64] |= 1 << (index % 64);
    }

    /// Whether the set holds the cell.
    #[must_use]
    pub const fn contains(&self, id: CellId) -> bool {
        let index = id.index();
        self.0[index / 64] >> (index % 64) & 1 == 1
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.0[0] | self.0[1] | self.0[2] | self.0[3] == 0
    }

    /// Whether the set holds any of these cells.
    #[must_use]
    pub fn holds_any(&self, ids: &[CellId]) -> bool {
        !self.is_empty() && ids.iter().any(|&id| self.contains(id))
    }
}
