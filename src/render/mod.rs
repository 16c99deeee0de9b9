//! Findings back on the form: the seven forms rendered with their wrong
//! cells marked, as a web page ([`html`]) and as an annotated workbook
//! (`workbook`, feature `office`).
//!
//! A clerk fixes a report by looking at the form, not at a list of rule
//! ids. These renderers lay the report out as its forms print it (STT,
//! label, unit, value as printed, note), every row taken from the
//! report's template ([`Template::forms`](crate::template::Template)), and write the
//! findings onto the rows they concern:
//!
//! - a row whose cell a finding checks is *flagged* with the finding's
//!   severity (the most severe when several), its message, its rule and
//!   links to the other cells the finding read (the finding on 3/1.4 names
//!   and links 3/1.4.1–3/1.4.3, and each of those links back);
//! - a blank that can be derived shows its computed value, in a style of
//!   its own;
//! - with a [`Localisation`], the value suggested for a cell stands beside
//!   the reported one, with the reason;
//! - a row that does not apply to the report's period (the district rows
//!   from 1 July 2025) is greyed, with the reason.
//!
//! Everything here is a pure function: a report and its findings in, a
//! `String` (HTML) or bytes (.xlsx) out, no I/O.
//!
//! Three pages are made from the same parts: one report
//! ([`html::render_html`]), several reports of bodies and years side by
//! side with the findings across them ([`html::render_reports_html`]), and
//! an aggregate with its members ([`html::render_aggregate_html`]).
//!
//! # Example
//! ```
//! use cchc_forms::render::{html, Languages, ReportView};
//! use cchc_forms::samples;
//!
//! let report = samples::bac_giang_2023_q3();
//! let findings = report.validate();
//! let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! // 1.486 + 255 + 155 ≠ 1.902: form 3 row 1.4 is flagged as an error.
//! assert!(page.contains(r#"<tr data-form="3" data-stt="1.4" data-severity="error""#));
//! // A row no finding checks is not.
//! assert!(page.contains(r#"<tr data-form="3" data-stt="3.1">"#));
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::aggregate::Aggregate;
use crate::bnv581::Report;
use crate::catalogue::{CellId, FormInfo};
use crate::check::Family;
use crate::cross::{CrossFinding, CrossFindings, ReportCell};
use crate::finding::{Finding, Findings, Severity};
use crate::locate::{Localisation, Reason};
use crate::number::{NumberText, Style};
use crate::period::{Period, Term};
use crate::printed::{TemplateRow, template_rows};
use crate::rows::{ImportWarning, WarningKind};
use crate::series::{SeriesCheck, UnplacedReason};
use crate::template::{CellSet, Template};
use crate::unit::Printed;

pub mod html;
#[cfg(feature = "office")]
#[cfg_attr(docsrs, doc(cfg(feature = "office")))]
pub mod workbook;

/// Which language the messages and headings are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Languages {
    /// Vietnamese only, the default: the language of the forms.
    #[default]
    Vietnamese,
    /// English only.
    English,
    /// Vietnamese, then English.
    Both,
}

impl Languages {
    /// Whether Vietnamese text is shown.
    #[must_use]
    pub const fn vietnamese(self) -> bool {
        matches!(self, Languages::Vietnamese | Languages::Both)
    }

    /// Whether English text is shown.
    #[must_use]
    pub const fn english(self) -> bool {
        matches!(self, Languages::English | Languages::Both)
    }

    /// `vi`, `en`, or both joined by ` / ` (for the workbook's cells).
    #[cfg_attr(not(feature = "office"), allow(dead_code))]
    pub(crate) fn pick(self, vi: &str, en: &str) -> String {
        match self {
            Languages::Vietnamese => vi.to_owned(),
            Languages::English => en.to_owned(),
            Languages::Both => format!("{vi} / {en}"),
        }
    }
}

/// One report and what is known about it: its findings and, optionally,
/// its localisation, what its reader noticed, and the notes its document
/// printed beside its cells.
///
/// # Example
/// ```
/// use cchc_forms::render::ReportView;
/// use cchc_forms::{catalogue::CellId, samples};
/// let report = samples::bac_giang_2023_q3();
/// let findings = report.validate();
/// let located = report.locate();
/// let notes = [(CellId::of(3, "1.4"), "gồm cả TTHC ngành dọc".to_owned())];
/// let view = ReportView::new(&report, &findings)
///     .with_localisation(&located)
///     .with_notes(&notes);
/// assert_eq!(view.notes.len(), 1);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its findings ([`Report::validate`]).
    pub findings: &'a Findings,
    /// Which cells are most likely wrong and their suggested values
    /// ([`Report::locate`]), if asked for.
    pub localisation: Option<&'a Localisation>,
    /// What the reader noticed but accepted (a label unlike the template's).
    pub warnings: &'a [ImportWarning],
    /// The notes printed beside cells in the report's document.
    pub notes: &'a [(CellId, String)],
}

impl<'a> ReportView<'a> {
    /// A report with its findings, nothing else.
    #[must_use]
    pub fn new(report: &'a Report, findings: &'a Findings) -> Self {
        ReportView {
            report,
            findings,
            localisation: None,
            warnings: &[],
            notes: &[],
        }
    }

    /// With the report's localisation: suggested values beside the reported.
    #[must_use]
    pub fn with_localisation(mut self, localisation: &'a Localisation) -> Self {
        self.localisation = Some(localisation);
        self
    }

    /// With what the reader noticed (shown in the summary, and a label the
    /// document printed otherwise shown on its row).
    #[must_use]
    pub fn with_warnings(mut self, warnings: &'a [ImportWarning]) -> Self {
        self.warnings = warnings;
        self
    }

    /// With the notes the document printed beside cells.
    #[must_use]
    pub fn with_notes(mut self, notes: &'a [(CellId, String)]) -> Self {
        self.notes = notes;
        self
    }
}

/// A place of a cell among the columns of a page: which group (a body's
/// year), which column (a report) and which cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) group: usize,
    pub(crate) column: usize,
    pub(crate) cell: CellId,
}

/// A finding as the page shows it: of one report or across reports.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub(crate) severity: Severity,
    pub(crate) rule: String,
    pub(crate) message_vi: String,
    pub(crate) message_en: String,
    /// The cells it flags: the checked cell of a finding of one report,
    /// every cell of a finding across reports.
    pub(crate) flagged: Vec<Place>,
    /// The other cells it read.
    pub(crate) related: Vec<Place>,
    /// The form it is counted under (its first cell's).
    pub(crate) form: u8,
    /// The value reported and the value computed (listed in the workbook).
    #[cfg_attr(not(feature = "office"), allow(dead_code))]
    pub(crate) reported: Option<Decimal>,
    #[cfg_attr(not(feature = "office"), allow(dead_code))]
    pub(crate) computed: Option<Decimal>,
    /// For an aggregate's finding, the members named as making it fail.
    pub(crate) members: Vec<usize>,
}

/// A value suggested for a cell by a localisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Suggestion {
    /// The new value, `None` to blank the cell.
    pub(crate) value: Option<Printed>,
    pub(crate) reason: Reason,
}

/// What a page shows on one cell of one column.
#[derive(Debug, Clone, Default)]
pub(crate) struct CellMarks {
    /// The most severe of the findings that flag it.
    pub(crate) severity: Option<Severity>,
    /// The marks that flag it, by position in [`Model::marks`].
    pub(crate) flagged: Vec<usize>,
    /// The marks that read it without flagging it.
    pub(crate) related: Vec<usize>,
    /// A blank's derivable value.
    pub(crate) derived: Option<Decimal>,
    pub(crate) suggestion: Option<Suggestion>,
}

/// One report as a column of a page.
#[derive(Debug, Clone)]
pub(crate) struct Column<'a> {
    pub(crate) view: ReportView<'a>,
    /// The report's heading: its period (and body where groups hold one
    /// report each).
    pub(crate) heading_vi: String,
    pub(crate) heading_en: String,
    /// The period as a key (`2023-q3`), `none` when not given.
    pub(crate) key: String,
    pub(crate) absent: CellSet,
    /// By cell index of the report's template.
    pub(crate) cells: Vec<CellMarks>,
}

/// Columns shown side by side: one body's year, or one report.
#[derive(Debug, Clone)]
pub(crate) struct Group<'a> {
    pub(crate) title_vi: String,
    pub(crate) title_en: String,
    pub(crate) columns: Vec<Column<'a>>,
}

impl Group<'_> {
    /// The template of the group's reports.
    pub(crate) fn template(&self) -> &'static Template {
        self.columns.first().map_or(
            crate::template::TemplateVersion::Bnv581Of2022.template(),
            |column| column.view.report.meta.template.template(),
        )
    }
}

/// What kind of page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    One,
    Several,
    Aggregate,
}

/// Everything a page or workbook shows, built once for both renderers.
#[derive(Debug, Clone)]
pub(crate) struct Model<'a> {
    pub(crate) kind: Kind,
    pub(crate) groups: Vec<Group<'a>>,
    pub(crate) marks: Vec<Mark>,
    /// An aggregate's members.
    pub(crate) members: &'a [Report],
    /// Reports not placed in a body's year, with why (vi, en).
    pub(crate) unplaced: Vec<(String, String)>,
}

/// A period as headings name it: `Quý III năm 2023`, `Q3 2023`.
pub(crate) fn period_names(period: Option<Period>) -> (String, String) {
    match period {
        None => (
            "Kỳ báo cáo: không ghi".to_owned(),
            "Period: not given".to_owned(),
        ),
        Some(period) => {
            let (vi, en) = match period.term {
                Term::Q1 => ("Quý I", "Q1"),
                Term::HalfYear => ("6 tháng", "Half-year"),
                Term::Q3 => ("Quý III", "Q3"),
                Term::Year => ("Năm", "Year"),
            };
            (
                format!("{vi} năm {}", period.year),
                format!("{en} {}", period.year),
            )
        }
    }
}

/// A period as a key: `2023-q3`, `none` when not given.
pub(crate) fn period_key(period: Option<Period>) -> String {
    period.map_or_else(
        || "none".to_owned(),
        |period| {
            let term = match period.term {
                Term::Q1 => "q1",
                Term::HalfYear => "half_year",
                Term::Q3 => "q3",
                Term::Year => "year",
            };
            format!("{}-{term}", period.year)
        },
    )
}

/// A value with every printed digit, the Vietnamese way (`1.902`, `99,30`).
pub(crate) fn printed_text(value: Printed) -> String {
    NumberText::new(value.mantissa, value.decimals, Style::Vietnamese).to_string()
}

/// A decimal the Vietnamese way, without trailing zeros (`71,43`).
pub(crate) fn decimal_text(value: Decimal) -> String {
    NumberText::trimmed(value, Style::Vietnamese).to_string()
}

/// A cell as messages name it: `3/1.4`.
pub(crate) fn cell_name(cell: CellId) -> String {
    let indicator = cell.indicator();
    format!("{}/{}", indicator.form, indicator.stt)
}

/// A severity in words.
pub(crate) fn severity_words(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("Lỗi", "Error"),
        Severity::Warning => ("Cảnh báo", "Warning"),
        Severity::Info => ("Lưu ý", "Note"),
    }
}

/// A reason for a suggested value, in Vietnamese.
pub(crate) fn reason_vi(reason: Reason) -> &'static str {
    match reason {
        Reason::RoundedWrongWay => "tỷ lệ làm tròn sai chiều",
        Reason::AdjacentDigitsSwapped => "hai chữ số liền nhau bị đảo",
        Reason::OneDigitWrong => "sai một chữ số",
        Reason::DigitDropped => "thiếu một chữ số",
        Reason::DigitDoubled => "thừa một chữ số (gõ lặp)",
        Reason::PowerOfTen => "sai bậc lũy thừa của 10 (dấu phân cách)",
        Reason::Sign => "sai dấu",
        Reason::OnlyValue => "giá trị duy nhất các quy tắc cho phép",
        Reason::NearestValue => "giá trị gần nhất các quy tắc cho phép",
        Reason::NotApplicable => "mục không áp dụng cho kỳ báo cáo: để trống",
        #[allow(unreachable_patterns)]
        _ => "",
    }
}

/// The suggested value of each cell a localisation proposes to change: the
/// first (most likely) set's value for a cell, as
/// [`Localisation::suggestions`] lists them.
pub(crate) fn suggestions(localisation: &Localisation) -> Vec<(CellId, Suggestion)> {
    localisation
        .suggestions()
        .into_iter()
        .map(|repair| {
            (
                repair.cell,
                Suggestion {
                    value: repair.value(),
                    reason: repair.reason,
                },
            )
        })
        .collect()
}

/// The rows of a form in the order they print, headings included.
pub(crate) fn form_rows(form: &FormInfo) -> Vec<TemplateRow> {
    template_rows(form)
}

/// The label a document printed for a cell, where unlike the template's.
pub(crate) fn printed_label(warnings: &[ImportWarning], cell: CellId) -> Option<&str> {
    let indicator = cell.indicator();
    warnings.iter().find_map(|warning| {
        (matches!(warning.kind, WarningKind::LabelDiffers { .. })
            && warning.form == indicator.form
            && warning.stt == indicator.stt)
            .then_some(warning.text.as_str())
    })
}

/// The note a document printed beside a cell.
pub(crate) fn note_of(notes: &[(CellId, String)], cell: CellId) -> Option<&str> {
    notes
        .iter()
        .find(|(id, _)| *id == cell)
        .map(|(_, note)| note.as_str())
}

impl<'a> Model<'a> {
    fn column(view: ReportView<'a>, with_body: bool) -> Column<'a> {
        let meta = &view.report.meta;
        let template = meta.template.template();
        let (mut heading_vi, mut heading_en) = period_names(meta.period);
        if with_body && !meta.body.is_empty() {
            heading_vi = format!("{} — {heading_vi}", meta.body);
            heading_en = format!("{} — {heading_en}", meta.body);
        }
        let mut cells = vec![CellMarks::default(); template.catalogue.indicators.len()];
        if let Some(localisation) = view.localisation {
            for (cell, suggestion) in suggestions(localisation) {
                if let Some(marks) = cells.get_mut(cell.index()) {
                    marks.suggestion = Some(suggestion);
                }
            }
        }
        Column {
            view,
            heading_vi,
            heading_en,
            key: period_key(meta.period),
            absent: template.absent_cells_of(meta.period),
            cells,
        }
    }

    /// Adds a mark, noting it on every cell it flags or reads.
    fn add(&mut self, mark: Mark) {
        let number = self.marks.len();
        for place in &mark.flagged {
            if let Some(cell) = self.cell_mut(*place) {
                cell.severity = cell.severity.max(Some(mark.severity));
                cell.flagged.push(number);
            }
        }
        for place in &mark.related {
            if let Some(cell) = self.cell_mut(*place) {
                if !cell.related.contains(&number) {
                    cell.related.push(number);
                }
            }
        }
        self.marks.push(mark);
    }

    fn cell_mut(&mut self, place: Place) -> Option<&mut CellMarks> {
        self.groups
            .get_mut(place.group)?
            .columns
            .get_mut(place.column)?
            .cells
            .get_mut(place.cell.index())
    }

    /// The marks of one report's findings, in the column at `group`/`column`.
    fn add_findings(&mut self, group: usize, column: usize, findings: &Findings) {
        for finding in findings {
            self.add_finding(group, column, finding);
        }
    }

    fn add_finding(&mut self, group: usize, column: usize, finding: &Finding) {
        let place = |cell| Place {
            group,
            column,
            cell,
        };
        let Some(&first) = finding.cells.first() else {
            return;
        };
        if finding.family == Family::Derivable && finding.reported.is_none() {
            if let Some(cell) = self.cell_mut(place(first)) {
                cell.derived = finding.computed;
            }
        }
        self.add(Mark {
            severity: finding.severity,
            rule: finding.rule.as_str().to_owned(),
            message_vi: finding.message_vi().to_string(),
            message_en: finding.message_en().to_string(),
            flagged: vec![place(first)],
            related: finding.cells.iter().skip(1).map(|&c| place(c)).collect(),
            form: first.indicator().form,
            reported: finding.reported,
            computed: finding.computed,
            members: Vec::new(),
        });
    }

    /// One report.
    pub(crate) fn one(view: ReportView<'a>) -> Model<'a> {
        let meta = &view.report.meta;
        let (period_vi, period_en) = period_names(meta.period);
        let mut model = Model {
            kind: Kind::One,
            groups: vec![Group {
                title_vi: format!("{} — {period_vi}", body_or_blank(&meta.body, true)),
                title_en: format!("{} — {period_en}", body_or_blank(&meta.body, false)),
                columns: vec![Model::column(view, false)],
            }],
            marks: Vec::new(),
            members: &[],
            unplaced: Vec::new(),
        };
        model.add_findings(0, 0, view.findings);
        model
    }

    /// Several reports: grouped into bodies' years (as
    /// [`Series::group`](crate::series::Series::group) groups them), the
    /// reports that fit no year each in a group of its own; the findings of
    /// each report, then those across reports.
    pub(crate) fn several(views: &[ReportView<'a>], across: &SeriesCheck) -> Model<'a> {
        // Groups in order of first appearance: (body, template, year).
        let mut keys: Vec<Option<(&str, crate::template::TemplateVersion, u16)>> = Vec::new();
        let mut members_of: Vec<Vec<usize>> = Vec::new();
        let mut in_series = vec![true; views.len()];
        for unplaced in &across.unplaced {
            if let Some(slot) = in_series.get_mut(unplaced.index) {
                if !matches!(unplaced.reason, UnplacedReason::TooMany { .. }) {
                    *slot = false;
                }
            }
        }
        for (index, view) in views.iter().enumerate() {
            let meta = &view.report.meta;
            let key = if in_series[index] {
                meta.period
                    .map(|period| (meta.body.as_str(), meta.template, period.year))
            } else {
                None
            };
            if let Some(at) = key.and_then(|key| keys.iter().position(|k| *k == Some(key))) {
                members_of[at].push(index);
            } else {
                keys.push(key);
                members_of.push(vec![index]);
            }
        }
        let mut groups = Vec::with_capacity(keys.len());
        let mut places = vec![(0, 0); views.len()];
        for (group, (key, members)) in keys.iter().zip(&mut members_of).enumerate() {
            members.sort_by_key(|&index| views[index].report.meta.period);
            let (title_vi, title_en) = if let Some((body, _, year)) = key {
                (
                    format!("{} — năm {year}", body_or_blank(body, true)),
                    format!("{} — {year}", body_or_blank(body, false)),
                )
            } else {
                let meta = &views[members[0]].report.meta;
                let (vi, en) = period_names(meta.period);
                (
                    format!("{} — {vi}", body_or_blank(&meta.body, true)),
                    format!("{} — {en}", body_or_blank(&meta.body, false)),
                )
            };
            let columns = members
                .iter()
                .enumerate()
                .map(|(column, &index)| {
                    places[index] = (group, column);
                    Model::column(views[index], false)
                })
                .collect();
            groups.push(Group {
                title_vi,
                title_en,
                columns,
            });
        }
        let mut model = Model {
            kind: Kind::Several,
            groups,
            marks: Vec::new(),
            members: &[],
            unplaced: across
                .unplaced
                .iter()
                .map(|u| (u.message_vi().to_string(), u.message_en().to_string()))
                .collect(),
        };
        for (view, &(group, column)) in views.iter().zip(&places) {
            model.add_findings(group, column, view.findings);
        }
        for finding in &across.findings {
            let flagged = model.places_of(finding);
            model.add(Mark {
                severity: finding.severity,
                rule: finding.rule.clone(),
                message_vi: finding.message_vi().to_string(),
                message_en: finding.message_en().to_string(),
                flagged,
                related: Vec::new(),
                form: finding.cells.first().map_or(0, |cell| cell.form),
                reported: finding.reported,
                computed: finding.computed,
                members: Vec::new(),
            });
        }
        model
    }

    /// Where the cells of a finding across reports stand: each in the
    /// column of its report's period, of the one body all its cells
    /// without a body can be found in (a finding across reports is of one
    /// body unless its cells name theirs).
    fn places_of(&self, finding: &CrossFinding) -> Vec<Place> {
        let find = |cell: &ReportCell, body: Option<&str>| -> Option<Place> {
            self.groups.iter().enumerate().find_map(|(g, group)| {
                group.columns.iter().enumerate().find_map(|(c, column)| {
                    let meta = &column.view.report.meta;
                    let id = meta.template.template().cell(cell.form, &cell.stt)?;
                    (meta.period == cell.period
                        && cell.body.as_deref().or(body).is_none_or(|b| b == meta.body))
                    .then_some(Place {
                        group: g,
                        column: c,
                        cell: id,
                    })
                })
            })
        };
        // The bodies of the reports, in order: the first whose reports hold
        // every cell.
        let mut bodies: Vec<&str> = Vec::new();
        for group in &self.groups {
            for column in &group.columns {
                let body = column.view.report.meta.body.as_str();
                if !bodies.contains(&body) {
                    bodies.push(body);
                }
            }
        }
        let body = bodies.into_iter().find(|body| {
            finding
                .cells
                .iter()
                .all(|cell| find(cell, Some(body)).is_some())
        });
        finding
            .cells
            .iter()
            .filter_map(|cell| find(cell, body))
            .collect()
    }

    /// An aggregate: its total as the one column, its findings naming the
    /// members that make them fail.
    pub(crate) fn aggregate(aggregate: &'a Aggregate<'a>, findings: &CrossFindings) -> Model<'a> {
        // The total's findings are the aggregate's, given as `findings`.
        static NONE: Findings = Findings(Vec::new());
        let view = ReportView::new(&aggregate.report, &NONE);
        let meta = &aggregate.report.meta;
        let (period_vi, period_en) = period_names(meta.period);
        let mut model = Model {
            kind: Kind::Aggregate,
            groups: vec![Group {
                title_vi: format!("{} — {period_vi}", body_or_blank(&meta.body, true)),
                title_en: format!("{} — {period_en}", body_or_blank(&meta.body, false)),
                columns: vec![Model::column(view, false)],
            }],
            marks: Vec::new(),
            members: aggregate.members(),
            unplaced: Vec::new(),
        };
        let template = meta.template.template();
        for finding in findings {
            let total: Vec<Place> = finding
                .cells
                .iter()
                .filter(|cell| cell.member.is_none())
                .filter_map(|cell| template.cell(cell.form, &cell.stt))
                .map(|cell| Place {
                    group: 0,
                    column: 0,
                    cell,
                })
                .collect();
            let mut members: Vec<usize> = Vec::new();
            for cell in &finding.cells {
                if let Some(member) = cell.member {
                    if !members.contains(&member) {
                        members.push(member);
                    }
                }
            }
            if let Some(first) = total.first() {
                if finding.rule.contains("derivable:") && finding.reported.is_none() {
                    let computed = finding.computed;
                    if let Some(cell) = model.cell_mut(*first) {
                        cell.derived = computed;
                    }
                }
            }
            let (flagged, related) = match total.split_first() {
                Some((first, rest)) => (vec![*first], rest.to_vec()),
                None => (Vec::new(), Vec::new()),
            };
            model.add(Mark {
                severity: finding.severity,
                rule: finding.rule.clone(),
                message_vi: finding.message_vi().to_string(),
                message_en: finding.message_en().to_string(),
                flagged,
                related,
                form: finding.cells.first().map_or(0, |cell| cell.form),
                reported: finding.reported,
                computed: finding.computed,
                members,
            });
        }
        model
    }

    /// How many marks of each severity (error, warning, info).
    pub(crate) fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for mark in &self.marks {
            counts[severity_slot(mark.severity)] += 1;
        }
        counts
    }

    /// How many marks of each severity per form, forms in order.
    pub(crate) fn counts_by_form(&self) -> BTreeMap<u8, [usize; 3]> {
        let mut counts = BTreeMap::new();
        for mark in &self.marks {
            let slot: &mut [usize; 3] = counts.entry(mark.form).or_default();
            slot[severity_slot(mark.severity)] += 1;
        }
        counts
    }

    /// The rules that failed, with their severity, their count and the
    /// first of their marks: errors first, then warnings, then notes.
    pub(crate) fn failed_rules(&self) -> Vec<(&str, Severity, usize, usize)> {
        let mut rules: Vec<(&str, Severity, usize, usize)> = Vec::new();
        for (number, mark) in self.marks.iter().enumerate() {
            match rules.iter_mut().find(|(rule, ..)| *rule == mark.rule) {
                Some(entry) => {
                    entry.1 = entry.1.max(mark.severity);
                    entry.2 += 1;
                }
                None => rules.push((&mark.rule, mark.severity, 1, number)),
            }
        }
        // The most severe first, each severity in the order found.
        rules.sort_by_key(|&(_, severity, ..)| std::cmp::Reverse(severity));
        rules
    }

    /// The column of a place.
    pub(crate) fn column_at(&self, place: Place) -> Option<&Column<'a>> {
        self.groups.get(place.group)?.columns.get(place.column)
    }
}

/// Errors first: the position of a severity in the counts.
pub(crate) const fn severity_slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The severities in the order of the counts.
pub(crate) const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// A body's name, or that it is not given.
pub(crate) fn body_or_blank(body: &str, vietnamese: bool) -> &str {
    match (body.is_empty(), vietnamese) {
        (false, _) => body,
        (true, true) => "Đơn vị báo cáo: không ghi",
        (true, false) => "Body: not given",
    }
}
