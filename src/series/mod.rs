//! One body's reports across the year: the checks that no single report
//! shows.
//!
//! A body sends four reports a year: Q1 (data from 15/12 of the year before
//! to 14/3), the half-year (15/12–14/6), Q3 (15/6–14/9) and the year
//! (15/12–14/12) (Decree 09/2019/NĐ-CP; see [`Period::data_window`],
//! [`Period::contains`]). A [`Series`] holds the reports of one body, one
//! template and one year; [`Series::group`] sorts any reports into series,
//! never mixing bodies or years, and sets aside those that cannot be placed
//! (no period, or a second report of the same period). What each row's
//! value does over time is its [`PeriodClass`] (from the catalogue, the one
//! source), and the checks follow from it:
//!
//! | check | rule id | what | severity |
//! |---|---|---|---|
//! | flows | `period:flow:F/STT` | a [`PeriodClass::Flow`] quantity: half-year ≥ Q1, year ≥ half-year + Q3 (without the half-year, year ≥ Q1 + Q3): a derived Q2 or Q4 below zero | error |
//! | distinct flows | `period:distinct_flow:F/STT` | a [`PeriodClass::DistinctFlow`] quantity (one body counts once a year): half-year ≥ Q1, year ≥ max(half-year, Q3) | error |
//! | derived quarters | `derived:q2:RULE`, `derived:q4:RULE` | every rule of one report whose cells are all flow counts (sums, parts, implications; not the `derivable` notes) on Q2 = half-year − Q1 and Q4 = year − half-year − Q3; each cell named in every report it came from | the rule's |
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
use std::sync::OnceLock;

use serde::Serialize;

use crate::catalogue::{CELL_COUNT, CellId, PeriodClass};
use crate::check::interval::{Reading, Span};
use crate::cross::{CrossFindings, ReportCell};
use crate::error::{MAX_REPORTS, echo};
use crate::report::{Cells, Period, Report, TemplateVersion, Term};
use crate::template::CellSet;
use crate::unit::{Printed, ValueKind};

mod codes;
mod derived;
mod flows;
mod stocks;

/// One body's reports of one year under one template, at most one per term.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    body: &'a str,
    template: TemplateVersion,
    year: u16,
    reports: [Option<&'a Report>; 4],
}

/// A report that could not be placed in a series, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    /// Its position in the input.
    pub index: usize,
    /// Its body, as it names itself (cut after
    /// [`MAX_ECHO_CHARS`](crate::MAX_ECHO_CHARS) characters).
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
    /// Another report of the same body, template and period came first (at
    /// this position of the input).
    SamePeriodAs {
        /// The position of the first one.
        first: usize,
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
    pub fn message_vi(&self) -> String {
        match self.reason {
            UnplacedReason::NoPeriod => format!(
                "báo cáo thứ {} không ghi kỳ báo cáo nên không đặt được vào chuỗi báo cáo của một năm",
                self.index + 1
            ),
            UnplacedReason::SamePeriodAs { first } => format!(
                "báo cáo thứ {} cùng đơn vị, cùng kỳ với báo cáo thứ {}: chỉ dùng báo cáo thứ {}",
                self.index + 1,
                first + 1,
                first + 1
            ),
            UnplacedReason::TooMany { given } => format!(
                "có {given} báo cáo, quá {MAX_REPORTS} báo cáo mà thư viện kiểm tra một lần: không đọc báo cáo thứ {} và các báo cáo sau",
                self.index + 1
            ),
        }
    }

    /// Why, in English.
    #[must_use]
    pub fn message_en(&self) -> String {
        match self.reason {
            UnplacedReason::NoPeriod => format!(
                "report {} gives no period, so it cannot be placed in a year's series",
                self.index + 1
            ),
            UnplacedReason::SamePeriodAs { first } => format!(
                "report {} is of the same body and period as report {}: only report {} is used",
                self.index + 1,
                first + 1,
                first + 1
            ),
            UnplacedReason::TooMany { given } => format!(
                "{given} reports given, more than the {MAX_REPORTS} this library checks at once: report {} and those after it were not read",
                self.index + 1
            ),
        }
    }
}

/// Reports sorted into series.
#[derive(Debug, Clone)]
pub struct Grouping<'a> {
    /// The series, by body (in order of first appearance), then year.
    pub series: Vec<Series<'a>>,
    /// The reports that could not be placed.
    pub unplaced: Vec<Unplaced>,
}

/// What [`check_reports`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeriesCheck {
    /// The findings across reports: each series in turn, then those across
    /// years of one body.
    pub findings: CrossFindings,
    /// The reports that could not be placed in a series.
    pub unplaced: Vec<Unplaced>,
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

impl<'a> Series<'a> {
    /// Sorts reports into series of one body (its name as given), one
    /// template and one year. Reports of other bodies, templates or years
    /// are never mixed; a report without a period, or a second report of
    /// a body's period, is set aside with the reason.
    ///
    /// At most [`MAX_REPORTS`] reports are read: the
    /// first past the limit is set aside ([`UnplacedReason::TooMany`]) and
    /// the rest are not read. Time is linear in the reports (one hash
    /// look-up each, then a sort of the series).
    #[must_use]
    pub fn group(reports: &'a [Report]) -> Grouping<'a> {
        let mut series: Vec<Series<'a>> = Vec::new();
        let mut first_of: Vec<[usize; 4]> = Vec::new();
        let mut unplaced = Vec::new();
        // Where each body's, template's and year's series is, and each
        // body's rank (by first appearance): one look-up per report.
        let mut at_of: HashMap<(&'a str, TemplateVersion, u16), usize> = HashMap::new();
        let mut rank_of: HashMap<&'a str, usize> = HashMap::new();
        for (index, report) in reports.iter().enumerate() {
            if index == MAX_REPORTS {
                unplaced.push(Unplaced {
                    index,
                    body: echo(&report.meta.body),
                    reason: UnplacedReason::TooMany {
                        given: reports.len(),
                    },
                });
                break;
            }
            let Some(period) = report.meta.period else {
                unplaced.push(Unplaced {
                    index,
                    body: echo(&report.meta.body),
                    reason: UnplacedReason::NoPeriod,
                });
                continue;
            };
            let body = report.meta.body.as_str();
            let key = (body, report.meta.template, period.year);
            let at = *at_of.entry(key).or_insert_with(|| {
                series.push(Series {
                    body,
                    template: report.meta.template,
                    year: period.year,
                    reports: [None; 4],
                });
                first_of.push([usize::MAX; 4]);
                series.len() - 1
            });
            let next_rank = rank_of.len();
            rank_of.entry(body).or_insert(next_rank);
            let term = slot(period.term);
            if series[at].reports[term].is_some() {
                unplaced.push(Unplaced {
                    index,
                    body: echo(body),
                    reason: UnplacedReason::SamePeriodAs {
                        first: first_of[at][term],
                    },
                });
            } else {
                series[at].reports[term] = Some(report);
                first_of[at][term] = index;
            }
        }
        // By body in order of first appearance, then by year.
        let rank = |s: &Series<'_>| rank_of.get(s.body).copied().unwrap_or(usize::MAX);
        series.sort_by_key(|s| (rank(s), s.year));
        Grouping { series, unplaced }
    }

    /// The body's name, as its reports give it.
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
    pub fn report(&self, term: Term) -> Option<&'a Report> {
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
#[must_use]
pub fn check_reports(reports: &[Report]) -> SeriesCheck {
    let grouping = Series::group(reports);
    let mut findings = CrossFindings::default();
    // One series' view at a time, and the one before it (about 24 kB
    // each), whatever the number of series.
    let mut earlier: Option<View<'_>> = None;
    for series in &grouping.series {
        let view = View::new(series);
        flows::check(&view, &mut findings);
        derived::check(&view, &mut findings);
        codes::check(&view, &mut findings);
        stocks::check(&view, &mut findings);
        if let Some(earlier) = &earlier {
            if earlier.series.body == view.series.body
                && earlier.series.template == view.series.template
            {
                flows::across_years(earlier, &view, &mut findings);
                stocks::across_years(earlier, &view, &mut findings);
            }
        }
        earlier = Some(view);
    }
    SeriesCheck {
        findings,
        unplaced: grouping.unplaced,
    }
}

/// A series' reports as the checks read them: their cells, read once, with
/// the rows that do not apply to each period blanked.
pub(crate) struct View<'a> {
    pub(crate) series: Series<'a>,
    /// The cells of each term's report (all blank where there is none),
    /// in one allocation.
    cells: Box<[Cells]>,
}

impl<'a> View<'a> {
    fn new(series: &Series<'a>) -> View<'a> {
        let template = series.template.template();
        let mut cells = vec![Cells([None; CELL_COUNT]); 4].into_boxed_slice();
        for (slot, report) in cells.iter_mut().zip(series.reports) {
            let Some(report) = report else {
                continue;
            };
            report.read_cells(slot);
            if let Some(period) = report.meta.period {
                let absent = template.absent_cells(period);
                if !absent.is_empty() {
                    for (index, cell) in slot.0.iter_mut().enumerate() {
                        if CellId::from_index(index).is_some_and(|id| absent.contains(id)) {
                            *cell = None;
                        }
                    }
                }
            }
        }
        View {
            series: *series,
            cells,
        }
    }

    /// The cells of the report of `term`.
    pub(crate) fn cells(&self, term: Term) -> Option<&Cells> {
        let at = slot(term);
        self.series.reports[at].map(|_| &self.cells[at])
    }

    /// The value of `id` in the report of `term`, `None` when there is no
    /// such report or the cell is blank.
    pub(crate) fn value(&self, term: Term, id: CellId) -> Option<Printed> {
        self.cells(term).and_then(|cells| cells[id])
    }

    /// The period of `term` in this series' year.
    pub(crate) fn period(&self, term: Term) -> Period {
        Period::new(self.series.year, term)
    }

    /// The cell `id` of the report of `term`, for a finding.
    pub(crate) fn cell(&self, term: Term, id: CellId) -> ReportCell {
        ReportCell::new(id, Some(self.period(term)), None)
    }

    /// The terms that have a report, in order.
    pub(crate) fn terms(&self) -> impl Iterator<Item = Term> + '_ {
        Term::ALL
            .into_iter()
            .filter(|&term| self.series.reports[slot(term)].is_some())
    }

    /// The rows that do not apply to the report of `term`.
    pub(crate) fn absent(&self, term: Term) -> CellSet {
        self.series
            .template
            .template()
            .absent_cells(self.period(term))
    }
}

/// The indicators of the 581 catalogue of `class` holding quantities
/// (counts and amounts, not rates or codes), listed once.
pub(crate) fn quantities(class: PeriodClass) -> impl Iterator<Item = CellId> {
    static LISTS: OnceLock<Vec<(PeriodClass, CellId)>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            crate::catalogue::CATALOGUE
                .iter()
                .filter(|indicator| {
                    matches!(indicator.kind, ValueKind::Count | ValueKind::MillionVnd)
                })
                .map(|indicator| (indicator.period_class(), indicator.id))
                .collect()
        })
        .iter()
        .filter(move |&&(of, _)| of == class)
        .map(|&(_, id)| id)
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
