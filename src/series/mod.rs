//! One body's reports across the year: the checks that no single report
//! shows.
//!
//! A body sends four reports a year: Q1, the half-year, Q3 and the year.
//! Which days of data each covers is its template's windows
//! ([`Template::window`]): under 581's administrative windows Q1 holds data
//! from 15/12 of the year before to 14/3, the half-year 15/12–14/6, Q3
//! 15/6–14/9 and the year 15/12–14/12 (Decree 09/2019/NĐ-CP); a
//! statistical template's calendar windows run 1/1–31/3, 1/1–30/6,
//! 1/7–30/9 and 1/1–31/12 ([`Windows`](crate::template::Windows)). A
//! [`Series`] holds the reports of one body, one template and one year;
//! [`Series::group`] sorts any reports into series, never mixing bodies,
//! templates or years, and sets aside those that cannot be placed, saying
//! why ([`UnplacedReason`]).
//!
//! # Any template
//! The typed 581 [`Report`]s are checked with [`check_reports`] (grouped
//! with [`Series::group`]); [`Sheet`]s of any template, such as one
//! defined outside the crate with a
//! [`TemplateBuilder`](crate::template::TemplateBuilder), with
//! [`check_sheets`] ([`Series::group_sheets`]). Both are one implementation
//! over [`Figures`]: a series reads its template's cells, takes each row's
//! period class from its template's catalogue, runs its template's rules
//! on the derived quarters, compares the reports whose windows (its
//! template's) lie inside one another, and blanks the rows that do not
//! apply to a period under those windows. The stock and 2015-base checks
//! name rows of 581 and run on 581's reports only.
//!
//! # One body
//! A body is one body however its name is typed: reports are grouped by
//! [`BodyKey`] (the name NFC-normalised, case and white space folded), so
//! `UBND TỈNH BẮC GIANG`, `Ubnd tỉnh Bắc Giang` and the same name in
//! decomposed Unicode are one body. A report that gives no body is not
//! matched with any other ([`UnplacedReason::NoBody`]): two documents that
//! give none are not "the same body". A second report of a body's period
//! with the same figures is set aside for the first
//! ([`UnplacedReason::SamePeriodAs`]); two versions whose figures differ
//! are both set aside ([`UnplacedReason::OtherVersion`]) and are an error,
//! `period:versions`, naming both reports and every cell that differs, so
//! that neither the findings nor the exit code of a caller depend on the
//! order the reports were given in. A report placed but the only one of
//! its body says so ([`Grouping::alone`], [`SeriesCheck::alone`]).
//!
//! # The checks
//! What each row's value does over time is its [`PeriodClass`] (from the
//! catalogue, the one source), and the checks follow from it:
//!
//! | check | rule id | what | severity |
//! |---|---|---|---|
//! | versions | `period:versions` | two reports of one body, template and period whose figures differ: both named, with every cell that differs; neither is used | error |
//! | flows | `period:flow:F/STT` | a [`PeriodClass::Flow`] quantity: half-year ≥ Q1, year ≥ half-year + Q3 (without the half-year, year ≥ Q1 + Q3): a derived Q2 or Q4 below zero | error |
//! | distinct flows | `period:distinct_flow:F/STT` | a [`PeriodClass::DistinctFlow`] quantity (one body counts once a year): half-year ≥ Q1, year ≥ max(half-year, Q3) | error |
//! | derived quarters | `derived:q2:RULE`, `derived:q4:RULE` | every rule of one report whose cells are all flow counts (sums, parts, implications; not the `derivable` notes) on Q2 = half-year − Q1 and Q4 = year − half-year − Q3; each cell named in every report it came from; a rule that one of those reports breaks on its own cells is its finding, not repeated for the quarter | the rule's |
//! | cumulative | `period:cumulative:F/STT` | a [`PeriodClass::CumulativeInYear`] quantity: Q1 ≤ half-year ≤ Q3 ≤ year | error where the label prints "Lũy kế", warning where the row is cumulative in fact only (estimates get revised) |
//! | since start | `period:since_start:F/STT` | a [`PeriodClass::CumulativeSinceStart`] quantity never falls, across years too ([`check_reports`]) | as cumulative |
//! | plans | `period:plan:F/STT` | a [`PeriodClass::Plan`] row the same in every report of the year | warning |
//! | events | `period:event:F/STT` | a yes/no [`PeriodClass::Event`] code: the year report says 1 when any report of the year said 1 | error |
//! | status | `period:status:F/STT` | a [`PeriodClass::Status`] code never moves back from one report to the next | warning |
//! | stock | `period:stock:3/1.4` | procedures in force = the previous report's + published − abolished in between (the flows in between from the cumulative flows of the year; Q1 against the previous year's annual report in [`check_reports`]) | warning |
//! | 2015 bases | `period:base_2015:4/1.5.4`, `…:4/2.5`, `…:4/3.4` | the 2015 base a value and its reduction rate imply, `value ÷ (1 − rate/100)`, the same in every report of the year within what the rate's printed digits allow | warning |
//!
//! Only quantities (counts and amounts) are compared; rates follow from
//! their rows. A blank is never zero: a comparison with a blank cell is not
//! made, and a row that does not apply to a report's period is blank. The
//! precision rules are those of a single report: a decimal stands for the
//! interval its printed digits allow, counts are exact, no epsilon, no
//! floats. A negative derived quarter is reported once, as the flow
//! finding (the derived quarter leaves that cell blank for its rules).
//!
//! # Example
//! ```
//! use cchc_forms::{samples, series::{check_reports, Series}, Period, Term};
//!
//! let q3 = samples::bac_giang_2023_q3();
//! let mut year = q3.clone();
//! year.meta.period = Some(Period::new(2023, Term::Year));
//! let reports = [q3, year];
//! let grouping = Series::group(&reports);
//! assert_eq!(grouping.series.len(), 1);
//! assert!(grouping.unplaced.is_empty());
//! // The same cumulative and stock figures at Q3 and at the year: consistent.
//! assert!(check_reports(&reports).findings.is_empty());
//! ```

use std::collections::HashMap;

use serde::Serialize;

use crate::bnv581::Report;
use crate::catalogue::{CellId, PeriodClass};
use crate::check::interval::{Reading, Span};
use crate::cross::{CrossFindings, ReportCell};
use crate::error::{MAX_REPORTS, echo};
use crate::figures::Figures;
use crate::message::{Language, Message, Words};
use crate::meta::BodyKey;
use crate::period::{CalendarDate, Period, Term};
use crate::sheet::Sheet;
use crate::template::CellSet;
use crate::template::{Template, TemplateVersion};
use crate::unit::{Printed, ValueKind};

mod codes;
mod derived;
mod flows;
mod stocks;

/// One body's reports of one year under one template, at most one per term:
/// typed 581 [`Report`]s (the default) or [`Sheet`]s of
/// any template (any [`Figures`]).
#[derive(Debug)]
pub struct Series<'a, R = Report> {
    body: &'a str,
    /// The body's rank among the bodies, by first appearance: one rank per
    /// [`BodyKey`].
    rank: usize,
    template: TemplateVersion,
    year: u16,
    reports: [Option<&'a R>; 4],
}

impl<R> Clone for Series<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Series<'_, R> {}

/// A report that could not be placed in a series, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    /// Its position in the input.
    pub index: usize,
    /// Its body, as it names itself (cut after
    /// [`MAX_ECHO_CHARS`](crate::limits::MAX_ECHO_CHARS) characters).
    pub body: String,
    /// Why.
    pub reason: UnplacedReason,
}

/// Why a report is not in a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum UnplacedReason {
    /// Its period is not given: it cannot be placed in a year.
    NoPeriod,
    /// Its body is not given: it cannot be matched with any other report
    /// (reports that give no body are not one body).
    NoBody,
    /// Another report of the same body, template and period, with the same
    /// figures, is at this position of the input: that one is used.
    SamePeriodAs {
        /// The position of the first one.
        first: usize,
    },
    /// Another report of the same body, template and period holds other
    /// figures: which is right cannot be told, so neither is used, and a
    /// `period:versions` finding names the cells that differ.
    OtherVersion {
        /// The position of a version whose figures differ from this one's:
        /// the first one, for a version unlike it; for the first one and
        /// its copies, the first version unlike it.
        other: usize,
    },
    /// The first report past [`MAX_REPORTS`]: it and
    /// the reports after it were not read.
    TooMany {
        /// How many reports were given.
        given: usize,
    },
}

impl Unplaced {
    /// Why, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> Message<&Unplaced> {
        self.in_language(Language::Vietnamese)
    }

    /// Why, in English.
    #[must_use]
    pub fn message_en(&self) -> Message<&Unplaced> {
        self.in_language(Language::English)
    }
}

impl Words for Unplaced {
    fn write_in(&self, language: Language, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        let n = self.index + 1;
        match (self.reason, language) {
            (UnplacedReason::NoPeriod, Language::Vietnamese) => write!(
                out,
                "báo cáo thứ {n} không ghi kỳ báo cáo nên không đặt được vào chuỗi báo cáo của một năm"
            ),
            (UnplacedReason::NoPeriod, Language::English) => write!(
                out,
                "report {n} gives no period, so it cannot be placed in a year's series"
            ),
            (UnplacedReason::NoBody, Language::Vietnamese) => write!(
                out,
                "báo cáo thứ {n} không ghi đơn vị báo cáo nên không ghép được với báo cáo nào khác: không kiểm tra giữa các báo cáo"
            ),
            (UnplacedReason::NoBody, Language::English) => write!(
                out,
                "report {n} gives no body, so it cannot be matched with any other report: no check across reports"
            ),
            (UnplacedReason::SamePeriodAs { first }, Language::Vietnamese) => write!(
                out,
                "báo cáo thứ {n} cùng đơn vị, cùng kỳ và cùng số liệu với báo cáo thứ {0}: chỉ dùng báo cáo thứ {0}",
                first + 1
            ),
            (UnplacedReason::SamePeriodAs { first }, Language::English) => write!(
                out,
                "report {n} is of the same body and period as report {0}, with the same figures: only report {0} is used",
                first + 1
            ),
            (UnplacedReason::OtherVersion { other }, Language::Vietnamese) => write!(
                out,
                "báo cáo thứ {n} cùng đơn vị, cùng kỳ với báo cáo thứ {} nhưng số liệu khác: không biết bản nào đúng nên không dùng bản nào",
                other + 1
            ),
            (UnplacedReason::OtherVersion { other }, Language::English) => write!(
                out,
                "report {n} is of the same body and period as report {} but its figures differ: which is right cannot be told, so neither is used",
                other + 1
            ),
            (UnplacedReason::TooMany { given }, Language::Vietnamese) => write!(
                out,
                "có {given} báo cáo, quá {MAX_REPORTS} báo cáo mà thư viện kiểm tra một lần: không đọc báo cáo thứ {n} và các báo cáo sau"
            ),
            (UnplacedReason::TooMany { given }, Language::English) => write!(
                out,
                "{given} reports given, more than the {MAX_REPORTS} this library checks at once: report {n} and those after it were not read"
            ),
        }
    }
}

/// A report placed in a series but the only report of its body (and
/// template): no check across reports applies to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alone {
    /// Its position in the input.
    pub index: usize,
    /// Its body, as it names itself (cut after
    /// [`MAX_ECHO_CHARS`](crate::limits::MAX_ECHO_CHARS) characters).
    pub body: String,
    /// Its period.
    pub period: Period,
}

impl Alone {
    /// Why nothing was checked across it, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> Message<&Alone> {
        self.in_language(Language::Vietnamese)
    }

    /// Why nothing was checked across it, in English.
    #[must_use]
    pub fn message_en(&self) -> Message<&Alone> {
        self.in_language(Language::English)
    }
}

impl Words for Alone {
    fn write_in(&self, language: Language, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        let (n, period) = (
            self.index + 1,
            crate::cross::period_short(Some(self.period), language),
        );
        match language {
            Language::Vietnamese => write!(
                out,
                "báo cáo thứ {n} ({period}) là báo cáo duy nhất của đơn vị này: không có báo cáo nào để đối chiếu"
            ),
            Language::English => write!(
                out,
                "report {n} ({period}) is the only report of its body: there is no other report to compare it with"
            ),
        }
    }
}

/// Reports sorted into series.
#[derive(Debug, Clone)]
pub struct Grouping<'a, R = Report> {
    /// The series, by body (in order of first appearance), then year.
    pub series: Vec<Series<'a, R>>,
    /// The reports that could not be placed, by position.
    pub unplaced: Vec<Unplaced>,
    /// The reports placed but alone: the only report of their body, by
    /// position.
    pub alone: Vec<Alone>,
    /// The reports of one body, template and period whose figures differ
    /// (each such group by position, the groups by their first): none of
    /// them is in a series.
    pub versions: Vec<Vec<usize>>,
}

/// What [`check_reports`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeriesCheck {
    /// The findings across reports: the versions that differ
    /// (`period:versions`), then each series in turn, then those across
    /// years of one body.
    pub findings: CrossFindings,
    /// The reports that could not be placed in a series.
    pub unplaced: Vec<Unplaced>,
    /// The reports that are the only one of their body.
    pub alone: Vec<Alone>,
}

/// The position of a term in a series, in the order reports are due.
const fn slot(term: Term) -> usize {
    match term {
        Term::Q1 => 0,
        Term::HalfYear => 1,
        Term::Q3 => 2,
        Term::Year => 3,
    }
}

/// Whether two reports' figures are the same values (`1,0` and `1,00` are
/// one value).
fn same_figures(a: &[Option<Printed>], b: &[Option<Printed>]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.map(Printed::to_decimal) == y.map(Printed::to_decimal))
}

/// A report's cells, by index in its template's catalogue (a cell the
/// template does not have is not read).
fn figures_of(report: &impl Figures) -> Vec<Option<Printed>> {
    let mut values = vec![None; report.meta().template.template().indicators().len()];
    read_figures(report, &mut values);
    values
}

/// A report's cells written into `values`, by index in its template's
/// catalogue.
fn read_figures(report: &impl Figures, values: &mut [Option<Printed>]) {
    report.each_figure(|index, value| {
        if let Some(slot) = values.get_mut(index) {
            *slot = value;
        }
    });
}

impl<'a> Series<'a> {
    /// Sorts reports into series of one body (one [`BodyKey`]: its name
    /// after NFC normalisation, case and white-space folding), one template
    /// and one year. Reports of other bodies, templates or years are never
    /// mixed. Set aside with the reason ([`Grouping::unplaced`]): a report
    /// without a period, a report without a body (reports that give none
    /// are not one body), a second report of a body's period with the same
    /// figures (the first is used), and every version of a body's period
    /// when their figures differ (none is used, whatever their order; see
    /// [`Grouping::versions`]). The only report of its body is placed and
    /// listed in [`Grouping::alone`].
    ///
    /// At most [`MAX_REPORTS`] reports are read: the
    /// first past the limit is set aside ([`UnplacedReason::TooMany`]) and
    /// the rest are not read. Time is linear in the reports (one hash
    /// look-up each, a comparison of the figures for a period given twice,
    /// then a sort of the series).
    #[must_use]
    pub fn group(reports: &'a [Report]) -> Grouping<'a> {
        place(reports)
    }
}

impl<'a> Series<'a, Sheet> {
    /// Sorts sheets into series, exactly as [`Series::group`] sorts typed
    /// reports: by body, template and year, sheets of any template (never
    /// two templates in one series).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, series::Series, Period, Sheet, Term};
    /// let q3 = Sheet::from(&samples::bac_giang_2023_q3());
    /// let mut year = q3.clone();
    /// year.meta.period = Some(Period::new(2023, Term::Year));
    /// let sheets = [q3, year];
    /// let grouping = Series::group_sheets(&sheets);
    /// assert_eq!(grouping.series.len(), 1);
    /// assert!(grouping.series[0].report(Term::Year).is_some());
    /// ```
    #[must_use]
    pub fn group_sheets(sheets: &'a [Sheet]) -> Grouping<'a, Sheet> {
        place(sheets)
    }
}

/// [`Series::group`] and [`Series::group_sheets`], for any kind of report.
fn place<R: Figures>(reports: &[R]) -> Grouping<'_, R> {
    let mut series: Vec<Series<'_, R>> = Vec::new();
    // The positions of each series' reports, by term.
    let mut given: Vec<[Vec<usize>; 4]> = Vec::new();
    let mut unplaced = Vec::new();
    // Where each body's, template's and year's series is, and each
    // body's rank (by first appearance): one look-up per report.
    let mut at_of: HashMap<(usize, TemplateVersion, u16), usize> = HashMap::new();
    let mut rank_of: HashMap<BodyKey, usize> = HashMap::new();
    let mut too_many = None;
    for (index, report) in reports.iter().enumerate() {
        if index == MAX_REPORTS {
            too_many = Some(Unplaced {
                index,
                body: echo(&report.meta().body),
                reason: UnplacedReason::TooMany {
                    given: reports.len(),
                },
            });
            break;
        }
        let reason = match (report.meta().period, report.meta().body_key()) {
            (None, _) => UnplacedReason::NoPeriod,
            (Some(_), None) => UnplacedReason::NoBody,
            (Some(period), Some(key)) => {
                let next_rank = rank_of.len();
                let rank = *rank_of.entry(key).or_insert(next_rank);
                let at = *at_of
                    .entry((rank, report.meta().template, period.year))
                    .or_insert_with(|| {
                        series.push(Series {
                            body: report.meta().body.as_str(),
                            rank,
                            template: report.meta().template,
                            year: period.year,
                            reports: [None; 4],
                        });
                        given.push(Default::default());
                        series.len() - 1
                    });
                given[at][slot(period.term)].push(index);
                continue;
            }
        };
        unplaced.push(Unplaced {
            index,
            body: echo(&report.meta().body),
            reason,
        });
    }
    // One report per term: the first, when the others have its
    // figures; none, when they differ.
    let mut versions = Vec::new();
    for (one, terms) in series.iter_mut().zip(&given) {
        for (term, positions) in terms.iter().enumerate() {
            let Some((&first, rest)) = positions.split_first() else {
                continue;
            };
            if let Some(used) = one_of(reports, first, rest, &mut unplaced) {
                one.reports[term] = Some(&reports[used]);
            } else {
                versions.push(positions.clone());
            }
        }
    }
    unplaced.sort_by_key(|u| u.index);
    unplaced.extend(too_many);
    versions.sort();
    // The series left with no report (every version set aside) go.
    let mut kept = Vec::with_capacity(series.len());
    let mut placed = Vec::with_capacity(series.len());
    for (one, terms) in series.into_iter().zip(given) {
        if one.reports.iter().any(Option::is_some) {
            placed.push((one.rank, one.template, terms));
            kept.push(one);
        }
    }
    let alone = alone(&kept, &placed);
    // By body in order of first appearance, then by year.
    kept.sort_by_key(|s| (s.rank, s.year));
    Grouping {
        series: kept,
        unplaced,
        alone,
        versions,
    }
}

impl<'a, R: Figures> Series<'a, R> {
    /// The body's name, as its first report gives it.
    #[must_use]
    pub fn body(&self) -> &'a str {
        self.body
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The report of `term`, if the series has one.
    #[must_use]
    pub fn report(&self, term: Term) -> Option<&'a R> {
        self.reports[slot(term)]
    }

    /// Every check across the series' reports (see the [module](self)).
    #[must_use]
    pub fn check(&self) -> CrossFindings {
        let view = View::new(self);
        let mut findings = CrossFindings::default();
        flows::check(&view, &mut findings);
        derived::check(&view, &mut findings);
        codes::check(&view, &mut findings);
        stocks::check(&view, &mut findings);
        findings
    }
}

/// The report used for a period given at `first` and again at `rest`: the
/// first, when the others have its figures (each set aside for it); none,
/// when they differ (each set aside naming a version unlike it).
fn one_of(
    reports: &[impl Figures],
    first: usize,
    rest: &[usize],
    unplaced: &mut Vec<Unplaced>,
) -> Option<usize> {
    let figures = figures_of(&reports[first]);
    let like_first: Vec<bool> = rest
        .iter()
        .map(|&i| same_figures(&figures, &figures_of(&reports[i])))
        .collect();
    let unlike = rest
        .iter()
        .zip(&like_first)
        .find(|&(_, &like)| !like)
        .map(|(&i, _)| i);
    let set_aside = |index: usize, reason| Unplaced {
        index,
        body: echo(&reports[index].meta().body),
        reason,
    };
    let Some(unlike) = unlike else {
        unplaced.extend(
            rest.iter()
                .map(|&index| set_aside(index, UnplacedReason::SamePeriodAs { first })),
        );
        return Some(first);
    };
    // Each named with a version whose figures differ from its own: the
    // first and its copies with the first other version, the others with
    // the first.
    unplaced.push(set_aside(
        first,
        UnplacedReason::OtherVersion { other: unlike },
    ));
    for (&index, &like) in rest.iter().zip(&like_first) {
        let other = if like { unlike } else { first };
        unplaced.push(set_aside(index, UnplacedReason::OtherVersion { other }));
    }
    None
}

/// The reports placed that are the only one of their body (and template),
/// by position: each series with the positions of its reports by term.
fn alone<R>(
    kept: &[Series<'_, R>],
    placed: &[(usize, TemplateVersion, [Vec<usize>; 4])],
) -> Vec<Alone> {
    let mut count_of: HashMap<(usize, TemplateVersion), usize> = HashMap::new();
    for one in kept {
        let count = one.reports.iter().filter(|r| r.is_some()).count();
        *count_of.entry((one.rank, one.template)).or_default() += count;
    }
    let mut alone = Vec::new();
    for (one, (rank, template, terms)) in kept.iter().zip(placed) {
        if count_of.get(&(*rank, *template)) != Some(&1) {
            continue;
        }
        for (term, positions) in Term::ALL.into_iter().zip(terms) {
            if let (Some(&index), Some(_)) = (positions.first(), one.reports[slot(term)]) {
                alone.push(Alone {
                    index,
                    body: echo(one.body),
                    period: Period::new(one.year, term),
                });
            }
        }
    }
    alone.sort_by_key(|a| a.index);
    alone
}

/// Groups the reports into series ([`Series::group`]), checks each, then
/// checks across the years of each body: a cumulative since the start
/// never falls from one year's last report to the next year's first, and
/// procedures in force at Q1 follow from the previous year's annual report.
///
/// At most [`MAX_REPORTS`] reports are checked (see
/// [`Series::group`]). Besides the findings, it holds one series' cells at
/// a time (and the previous series', about 24 kB each), whatever the
/// number of reports.
///
/// # Example
/// ```
/// use cchc_forms::{samples, series::check_reports, ReportMeta};
/// let mut no_period = samples::bac_giang_2023_q3();
/// no_period.meta.period = None;
/// let checked = check_reports(&[no_period]);
/// assert_eq!(checked.unplaced.len(), 1);
/// assert_eq!(checked.unplaced[0].message_en(), "report 1 gives no period, so it cannot be placed in a year's series");
/// ```
///
/// Sheets of any template are checked with [`check_sheets`].
#[must_use]
pub fn check_reports(reports: &[Report]) -> SeriesCheck {
    check(reports, Series::group(reports))
}

/// Checks sheets across reports, exactly as [`check_reports`] checks typed
/// reports: grouped into series ([`Series::group_sheets`]), each series by
/// its template's catalogue (the period classes of its rows), its rules (on
/// the derived quarters) and its windows (which reports' data lie inside
/// which, which rows apply).
///
/// # Example
/// ```
/// use cchc_forms::{samples, series::check_sheets, Period, Sheet, Term};
/// let q3 = Sheet::from(&samples::bac_giang_2023_q3());
/// let mut year = q3.clone();
/// year.meta.period = Some(Period::new(2023, Term::Year));
/// assert!(check_sheets(&[q3, year]).findings.is_empty());
/// ```
#[must_use]
pub fn check_sheets(sheets: &[Sheet]) -> SeriesCheck {
    check(sheets, Series::group_sheets(sheets))
}

/// [`check_reports`] and [`check_sheets`]: every check of `grouping`, the
/// grouping of `reports`.
fn check<R: Figures>(reports: &[R], grouping: Grouping<'_, R>) -> SeriesCheck {
    let mut findings = CrossFindings::default();
    for positions in &grouping.versions {
        versions(reports, positions, &mut findings);
    }
    // One series' view at a time, and the one before it (about 24 kB
    // each), whatever the number of series.
    let mut earlier: Option<View> = None;
    for series in &grouping.series {
        let view = View::new(series);
        flows::check(&view, &mut findings);
        derived::check(&view, &mut findings);
        codes::check(&view, &mut findings);
        stocks::check(&view, &mut findings);
        if let Some(earlier) = &earlier {
            if earlier.rank == view.rank && earlier.template == view.template {
                flows::across_years(earlier, &view, &mut findings);
                stocks::across_years(earlier, &view, &mut findings);
            }
        }
        earlier = Some(view);
    }
    SeriesCheck {
        findings,
        unplaced: grouping.unplaced,
        alone: grouping.alone,
    }
}

/// The most cells a `period:versions` message names (its cells list them
/// all).
const MAX_NAMED_CELLS: usize = 10;

/// Versions of one body's report of one period whose figures differ: one
/// `period:versions` error for each version that differs from the first,
/// naming both reports (by position) and every cell that differs.
fn versions(reports: &[impl Figures], positions: &[usize], findings: &mut CrossFindings) {
    use crate::cross::{computed, finding, report_of, row, words};
    let Some((&first, rest)) = positions.split_first() else {
        return;
    };
    let base = &reports[first];
    let base_cells = figures_of(base);
    let period = base.meta().period;
    let indicators = base.meta().template.template().indicators();
    // Each distinct version once: a copy of a version already named adds
    // nothing.
    let mut named: Vec<Vec<Option<Printed>>> = Vec::new();
    for &other in rest {
        let cells = figures_of(&reports[other]);
        if named.iter().any(|seen| same_figures(seen, &cells)) {
            continue;
        }
        let differing: Vec<(CellId, Option<Printed>, Option<Printed>)> = base_cells
            .iter()
            .zip(&cells)
            .enumerate()
            .filter(|(_, (a, b))| a.map(Printed::to_decimal) != b.map(Printed::to_decimal))
            .filter_map(|(index, (&a, &b))| Some((indicators.get(index)?.id, a, b)))
            .collect();
        if differing.is_empty() {
            continue;
        }
        named.push(cells);
        let mut cells = Vec::with_capacity(differing.len() * 2);
        for &(id, _, _) in &differing {
            for (index, report) in [(first, base), (other, &reports[other])] {
                cells.push(ReportCell {
                    member: Some(index),
                    ..ReportCell::new(id, period, Some(echo(&report.meta().body)))
                });
            }
        }
        let (a, b) = (first + 1, other + 1);
        let body = echo(&base.meta().body);
        let message = move |language: Language, out: &mut dyn std::fmt::Write| {
            let value = |v: Option<Printed>| {
                v.map_or_else(
                    || language.pick("trống", "blank").to_owned(),
                    |v| computed(v.to_decimal(), language),
                )
            };
            let and = language.pick("và", "and");
            let mut listed: Vec<String> = differing
                .iter()
                .take(MAX_NAMED_CELLS)
                .map(|&(id, a, b)| {
                    format!("{} ({} {and} {})", row(id, language), value(a), value(b))
                })
                .collect();
            let more = differing.len().saturating_sub(MAX_NAMED_CELLS);
            if more > 0 {
                listed.push(match language {
                    Language::Vietnamese => format!("và {more} ô khác"),
                    Language::English => format!("and {more} more"),
                });
            }
            let (report, count, list) = (
                report_of(period, language),
                differing.len(),
                listed.join(", "),
            );
            match language {
                Language::Vietnamese => write!(
                    out,
                    "Báo cáo thứ {a} và báo cáo thứ {b} cùng là {report} của {body} nhưng khác nhau ở {count} ô: {list}. Không biết bản nào đúng nên không dùng bản nào để kiểm tra giữa các báo cáo."
                ),
                Language::English => write!(
                    out,
                    "Reports {a} and {b} are both {report} of {body} but differ in {count} cell(s): {list}. Which is right cannot be told, so neither is used in the checks across reports."
                ),
            }
        };
        findings.0.push(finding(
            "period:versions".to_owned(),
            crate::cross::CrossFamily::Period,
            crate::finding::Severity::Error,
            cells,
            words(message),
        ));
    }
}

/// A series' reports as the checks read them: their cells, read once, with
/// the rows that do not apply to each period blanked; whatever the kind of
/// report, its template's cells.
pub(crate) struct View {
    /// The body's rank (one per [`BodyKey`]).
    pub(crate) rank: usize,
    /// The template the series' reports follow.
    pub(crate) template: TemplateVersion,
    /// The year.
    pub(crate) year: u16,
    /// Which terms have a report.
    present: [bool; 4],
    /// How many cells a report of the template has.
    width: usize,
    /// The cells of each term's report (all blank where there is none),
    /// `width` by term, in one allocation.
    cells: Box<[Option<Printed>]>,
}

impl View {
    fn new<R: Figures>(series: &Series<'_, R>) -> View {
        let template = series.template.template();
        let width = template.indicators().len();
        let mut cells = vec![None; width * 4].into_boxed_slice();
        for (slot, report) in cells.chunks_mut(width.max(1)).zip(series.reports) {
            let Some(report) = report else {
                continue;
            };
            read_figures(report, slot);
            if let Some(period) = report.meta().period {
                let absent = template.absent_cells(period);
                if !absent.is_empty() {
                    for (cell, indicator) in slot.iter_mut().zip(template.indicators()) {
                        if absent.contains(indicator.id) {
                            *cell = None;
                        }
                    }
                }
            }
        }
        View {
            rank: series.rank,
            template: series.template,
            year: series.year,
            present: series.reports.map(|report| report.is_some()),
            width,
            cells,
        }
    }

    /// The template the series' reports follow.
    pub(crate) fn template(&self) -> &'static Template {
        self.template.template()
    }

    /// The cells of the report of `term`, by cell index.
    pub(crate) fn cells(&self, term: Term) -> Option<&[Option<Printed>]> {
        let at = slot(term);
        let from = at * self.width;
        self.present[at].then(|| &self.cells[from..from + self.width])
    }

    /// The value of `id` in the report of `term`, `None` when there is no
    /// such report, the cell is blank or it is not a cell of the series'
    /// template.
    pub(crate) fn value(&self, term: Term, id: CellId) -> Option<Printed> {
        if !std::ptr::eq(id.catalogue(), self.template().catalogue) {
            return None;
        }
        self.cells(term)
            .and_then(|cells| cells.get(id.index()).copied().flatten())
    }

    /// The period of `term` in this series' year.
    pub(crate) fn period(&self, term: Term) -> Period {
        Period::new(self.year, term)
    }

    /// The days of data the report of `term` covers, under the template's
    /// windows.
    pub(crate) fn window(&self, term: Term) -> (CalendarDate, CalendarDate) {
        self.template().window(self.period(term))
    }

    /// The cell `id` of the report of `term`, for a finding.
    pub(crate) fn cell(&self, term: Term, id: CellId) -> ReportCell {
        ReportCell::new(id, Some(self.period(term)), None)
    }

    /// The terms that have a report, in order.
    pub(crate) fn terms(&self) -> impl Iterator<Item = Term> + '_ {
        Term::ALL
            .into_iter()
            .filter(|&term| self.present[slot(term)])
    }

    /// The rows that do not apply to the report of `term`.
    pub(crate) fn absent(&self, term: Term) -> CellSet {
        self.template().absent_cells(self.period(term))
    }

    /// The indicators of the template of `class` holding quantities
    /// (counts and amounts, not rates or codes).
    pub(crate) fn quantities(&self, class: PeriodClass) -> impl Iterator<Item = CellId> + 'static {
        self.template()
            .indicators()
            .iter()
            .filter(move |indicator| {
                indicator.period_class() == class
                    && matches!(indicator.kind, ValueKind::Count | ValueKind::MillionVnd)
            })
            .map(|indicator| indicator.id)
    }
}

/// The interval a value stands for: exact for a count, its printed
/// precision (rounded to nearest) for an amount.
pub(crate) fn span(id: CellId, value: Printed) -> Option<Span> {
    let reading = if crate::check::is_exact(id) {
        Reading::Exact
    } else {
        Reading::Nearest
    };
    Span::of(value, reading)
}
