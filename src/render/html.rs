//! The forms as a web page: one self-contained HTML5 document.
//!
//! The page has inline CSS and nothing else: no script, no font, no image,
//! no link to anything outside it, so it reads the same offline, in any
//! browser, and printed on A4. Every piece of text that comes from a
//! report (its body, the labels and notes its document printed, what its
//! reader noticed) is escaped.
//!
//! # What the page holds
//! 1. A summary: the body, period, level and template; the findings
//!    counted by severity and by form; the rules that failed, each linked
//!    to its first finding; what the reader noticed.
//! 2. The seven forms as they print: STT, label, unit, the value as
//!    printed, a note. Every indicator row is
//!    `<tr data-form="3" data-stt="1.4">` (the STT without its trailing
//!    dot), and a row that a finding flags carries
//!    `data-severity="error"`, `"warning"` or `"info"` (the most severe of
//!    its findings) and the finding's message in its note, with links to
//!    the other cells the finding read; those cells link back. Severity is
//!    written in words with an icon as well as coloured (every colour pair
//!    at least WCAG AA, 4.5:1, asserted by the tests).
//!
//! Value cells carry `id="c-G-C-FORM-STT"` (group, column, form, STT) and
//! `data-period`; findings carry `id="f-N"`.
//!
//! # Example
//! ```
//! use cchc_forms::render::{html, Languages, ReportView};
//! use cchc_forms::samples;
//!
//! let report = samples::bac_giang_2023_q3();
//! let findings = report.validate();
//! let located = report.locate();
//! let view = ReportView::new(&report, &findings).with_localisation(&located);
//! let page = html::render_html(&view, Languages::Both);
//! // The sum's finding links the parts it added up.
//! assert!(page.contains(r##"<a href="#c-0-0-3-1.4.1">3/1.4.1</a>"##));
//! // 1.486 + 255 + 155 = 1.896: the total suggested for 1.902.
//! assert!(page.contains("1.896"));
//! ```

use std::fmt::Write as _;

use crate::aggregate::Aggregate;
use crate::cross::CrossFindings;
use crate::finding::Severity;
use crate::period::Level;
use crate::series::SeriesCheck;

use super::{
    Column, Kind, Languages, Model, ReportView, SEVERITIES, body_or_blank, cell_name, decimal_text,
    form_rows, note_of, period_names, printed_label, printed_text, reason_vi, severity_slot,
    severity_words,
};

/// The page of one report with its findings (and its localisation, when
/// the view has one), messages in `languages`.
///
/// # Example
/// ```
/// use cchc_forms::render::{html, Languages, ReportView};
/// use cchc_forms::samples;
/// let report = samples::bac_giang_2023_q3();
/// let findings = report.validate();
/// let page = html::render_html(&ReportView::new(&report, &findings), Languages::English);
/// assert!(page.contains("Form 3: row 1.4 = 1902 but row 1.4.1 + row 1.4.2 + row 1.4.3"));
/// assert!(!page.contains("<script"));
/// ```
#[must_use]
pub fn render_html(view: &ReportView<'_>, languages: Languages) -> String {
    render(&Model::one(*view), languages)
}

/// The page of several reports: each body's year with its reports side by
/// side on every row (Q1, half-year, Q3, year), the findings of each
/// report in its column and the findings across reports (`across`, from
/// [`check_reports`](crate::series::check_reports) over the same reports
/// in the same order) marked on every cell involved, with its period. A
/// report that fits no year (no period, or a second report of a period)
/// stands in a group of its own.
///
/// # Example
/// ```
/// use cchc_forms::render::{html, Languages, ReportView};
/// use cchc_forms::series::check_reports;
/// use cchc_forms::{samples, unit::Count, Period, Term};
///
/// // The half-year resolving fewer dossiers than Q1: a flow cannot shrink.
/// let mut q1 = samples::bac_giang_2023_q3();
/// q1.meta.period = Some(Period::new(2023, Term::Q1));
/// let mut half = q1.clone();
/// half.meta.period = Some(Period::new(2023, Term::HalfYear));
/// half.form3.resolved_departments = q1.form3.resolved_departments.map(|c| Count::new(c.get() - 1));
/// let reports = [q1, half];
/// let findings: Vec<_> = reports.iter().map(|r| r.validate()).collect();
/// let views: Vec<_> = reports.iter().zip(&findings).map(|(r, f)| ReportView::new(r, f)).collect();
/// let page = html::render_reports_html(&views, &check_reports(&reports), Languages::Vietnamese);
/// // Both cells of the finding across the two reports are marked.
/// assert!(page.contains(r#"id="c-0-0-3-3.1.1" data-period="2023-q1" data-cell-severity="error""#));
/// assert!(page.contains(r#"id="c-0-1-3-3.1.1" data-period="2023-half_year" data-cell-severity="error""#));
/// ```
#[must_use]
pub fn render_reports_html(
    views: &[ReportView<'_>],
    across: &SeriesCheck,
    languages: Languages,
) -> String {
    render(&Model::several(views, across), languages)
}

/// The page of an aggregate: its members listed, the total's forms, and
/// its findings (`findings`, from [`Aggregate::validate`]) each naming the
/// members whose own cells make the total fail.
///
/// # Example
/// ```
/// use cchc_forms::aggregate::aggregate;
/// use cchc_forms::render::{html, Languages};
/// use cchc_forms::samples;
///
/// let mut other = samples::bac_giang_2023_q3();
/// other.meta.body = "UBND tỉnh Lạng Sơn".to_owned(); // each body once
/// let members = [samples::bac_giang_2023_q3(), other];
/// let total = aggregate("Tổng hợp", &members)?;
/// let page = html::render_aggregate_html(&total, &total.validate(), Languages::Vietnamese);
/// assert!(page.contains(r#"<tr data-form="3" data-stt="1.4" data-severity="error""#));
/// assert!(page.contains("aggregate:sum:3/1.4"));
/// # Ok::<(), cchc_forms::Error>(())
/// ```
#[must_use]
pub fn render_aggregate_html(
    aggregate: &Aggregate<'_>,
    findings: &CrossFindings,
    languages: Languages,
) -> String {
    render(&Model::aggregate(aggregate, findings), languages)
}

/// A colour pair of the page: text on background.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    /// What the pair colours, for the contrast test's messages.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) what: &'static str,
    pub(crate) text: &'static str,
    pub(crate) background: &'static str,
}

/// The colours of one severity: the row's tint, and the badge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tint {
    pub(crate) row: Pair,
    pub(crate) badge: Pair,
}

pub(crate) const PAGE: Pair = Pair {
    what: "page",
    text: "#111827",
    background: "#ffffff",
};
pub(crate) const LINK: &str = "#1d4ed8";
/// The grey of table borders and separators (not a text colour).
pub(crate) const BORDER: &str = "#6b7280";
pub(crate) const DERIVED: &str = "#065f46";
pub(crate) const SUGGESTED: &str = "#6b21a8";
pub(crate) const ABSENT: Pair = Pair {
    what: "absent row",
    text: "#4b5563",
    background: "#eceff3",
};
pub(crate) const HEADING: Pair = Pair {
    what: "heading row",
    text: "#111827",
    background: "#e5e7eb",
};
pub(crate) const ERROR: Tint = Tint {
    row: Pair {
        what: "error row",
        text: "#7f1d1d",
        background: "#fde2e2",
    },
    badge: Pair {
        what: "error badge",
        text: "#ffffff",
        background: "#b91c1c",
    },
};
pub(crate) const WARNING: Tint = Tint {
    row: Pair {
        what: "warning row",
        text: "#713f12",
        background: "#fef3c7",
    },
    badge: Pair {
        what: "warning badge",
        text: "#ffffff",
        background: "#92400e",
    },
};
pub(crate) const INFO: Tint = Tint {
    row: Pair {
        what: "info row",
        text: "#1e3a8a",
        background: "#dbeafe",
    },
    badge: Pair {
        what: "info badge",
        text: "#ffffff",
        background: "#1d4ed8",
    },
};

/// The colours of a severity.
pub(crate) const fn tint(severity: Severity) -> Tint {
    match severity {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Info => INFO,
    }
}

/// An icon for a severity, shown with its word.
const fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// The page's style sheet, from the colours above.
fn style(out: &mut String) {
    let _ = write!(
        out,
        "@page{{size:A4;margin:12mm 10mm}}\
*{{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
body{{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:10.5pt;line-height:1.35;color:{page_text};background:{page_bg};margin:0 auto;max-width:1100px;padding:12px}}\
h1{{font-size:16pt;margin:0 0 6px}}h2{{font-size:13pt;margin:18px 0 6px;border-bottom:2px solid {page_text}}}h3{{font-size:11.5pt;margin:14px 0 4px}}\
a{{color:{link}}}code{{font-family:\"DejaVu Sans Mono\",monospace;font-size:9pt}}\
dl.meta{{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}}dl.meta dt{{font-weight:bold}}dl.meta dd{{margin:0}}\
table{{border-collapse:collapse;width:100%;margin:4px 0 10px}}th,td{{border:1px solid {border};padding:3px 5px;vertical-align:top;text-align:left}}\
thead th{{background:{head_bg};color:{head_text}}}thead{{display:table-header-group}}\
table.form td.stt{{white-space:nowrap;width:3.6em}}table.form td.unit{{width:7em}}table.form td.value{{text-align:right;white-space:nowrap;width:7.5em}}table.form td.note{{width:34%}}\
table.counts{{width:auto}}table.counts td{{text-align:right}}\
tr.heading td{{background:{head_bg};color:{head_text};font-weight:bold}}\
tr.absent td{{background:{absent_bg};color:{absent_text}}}tr.absent td.value{{text-decoration:line-through}}\
.derived{{color:{derived};font-style:italic}}.suggested{{color:{suggested};font-weight:bold}}\
.was{{text-decoration:line-through}}\
.badge{{display:inline-block;padding:0 4px;border-radius:3px;font-weight:bold;font-size:8.5pt;white-space:nowrap}}\
.finding{{margin:2px 0}}.finding+.finding,.related+.finding{{border-top:1px dotted {border};padding-top:2px}}.links,.related,.reason,.printed{{font-size:9pt}}\
.en{{font-style:italic}}\
ul.rules{{margin:4px 0;padding-left:18px}}ul.rules li{{margin:3px 0}}ul.rules .message{{font-size:9.5pt}}\
@media print{{body{{max-width:none;padding:0;font-size:9pt}}section.form{{break-inside:auto}}tr{{break-inside:avoid}}h2,h3{{break-after:avoid}}a{{text-decoration:none}}}}",
        page_text = PAGE.text,
        page_bg = PAGE.background,
        link = LINK,
        head_bg = HEADING.background,
        head_text = HEADING.text,
        absent_bg = ABSENT.background,
        absent_text = ABSENT.text,
        derived = DERIVED,
        suggested = SUGGESTED,
        border = BORDER,
    );
    for severity in SEVERITIES {
        let tint = tint(severity);
        let _ = write!(
            out,
            "tr[data-severity=\"{severity}\"] td,td.sev-{severity}{{background:{row_bg};color:{row_text}}}\
.badge.sev-{severity}{{background:{badge_bg};color:{badge_text}}}",
            row_bg = tint.row.background,
            row_text = tint.row.text,
            badge_bg = tint.badge.background,
            badge_text = tint.badge.text,
        );
    }
    // A flagged cell within a row keeps its own tint; a row's other
    // columns take the row's.
    out.push_str(
        "tr[data-severity] td.value:not([data-cell-severity]){background:#ffffff;color:#111827}",
    );
}

/// Writes `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and
/// in a quoted attribute.
pub(crate) fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// Writes a piece of UI text in the page's languages.
fn words(out: &mut String, languages: Languages, vi: &str, en: &str) {
    match languages {
        Languages::Vietnamese => escape(out, vi),
        Languages::English => escape(out, en),
        Languages::Both => {
            escape(out, vi);
            out.push_str(" / ");
            escape(out, en);
        }
    }
}

/// Writes a message in the page's languages (English in italics when both).
fn message(out: &mut String, languages: Languages, vi: &str, en: &str) {
    if languages.vietnamese() {
        out.push_str("<span lang=\"vi\">");
        escape(out, vi);
        out.push_str("</span>");
    }
    if languages == Languages::Both {
        out.push_str("<br>");
    }
    if languages.english() {
        out.push_str("<span lang=\"en\" class=\"en\">");
        escape(out, en);
        out.push_str("</span>");
    }
}

fn badge(out: &mut String, languages: Languages, severity: Severity) {
    let (vi, en) = severity_words(severity);
    let _ = write!(
        out,
        "<span class=\"badge sev-{severity}\">{} ",
        icon(severity)
    );
    words(out, languages, vi, en);
    out.push_str("</span>");
}

/// The id of a value cell.
fn cell_id(out: &mut String, group: usize, column: usize, form: u8, stt: &str) {
    let _ = write!(out, "c-{group}-{column}-{form}-{stt}");
}

fn level_names(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Ministry => ("Bộ, ngành", "Ministry"),
        Level::Province => ("Tỉnh", "Province"),
        Level::District => ("Huyện", "District"),
        Level::Commune => ("Xã", "Commune"),
    }
}

fn render(model: &Model<'_>, languages: Languages) -> String {
    let mut out = String::with_capacity(96 * 1024);
    let lang = if languages == Languages::English {
        "en"
    } else {
        "vi"
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
    );
    if let Some(group) = model.groups.first() {
        words(
            &mut out,
            languages,
            "Kiểm tra báo cáo CCHC",
            "CCHC report check",
        );
        out.push_str(": ");
        words(&mut out, languages, &group.title_vi, &group.title_en);
    }
    out.push_str("</title>\n<style>");
    style(&mut out);
    out.push_str("</style>\n</head>\n<body>\n");
    summary(&mut out, model, languages);
    out.push_str("<main>\n");
    for (number, group) in model.groups.iter().enumerate() {
        forms(&mut out, model, number, group, languages);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn summary(out: &mut String, model: &Model<'_>, languages: Languages) {
    out.push_str("<header id=\"summary\">\n<h1>");
    let (vi, en) = match model.kind {
        Kind::One => (
            "Kết quả kiểm tra báo cáo CCHC",
            "CCHC report: check results",
        ),
        Kind::Several => (
            "Kết quả kiểm tra các báo cáo CCHC",
            "CCHC reports: check results",
        ),
        Kind::Aggregate => (
            "Kết quả kiểm tra báo cáo tổng hợp CCHC",
            "Aggregated CCHC report: check results",
        ),
    };
    words(out, languages, vi, en);
    out.push_str("</h1>\n");
    meta(out, model, languages);
    summary_counts(out, model, languages);
}

/// The summary's list of the body, period, level and template (of each
/// report when there are several).
fn meta(out: &mut String, model: &Model<'_>, languages: Languages) {
    out.push_str("<dl class=\"meta\">\n");
    let mut seen_templates = Vec::new();
    for group in &model.groups {
        for column in &group.columns {
            let meta = &column.view.report.meta;
            if model.kind == Kind::Several {
                out.push_str("<dt>");
                words(out, languages, "Báo cáo", "Report");
                out.push_str("</dt><dd>");
                words(
                    out,
                    languages,
                    &format!(
                        "{} — {}",
                        body_or_blank(&meta.body, true),
                        column.heading_vi
                    ),
                    &format!(
                        "{} — {}",
                        body_or_blank(&meta.body, false),
                        column.heading_en
                    ),
                );
                out.push_str("</dd>\n");
            } else {
                out.push_str("<dt>");
                words(out, languages, "Đơn vị báo cáo", "Body");
                out.push_str("</dt><dd>");
                words(
                    out,
                    languages,
                    body_or_blank(&meta.body, true),
                    body_or_blank(&meta.body, false),
                );
                out.push_str("</dd>\n<dt>");
                words(out, languages, "Kỳ báo cáo", "Period");
                out.push_str("</dt><dd>");
                let (vi, en) = period_names(meta.period);
                words(out, languages, &vi, &en);
                out.push_str("</dd>\n");
                if let Some(level) = meta.level {
                    out.push_str("<dt>");
                    words(out, languages, "Cấp", "Level");
                    out.push_str("</dt><dd>");
                    let (vi, en) = level_names(level);
                    words(out, languages, vi, en);
                    out.push_str("</dd>\n");
                }
            }
            if !seen_templates.contains(&meta.template) {
                seen_templates.push(meta.template);
            }
        }
    }
    // The templates after the reports.
    for template in seen_templates {
        let basis = template.template().legal_basis;
        out.push_str("<dt>");
        words(out, languages, "Mẫu biểu", "Template");
        out.push_str("</dt><dd>");
        escape(out, basis.document);
        let _ = writeln!(
            out,
            " ({:02}/{:02}/{}, {})</dd>",
            basis.date.day, basis.date.month, basis.date.year, basis.issuer
        );
    }
    if model.kind == Kind::Aggregate {
        out.push_str("<dt>");
        words(out, languages, "Báo cáo thành phần", "Members");
        let _ = writeln!(out, "</dt><dd>{}</dd>", model.members.len());
    }
    out.push_str("</dl>\n");
}

/// The summary's counts, failed rules, members, unplaced reports, what the
/// reader noticed and the legend.
fn summary_counts(out: &mut String, model: &Model<'_>, languages: Languages) {
    // Counts by severity.
    let counts = model.counts();
    out.push_str("<p class=\"counts\">");
    let total: usize = counts.iter().sum();
    words(
        out,
        languages,
        &format!("{total} phát hiện:"),
        &format!("{total} finding(s):"),
    );
    for severity in SEVERITIES {
        out.push(' ');
        badge(out, languages, severity);
        let _ = write!(out, " {}", counts[severity_slot(severity)]);
    }
    out.push_str("</p>\n");
    if total == 0 {
        out.push_str("<p>");
        words(
            out,
            languages,
            "Không có phát hiện nào: mọi quy tắc đánh giá được đều thỏa mãn.",
            "No findings: every rule that could be evaluated holds.",
        );
        out.push_str("</p>\n");
    } else {
        by_form(out, model, languages);
        failed_rules(out, model, languages);
        suggestions(out, model, languages);
    }
    if model.kind == Kind::Aggregate {
        members(out, model, languages);
    }
    if !model.unplaced.is_empty() {
        out.push_str("<h2>");
        words(
            out,
            languages,
            "Báo cáo không xếp được vào năm",
            "Reports not placed in a year",
        );
        out.push_str("</h2>\n<ul>");
        for (vi, en) in &model.unplaced {
            out.push_str("<li>");
            message(out, languages, vi, en);
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    read_warnings(out, model, languages);
    legend(out, languages);
    out.push_str("</header>\n");
}

fn by_form(out: &mut String, model: &Model<'_>, languages: Languages) {
    out.push_str("<table class=\"counts\"><thead><tr><th>");
    words(out, languages, "Biểu mẫu", "Form");
    out.push_str("</th>");
    for severity in SEVERITIES {
        out.push_str("<th>");
        badge(out, languages, severity);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    let template = model.groups.first().map(super::Group::template);
    for (form, counts) in model.counts_by_form() {
        let _ = write!(out, "<tr><th><a href=\"#form-0-{form}\">");
        let title = template.and_then(|t| t.form(form));
        words(
            out,
            languages,
            &format!("Biểu mẫu {form}"),
            &format!("Form {form}"),
        );
        out.push_str("</a>");
        if let Some(info) = title {
            out.push_str(" — ");
            words(out, languages, info.title_vi, info.title_en);
        }
        out.push_str("</th>");
        for count in counts {
            let _ = write!(out, "<td>{count}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn failed_rules(out: &mut String, model: &Model<'_>, languages: Languages) {
    out.push_str("<h2>");
    words(
        out,
        languages,
        "Quy tắc không thỏa mãn",
        "Rules that failed",
    );
    out.push_str("</h2>\n<ul class=\"rules\">\n");
    for (rule, severity, count, first) in model.failed_rules() {
        out.push_str("<li>");
        badge(out, languages, severity);
        out.push_str(" <code>");
        escape(out, rule);
        out.push_str("</code>");
        if count > 1 {
            let _ = write!(out, " ×{count}");
        }
        if let Some(mark) = model.marks.get(first) {
            if let Some(place) = mark.flagged.first().or(mark.related.first()) {
                let indicator = place.cell.indicator();
                let _ = write!(out, " — <a href=\"#f-{first}\">");
                words(
                    out,
                    languages,
                    &format!("Biểu {}, mục {}", indicator.form, indicator.stt),
                    &format!("Form {}, row {}", indicator.form, indicator.stt),
                );
                out.push_str("</a>");
                if model.kind == Kind::Several {
                    if let Some(column) = model.column_at(*place) {
                        out.push_str(" (");
                        words(out, languages, &column.heading_vi, &column.heading_en);
                        out.push(')');
                    }
                }
                out.push_str(": ");
                escape(out, indicator.label_vi);
            }
            out.push_str("<div class=\"message\">");
            message(out, languages, &mark.message_vi, &mark.message_en);
            out.push_str("</div>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// With localisation: the cells most likely wrong, each with its suggested
/// value, linked to its row.
fn suggestions(out: &mut String, model: &Model<'_>, languages: Languages) {
    let mut any = false;
    for (g, group) in model.groups.iter().enumerate() {
        for (c, column) in group.columns.iter().enumerate() {
            let template = column.view.report.meta.template.template();
            for indicator in template.catalogue.indicators {
                let Some(suggestion) = column
                    .cells
                    .get(indicator.id.index())
                    .and_then(|m| m.suggestion)
                else {
                    continue;
                };
                if !any {
                    any = true;
                    out.push_str("<h2>");
                    words(
                        out,
                        languages,
                        "Ô có thể sai và giá trị đề xuất",
                        "Cells likely wrong, with suggested values",
                    );
                    out.push_str("</h2>\n<ul class=\"rules\">\n");
                }
                out.push_str("<li><a href=\"#");
                cell_id(out, g, c, indicator.form, indicator.stt);
                out.push_str("\">");
                words(
                    out,
                    languages,
                    &format!("Biểu {}, mục {}", indicator.form, indicator.stt),
                    &format!("Form {}, row {}", indicator.form, indicator.stt),
                );
                out.push_str("</a>");
                if model.kind == Kind::Several {
                    out.push_str(" (");
                    words(out, languages, &column.heading_vi, &column.heading_en);
                    out.push(')');
                }
                out.push_str(": ");
                escape(out, indicator.label_vi);
                out.push_str(" — <span class=\"was\">");
                escape(
                    out,
                    &column
                        .view
                        .report
                        .cell_text(indicator.id)
                        .unwrap_or_default(),
                );
                out.push_str("</span> <span class=\"suggested\">→ ");
                match suggestion.value {
                    Some(value) => out.push_str(&printed_text(value)),
                    None => words(out, languages, "để trống", "blank"),
                }
                out.push_str("</span> <span class=\"reason\">(");
                words(
                    out,
                    languages,
                    reason_vi(suggestion.reason),
                    suggestion.reason.as_str(),
                );
                out.push_str(")</span></li>\n");
            }
        }
    }
    if any {
        out.push_str("</ul>\n");
    }
}

fn members(out: &mut String, model: &Model<'_>, languages: Languages) {
    out.push_str("<h2>");
    words(out, languages, "Báo cáo thành phần", "Members");
    out.push_str("</h2>\n<ol class=\"members\">\n");
    for (index, member) in model.members.iter().enumerate() {
        let _ = write!(out, "<li id=\"member-{index}\">");
        let meta = &member.meta;
        words(
            out,
            languages,
            body_or_blank(&meta.body, true),
            body_or_blank(&meta.body, false),
        );
        let failing: Vec<usize> = model
            .marks
            .iter()
            .enumerate()
            .filter(|(_, mark)| mark.members.contains(&index))
            .map(|(number, _)| number)
            .collect();
        if !failing.is_empty() {
            out.push_str(" — ");
            words(
                out,
                languages,
                "làm tổng không thỏa mãn:",
                "makes the total fail:",
            );
            for number in failing {
                let _ = write!(out, " <a href=\"#f-{number}\"><code>");
                escape(out, &model.marks[number].rule);
                out.push_str("</code></a>");
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn read_warnings(out: &mut String, model: &Model<'_>, languages: Languages) {
    let any = model
        .groups
        .iter()
        .flat_map(|g| &g.columns)
        .any(|c| !c.view.warnings.is_empty());
    if !any {
        return;
    }
    out.push_str("<h2>");
    words(
        out,
        languages,
        "Cảnh báo khi đọc báo cáo",
        "Noticed while reading",
    );
    out.push_str("</h2>\n<ul class=\"warnings\">\n");
    for column in model.groups.iter().flat_map(|g| &g.columns) {
        for warning in column.view.warnings {
            out.push_str("<li>");
            if model.kind == Kind::Several {
                words(out, languages, &column.heading_vi, &column.heading_en);
                out.push_str(": ");
            }
            if warning.form != 0 {
                let _ = write!(out, "{}/", warning.form);
                escape(out, &warning.stt);
                out.push_str(": ");
            }
            message(out, languages, &warning.message_vi(), &warning.message_en());
            out.push_str("</li>\n");
        }
    }
    out.push_str("</ul>\n");
}

fn legend(out: &mut String, languages: Languages) {
    out.push_str("<p class=\"legend\">");
    words(out, languages, "Chú giải:", "Legend:");
    out.push_str(" <span class=\"derived\">= 71,43</span> ");
    words(
        out,
        languages,
        "ô để trống tính được từ các ô khác;",
        "a blank derived from other cells;",
    );
    out.push_str(" <span class=\"was\">1.902</span> <span class=\"suggested\">→ 1.896</span> ");
    words(
        out,
        languages,
        "giá trị đề xuất thay giá trị báo cáo;",
        "a value suggested for the reported one;",
    );
    out.push_str(" <span class=\"badge\" style=\"background:");
    out.push_str(ABSENT.background);
    out.push_str(";color:");
    out.push_str(ABSENT.text);
    out.push_str("\">—</span> ");
    words(
        out,
        languages,
        "mục không áp dụng cho kỳ báo cáo.",
        "a row that does not apply to the period.",
    );
    out.push_str("</p>\n");
}

fn forms(
    out: &mut String,
    model: &Model<'_>,
    number: usize,
    group: &super::Group<'_>,
    languages: Languages,
) {
    let template = group.template();
    let _ = writeln!(out, "<section class=\"group\" id=\"group-{number}\">");
    if model.kind == Kind::Several {
        out.push_str("<h2>");
        words(out, languages, &group.title_vi, &group.title_en);
        out.push_str("</h2>\n");
    }
    for form in template.catalogue.forms {
        let _ = write!(
            out,
            "<section class=\"form\" id=\"form-{number}-{}\">\n<h3>",
            form.number
        );
        words(
            out,
            languages,
            &format!("Biểu mẫu {} — {}", form.number, form.title_vi),
            &format!("Form {} — {}", form.number, form.title_en),
        );
        out.push_str("</h3>\n<table class=\"form\">\n<thead><tr><th scope=\"col\">STT</th><th scope=\"col\">");
        words(out, languages, "Nội dung", "Indicator");
        out.push_str("</th><th scope=\"col\">");
        words(out, languages, "Đơn vị tính", "Unit");
        out.push_str("</th>");
        for column in &group.columns {
            out.push_str("<th scope=\"col\">");
            if group.columns.len() == 1 {
                words(out, languages, "Số liệu", "Value");
            } else {
                words(out, languages, &column.heading_vi, &column.heading_en);
            }
            out.push_str("</th>");
        }
        out.push_str("<th scope=\"col\">");
        words(out, languages, "Ghi chú", "Note");
        out.push_str("</th></tr></thead>\n<tbody>\n");
        let span = group.columns.len() + 3;
        for row in form_rows(form) {
            let Some(id) = row.id else {
                let _ = write!(
                    out,
                    "<tr class=\"heading\"><td class=\"stt\">{}</td><td colspan=\"{span}\">",
                    row.stt
                );
                escape(out, row.label);
                out.push_str("</td></tr>\n");
                continue;
            };
            let indicator = template.indicator(id);
            let severity = group
                .columns
                .iter()
                .filter_map(|column| column.cells.get(id.index())?.severity)
                .max();
            let absent = group
                .columns
                .iter()
                .all(|column| column.absent.contains(id));
            let _ = write!(
                out,
                "<tr data-form=\"{}\" data-stt=\"{}\"",
                form.number, indicator.stt
            );
            if let Some(severity) = severity {
                let _ = write!(out, " data-severity=\"{severity}\"");
            }
            if absent {
                out.push_str(" class=\"absent\"");
            }
            let _ = write!(
                out,
                "><td class=\"stt\">{}</td><td class=\"label\">",
                indicator.stt
            );
            label(out, group, id, languages);
            out.push_str("</td><td class=\"unit\">");
            escape(out, indicator.unit_vi);
            out.push_str("</td>");
            for (index, column) in group.columns.iter().enumerate() {
                value_cell(out, number, index, column, id, languages);
            }
            out.push_str("<td class=\"note\">");
            for (index, column) in group.columns.iter().enumerate() {
                note_cell(out, model, number, index, column, id, languages);
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</section>\n");
}

/// An indicator's label: the template's, its English name when asked for,
/// and the label a document printed otherwise.
fn label(
    out: &mut String,
    group: &super::Group<'_>,
    id: crate::catalogue::CellId,
    languages: Languages,
) {
    let indicator = id.indicator();
    escape(out, indicator.label_vi);
    if languages.english() {
        out.push_str("<br><span class=\"en\">");
        escape(out, indicator.name_en);
        out.push_str("</span>");
    }
    for column in &group.columns {
        if let Some(label) = printed_label(column.view.warnings, id) {
            out.push_str("<br><span class=\"printed\">");
            words(out, languages, "In trong báo cáo: ", "Printed as: ");
            escape(out, label);
            out.push_str("</span>");
        }
    }
}

fn value_cell(
    out: &mut String,
    group: usize,
    index: usize,
    column: &Column<'_>,
    id: crate::catalogue::CellId,
    languages: Languages,
) {
    let indicator = id.indicator();
    out.push_str("<td class=\"value\" id=\"");
    cell_id(out, group, index, indicator.form, indicator.stt);
    let _ = write!(out, "\" data-period=\"{}\"", column.key);
    let marks = column.cells.get(id.index());
    // The cell's own mark has a name of its own: `data-severity` is the
    // row's alone, so that the flagged rows are exactly the elements
    // carrying it.
    if let Some(severity) = marks.and_then(|m| m.severity) {
        let _ = write!(out, " data-cell-severity=\"{severity}\"");
    }
    out.push('>');
    let reported = column.view.report.cell_text(id);
    let suggestion = marks.and_then(|m| m.suggestion);
    match (&reported, suggestion) {
        (Some(text), Some(suggestion)) => {
            out.push_str("<span class=\"was\">");
            escape(out, text);
            out.push_str("</span> <span class=\"suggested\" title=\"");
            words(out, languages, "đề xuất", "suggested");
            out.push_str("\">→ ");
            match suggestion.value {
                Some(value) => out.push_str(&printed_text(value)),
                None => words(out, languages, "để trống", "blank"),
            }
            out.push_str("</span>");
        }
        (Some(text), None) => escape(out, text),
        (None, _) => {
            if let Some(derived) = marks.and_then(|m| m.derived) {
                out.push_str("<span class=\"derived\" title=\"");
                words(out, languages, "tính được", "derived");
                out.push_str("\">= ");
                out.push_str(&decimal_text(derived));
                out.push_str("</span>");
            }
        }
    }
    out.push_str("</td>");
}

#[allow(clippy::too_many_lines)]
fn note_cell(
    out: &mut String,
    model: &Model<'_>,
    group: usize,
    index: usize,
    column: &Column<'_>,
    id: crate::catalogue::CellId,
    languages: Languages,
) {
    let several = column_count(model, group) > 1;
    let prefix = |out: &mut String| {
        if several {
            out.push_str("<b>");
            words(out, languages, &column.heading_vi, &column.heading_en);
            out.push_str(":</b> ");
        }
    };
    if let Some(note) = note_of(column.view.notes, id) {
        out.push_str("<div class=\"printed\">");
        prefix(out);
        escape(out, note);
        out.push_str("</div>");
    }
    if column.absent.contains(id) {
        let applies = id.indicator().applies;
        out.push_str("<div class=\"reason\">");
        prefix(out);
        words(
            out,
            languages,
            &format!("Không áp dụng cho kỳ báo cáo: {}", applies.reason_vi),
            &format!("Does not apply to the period: {}", applies.reason_en),
        );
        out.push_str("</div>");
    }
    let Some(marks) = column.cells.get(id.index()) else {
        return;
    };
    for &number in &marks.flagged {
        let Some(mark) = model.marks.get(number) else {
            continue;
        };
        let first = mark
            .flagged
            .first()
            .is_some_and(|place| place.group == group && place.column == index && place.cell == id);
        out.push_str("<div class=\"finding\"");
        if first {
            let _ = write!(out, " id=\"f-{number}\"");
        }
        out.push('>');
        badge(out, languages, mark.severity);
        out.push_str(" <code>");
        escape(out, &mark.rule);
        out.push_str("</code> ");
        prefix(out);
        message(out, languages, &mark.message_vi, &mark.message_en);
        let others: Vec<_> = mark
            .flagged
            .iter()
            .chain(&mark.related)
            .filter(|place| !(place.group == group && place.column == index && place.cell == id))
            .collect();
        if !others.is_empty() {
            out.push_str("<div class=\"links\">");
            words(out, languages, "Liên quan:", "Related:");
            for place in others {
                let indicator = place.cell.indicator();
                out.push_str(" <a href=\"#");
                cell_id(
                    out,
                    place.group,
                    place.column,
                    indicator.form,
                    indicator.stt,
                );
                let _ = write!(out, "\">{}</a>", cell_name(place.cell));
                if model.kind == Kind::Several {
                    if let Some(other) = model.column_at(*place) {
                        out.push_str(" (");
                        words(out, languages, &other.heading_vi, &other.heading_en);
                        out.push(')');
                    }
                }
            }
            out.push_str("</div>");
        }
        if !mark.members.is_empty() {
            out.push_str("<div class=\"links\">");
            words(out, languages, "Báo cáo thành phần:", "Members:");
            for member in &mark.members {
                let _ = write!(out, " <a href=\"#member-{member}\">{}</a>", member + 1);
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
    }
    for &number in &marks.related {
        let Some(mark) = model.marks.get(number) else {
            continue;
        };
        let Some(target) = mark.flagged.first() else {
            continue;
        };
        out.push_str("<div class=\"related\">");
        prefix(out);
        let _ = write!(out, "↳ <a href=\"#f-{number}\">");
        words(
            out,
            languages,
            &format!(
                "xem {} ({})",
                cell_name(target.cell),
                severity_words(mark.severity).0
            ),
            &format!(
                "see {} ({})",
                cell_name(target.cell),
                severity_words(mark.severity).1
            ),
        );
        out.push_str("</a> <code>");
        escape(out, &mark.rule);
        out.push_str("</code></div>");
    }
    if let Some(suggestion) = marks.suggestion {
        out.push_str("<div class=\"suggestion\">");
        prefix(out);
        out.push_str("<span class=\"suggested\">");
        match suggestion.value {
            Some(value) => words(
                out,
                languages,
                &format!("Đề xuất: {}", printed_text(value)),
                &format!("Suggested: {}", printed_text(value)),
            ),
            None => words(out, languages, "Đề xuất: để trống", "Suggested: blank"),
        }
        out.push_str("</span> <span class=\"reason\">(");
        words(
            out,
            languages,
            reason_vi(suggestion.reason),
            suggestion.reason.as_str(),
        );
        out.push_str(")</span></div>");
    }
}

fn column_count(model: &Model<'_>, group: usize) -> usize {
    model.groups.get(group).map_or(0, |g| g.columns.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `#rrggbb` colour's relative luminance (WCAG 2.1), from 0 (black)
    /// to 1 (white), from the sRGB channels linearised.
    fn luminance(hex: &str) -> f64 {
        let value = u32::from_str_radix(hex.trim_start_matches('#'), 16).expect("a #rrggbb colour");
        let channel = |shift: u32| {
            let c = f64::from((value >> shift) & 0xff) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The contrast ratio of two colours (WCAG 2.1), from 1 to 21.
    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_contrast_formula_gives_the_known_ratios() {
        // Black on white is 21:1, a colour on itself 1:1, and #767676 on
        // white the lightest grey that passes AA (4.54:1).
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#1d4ed8", "#1d4ed8") - 1.0).abs() < 1e-9);
        assert!((contrast("#767676", "#ffffff") - 4.54).abs() < 0.01);
        assert!(contrast("#777777", "#ffffff") < 4.5);
    }

    #[test]
    fn every_colour_pair_of_the_page_passes_wcag_aa() {
        // Each pair as the style sheet sets it.
        let mut pairs: Vec<(String, &str, &str)> = vec![
            (PAGE.what.to_owned(), PAGE.text, PAGE.background),
            (ABSENT.what.to_owned(), ABSENT.text, ABSENT.background),
            (HEADING.what.to_owned(), HEADING.text, HEADING.background),
        ];
        let mut backgrounds = vec![
            (PAGE.what, PAGE.background),
            (ABSENT.what, ABSENT.background),
            (HEADING.what, HEADING.background),
        ];
        for severity in SEVERITIES {
            let tint = tint(severity);
            pairs.push((tint.row.what.to_owned(), tint.row.text, tint.row.background));
            pairs.push((
                tint.badge.what.to_owned(),
                tint.badge.text,
                tint.badge.background,
            ));
            backgrounds.push((tint.row.what, tint.row.background));
        }
        // Links, derived and suggested values can stand on any row.
        for (name, colour) in [
            ("link", LINK),
            ("derived", DERIVED),
            ("suggested", SUGGESTED),
        ] {
            for &(what, background) in &backgrounds {
                pairs.push((format!("{name} on {what}"), colour, background));
            }
        }
        for (what, text, background) in pairs {
            let ratio = contrast(text, background);
            assert!(
                ratio >= 4.5,
                "{what}: {text} on {background} is {ratio:.2}:1, under 4.5:1"
            );
        }
    }

    #[test]
    fn the_style_sheet_uses_the_colours_tested() {
        let mut css = String::new();
        style(&mut css);
        for severity in SEVERITIES {
            let tint = tint(severity);
            assert!(css.contains(&format!(
                "tr[data-severity=\"{severity}\"] td,td.sev-{severity}{{background:{};color:{}}}",
                tint.row.background, tint.row.text
            )));
            assert!(css.contains(&format!(
                ".badge.sev-{severity}{{background:{};color:{}}}",
                tint.badge.background, tint.badge.text
            )));
        }
        // No other colour than the tested ones (and the borders' grey).
        let mut rest = css.as_str();
        while let Some(at) = rest.find('#') {
            let colour = &rest[at..at + 7];
            let known = [
                PAGE.text,
                PAGE.background,
                LINK,
                DERIVED,
                SUGGESTED,
                ABSENT.text,
                ABSENT.background,
                HEADING.text,
                HEADING.background,
                BORDER,
            ]
            .contains(&colour)
                || SEVERITIES.iter().any(|&s| {
                    let t = tint(s);
                    [
                        t.row.text,
                        t.row.background,
                        t.badge.text,
                        t.badge.background,
                    ]
                    .contains(&colour)
                });
            assert!(known, "{colour} is not a tested colour");
            rest = &rest[at + 1..];
        }
    }

    #[test]
    fn escape_writes_markup_as_text() {
        let mut out = String::new();
        escape(&mut out, "<a href=\"x\" title='y'>&amp;</a> ok");
        assert_eq!(
            out,
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ok"
        );
    }
}
