//! Findings across reports: what the checks of a body's reports of a year
//! ([`crate::series`]) and of an aggregate ([`crate::aggregate`]) found.
//!
//! A [`CrossFinding`] is like a [`Finding`](crate::finding::Finding) of one report,
//! but each of its cells says which report it is in: the report's period
//! (`{"year": 2023, "term": "q3"}`) and, when the reports are of different
//! bodies, the body. Its rule id says the family and the check:
//!
//! | family | rule ids |
//! |---|---|
//! | [`CrossFamily::Period`] | `period:versions` (two versions of a body's report of a period whose figures differ), `period:flow:3/3.1.1`, `period:distinct_flow:1/3.1`, `period:cumulative:1/2.2`, `period:since_start:6/2.6`, `period:plan:6/1.1`, `period:event:1/6`, `period:status:7/1`, `period:stock:3/1.4`, `period:base_2015:4/1.5.4` |
//! | [`CrossFamily::Derived`] | `derived:q2:` or `derived:q4:` then the id of a rule of one report (`derived:q4:part:3/3.1.2<=3/3.1.1`) |
//! | [`CrossFamily::Aggregate`] | `aggregate:` then the id of a rule of one report (`aggregate:sum:3/1.4`) |
//!
//! Its messages are in Vietnamese and English ([`CrossFinding::message_vi`],
//! [`CrossFinding::message_en`], the fields of the same names), written
//! once when the finding is made by the same pieces as a finding of one
//! report's (see [`crate::message`]). Rows are named `biểu 3 mục 1.4` /
//! `form 3 row 1.4` and numbers written with their printed digits, in each
//! language's separators.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::CellId;
use crate::check::words::{Capital, CellName, FormShown, Piece, style};
use crate::finding::{Interval, Severity};
use crate::message::{Language, Words};
use crate::number::NumberText;
use crate::period::{Period, Term};

/// The families of checks across reports (serialized `period`, `derived`,
/// `aggregate`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CrossFamily {
    /// How one body's reports of a year (and of successive years) relate,
    /// by each row's period class.
    Period,
    /// A rule of one report broken by a derived quarter (Q2 = half-year −
    /// Q1, Q4 = year − half-year − Q3).
    Derived,
    /// A rule of one report broken by the total of several.
    Aggregate,
}

impl CrossFamily {
    /// The family's name, the first part of its rule ids.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            CrossFamily::Period => "period",
            CrossFamily::Derived => "derived",
            CrossFamily::Aggregate => "aggregate",
        }
    }
}

impl fmt::Display for CrossFamily {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.name())
    }
}

/// A cell of one report among several: the form and STT, the report's
/// period, and its body when the reports are of different bodies.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::CellId;
/// use cchc_forms::cross::ReportCell;
/// use cchc_forms::{Period, Term};
/// let cell = ReportCell::new(CellId::of(3, "1.4"), Some(Period::new(2023, Term::Q3)), None);
/// assert_eq!(
///     serde_json::to_string(&cell).unwrap(),
///     r#"{"form":3,"stt":"1.4","period":{"year":2023,"term":"q3"}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportCell {
    /// The form, 1 to 7.
    pub form: u8,
    /// The row as the forms print it (`1.4`).
    pub stt: String,
    /// The period of the report the cell is in (`None` only for an
    /// aggregate of reports without one).
    pub period: Option<Period>,
    /// The body of the report, when the finding involves several bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Its report's position among the reports given (from 0), where the
    /// body's name cannot tell them apart: a member of an aggregate (members
    /// may share a body's name), or one of two versions of a body's report
    /// of a period (`period:versions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
}

impl ReportCell {
    /// The cell `id` of the report of `period` (of `body`, when bodies differ).
    #[must_use]
    pub fn new(id: CellId, period: Option<Period>, body: Option<String>) -> ReportCell {
        let indicator = id.indicator();
        ReportCell {
            form: indicator.form,
            stt: indicator.stt.to_owned(),
            period,
            body,
            member: None,
        }
    }

    /// Whether it is the cell `id`.
    #[must_use]
    pub fn is(&self, id: CellId) -> bool {
        let indicator = id.indicator();
        self.form == indicator.form && self.stt == indicator.stt
    }
}

/// One problem (or note) found across reports.
///
/// # Example
/// ```
/// use cchc_forms::{samples, series::Series, Period, Report, Term};
///
/// // Q1 and the half-year of a body, the half-year resolving fewer dossiers than Q1.
/// let mut q1 = samples::bac_giang_2023_q3();
/// q1.meta.period = Some(Period::new(2023, Term::Q1));
/// let mut half = q1.clone();
/// half.meta.period = Some(Period::new(2023, Term::HalfYear));
/// half.form3.resolved_departments = q1.form3.resolved_departments.map(|c| cchc_forms::unit::Count::new(c.get() - 1));
/// let reports = [q1, half];
/// let findings = cchc_forms::series::check_reports(&reports).findings;
/// let flow = findings.iter().find(|f| f.rule == "period:flow:3/3.1.1").unwrap();
/// assert_eq!(flow.cells.len(), 2); // the cell in the half-year report, then in Q1
/// assert!(flow.message_en().contains("row 3.1.1"));
/// ```
#[derive(Clone)]
pub struct CrossFinding {
    /// The rule id: its family, its check and the row (`period:flow:3/3.1.1`).
    pub rule: String,
    /// The family.
    pub family: CrossFamily,
    /// How serious it is.
    pub severity: Severity,
    /// The cells involved, each with its report's period (and body when
    /// bodies differ), the checked cell first.
    pub cells: Vec<ReportCell>,
    /// The value reported in the checked cell, if any.
    pub reported: Option<Decimal>,
    /// The interval of true values the reported digits stand for, if the
    /// value is a decimal.
    pub reported_interval: Option<Interval>,
    /// The value the other cells imply, if there is a single one.
    pub computed: Option<Decimal>,
    /// The interval of values the other cells imply, when printed digits
    /// leave room.
    pub computed_interval: Option<Interval>,
    /// `reported − computed`, when both are known.
    pub imbalance: Option<Decimal>,
    /// The message in Vietnamese, written once by the same pieces as a
    /// finding's (findings across reports are few: they keep their text).
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
}

impl CrossFinding {
    /// The message in Vietnamese (the field, as a finding's method gives
    /// its own).
    #[must_use]
    pub fn message_vi(&self) -> &str {
        &self.message_vi
    }

    /// The message in English.
    #[must_use]
    pub fn message_en(&self) -> &str {
        &self.message_en
    }
}

impl CrossFinding {
    /// Appends `vi` to the Vietnamese message and `en` to the English one
    /// (a note of the caller's, such as the files the reports came from).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{aggregate::aggregate, samples};
    /// let mut second = samples::bac_giang_2023_q3();
    /// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    /// let members = [samples::bac_giang_2023_q3(), second];
    /// let mut notes = aggregate("Tổng hợp", &members)?.distributions();
    /// let survey = &mut notes.0[0];
    /// survey.append(" (tệp: a.tsv)", " (files: a.tsv)");
    /// assert!(survey.message_en().ends_with("gave 1 (yes). (files: a.tsv)"));
    /// assert!(survey.message_vi().ends_with(" (tệp: a.tsv)"));
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    pub fn append(&mut self, vi: &str, en: &str) {
        self.message_vi.push_str(vi);
        self.message_en.push_str(en);
    }
}

impl Words for CrossFinding {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(match language {
            Language::Vietnamese => &self.message_vi,
            Language::English => &self.message_en,
        })
    }
}

impl fmt::Display for CrossFinding {
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

crate::finding::finding_shape!(CrossFinding, "CrossFinding");

impl PartialEq for CrossFinding {
    /// Equal fields and equal messages.
    fn eq(&self, other: &CrossFinding) -> bool {
        self.rule == other.rule
            && self.family == other.family
            && self.severity == other.severity
            && self.cells == other.cells
            && self.reported == other.reported
            && self.reported_interval == other.reported_interval
            && self.computed == other.computed
            && self.computed_interval == other.computed_interval
            && self.imbalance == other.imbalance
            && self.message_vi() == other.message_vi()
            && self.message_en() == other.message_en()
    }
}

impl Eq for CrossFinding {}

impl<'de> Deserialize<'de> for CrossFinding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entry = CrossFindingEntry::deserialize(deserializer)?;
        Ok(CrossFinding {
            rule: entry.rule,
            family: entry.family,
            severity: entry.severity,
            cells: entry.cells,
            reported: entry.reported,
            reported_interval: entry.reported_interval,
            computed: entry.computed,
            computed_interval: entry.computed_interval,
            imbalance: entry.imbalance,
            message_vi: entry.message_vi,
            message_en: entry.message_en,
        })
    }
}

impl JsonSchema for CrossFinding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CrossFinding".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CrossFindingEntry::json_schema(generator)
    }
}

/// One problem (or note) found across reports.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CrossFindingEntry {
    /// The rule id: its family, its check and the row (`period:flow:3/3.1.1`).
    rule: String,
    /// The family.
    family: CrossFamily,
    /// How serious it is.
    severity: Severity,
    /// The cells involved, each with its report's period (and body when
    /// bodies differ), the checked cell first.
    cells: Vec<ReportCell>,
    /// The value reported in the checked cell, if any.
    reported: Option<Decimal>,
    /// The interval of true values the reported digits stand for, if the
    /// value is a decimal.
    reported_interval: Option<Interval>,
    /// The value the other cells imply, if there is a single one.
    computed: Option<Decimal>,
    /// The interval of values the other cells imply, when printed digits
    /// leave room.
    computed_interval: Option<Interval>,
    /// `reported − computed`, when both are known.
    imbalance: Option<Decimal>,
    /// The message in Vietnamese.
    message_vi: String,
    /// The message in English.
    message_en: String,
}

/// The findings across reports, in check order; serialized as a JSON array
/// of [`CrossFinding`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct CrossFindings(pub Vec<CrossFinding>);

impl CrossFindings {
    /// Whether any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    /// The findings whose rule id is `rule`.
    pub fn of_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a CrossFinding> {
        self.0.iter().filter(move |f| f.rule == rule)
    }

    /// The findings whose rule id starts with `prefix` (`period:flow:`).
    pub fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a CrossFinding> {
        self.0.iter().filter(move |f| f.rule.starts_with(prefix))
    }
}

crate::finding::finding_list!(CrossFindings, CrossFinding);

/// A finding across reports in the making: the numbers blank until set,
/// the messages written by `words`, once for each language.
pub(crate) fn finding(
    rule: String,
    family: CrossFamily,
    severity: Severity,
    cells: Vec<ReportCell>,
    words: impl Words + Send + Sync + 'static,
) -> CrossFinding {
    CrossFinding {
        rule,
        family,
        severity,
        cells,
        reported: None,
        reported_interval: None,
        computed: None,
        computed_interval: None,
        imbalance: None,
        message_vi: words.in_language(Language::Vietnamese).to_string(),
        message_en: words.in_language(Language::English).to_string(),
    }
}

/// The words of a message written by `write` in the language asked for,
/// from the values it captured.
pub(crate) fn words(
    write: impl Fn(Language, &mut dyn fmt::Write) -> fmt::Result + Send + Sync + 'static,
) -> impl Words + Send + Sync + 'static {
    crate::message::Written(write)
}

/// A report's period in a message: `báo cáo quý I năm 2023` / `the Q1 2023
/// report` (the year is a year, written without a thousands separator).
pub(crate) fn report_of(period: Option<Period>, language: Language) -> String {
    match (period, language) {
        (None, Language::Vietnamese) => "báo cáo không ghi kỳ".to_owned(),
        (None, Language::English) => "the report without a period".to_owned(),
        (
            Some(Period {
                year,
                term: Term::Year,
            }),
            Language::Vietnamese,
        ) => format!("báo cáo năm {year}"),
        (Some(period), Language::Vietnamese) => {
            format!("báo cáo {} năm {}", period.term.name_vi(), period.year)
        }
        (Some(Period { year, term }), Language::English) => match term {
            Term::Q1 => format!("the Q1 {year} report"),
            Term::HalfYear => format!("the half-year {year} report"),
            Term::Q3 => format!("the Q3 {year} report"),
            Term::Year => format!("the {year} annual report"),
        },
    }
}

/// A short name of a report's period: `quý I/2023` / `Q1 2023`.
pub(crate) fn period_short(period: Option<Period>, language: Language) -> String {
    match (period, language) {
        (None, language) => language.pick("không ghi kỳ", "no period").to_owned(),
        (
            Some(Period {
                year,
                term: Term::Year,
            }),
            Language::Vietnamese,
        ) => format!("năm {year}"),
        (Some(period), Language::Vietnamese) => {
            format!("{}/{}", period.term.name_vi(), period.year)
        }
        (Some(Period { year, term }), Language::English) => match term {
            Term::Q1 => format!("Q1 {year}"),
            Term::HalfYear => format!("H1 {year}"),
            Term::Q3 => format!("Q3 {year}"),
            Term::Year => format!("year {year}"),
        },
    }
}

/// A number with its printed digits, in a language's separators.
pub(crate) fn number(value: Decimal, language: Language) -> String {
    NumberText::decimal(value, style(language)).to_string()
}

/// A computed number without trailing zeros, in a language's separators.
pub(crate) fn computed(value: Decimal, language: Language) -> String {
    NumberText::trimmed(value, style(language)).to_string()
}

/// A piece of a message, written on its own.
fn text(piece: &impl Piece) -> String {
    let mut out = String::new();
    // Writing into a `String` does not fail.
    let _ = piece.put(&mut out);
    out
}

/// A row in a message: `biểu 3 mục 1.4` / `form 3 row 1.4`.
pub(crate) fn row(id: CellId, language: Language) -> String {
    text(&CellName(id, FormShown::Named, language))
}

/// The same with a capital: `Biểu 3 mục 1.4` / `Form 3 row 1.4`.
pub(crate) fn row_capital(id: CellId, language: Language) -> String {
    text(&Capital(CellName(id, FormShown::Named, language)))
}

/// The id part naming a cell: `3/1.4`.
pub(crate) fn cell_id(id: CellId) -> String {
    let indicator = id.indicator();
    format!("{}/{}", indicator.form, indicator.stt)
}
