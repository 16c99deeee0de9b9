//! The forms as an annotated workbook (.xlsx), with `rust_xlsxwriter`
//! (feature `office`, on by default).
//!
//! - A sheet per form, `Biểu 1` … `Biểu 7`, laid out like the form: a title
//!   row, the body and period, then a header row and the form's rows with
//!   the STT in column A, the label in B, the unit in C, the value as
//!   printed in D (one column per report when there are several) and a
//!   note in the last column. Headings are bold; a row that does not apply
//!   to the period is grey, with the reason in its note.
//! - The value cell of a flagged row is filled with its severity's colour
//!   (the page's tints) and carries a cell comment (a note, in Excel's
//!   words) with the rule id and the message of each finding on it.
//! - A sheet `Phát hiện` lists every finding: form, STT, period, severity,
//!   rule, the message in Vietnamese and in English, the value reported,
//!   the value computed and the value suggested (with a localisation).
//!
//! - For one report, a sheet `Thông tin` (`Information`) holds its metadata
//!   as the `#!` lines the readers read
//!   ([`ReportMeta::metadata_lines`](crate::ReportMeta::metadata_lines)):
//!   the workbook reads back with its body, level and period.
//!
//! Values are written as text exactly as printed (`1.902`, `99,3`): the
//! workbook shows the report, not a float's reading of it.
//!
//! # Example
//! ```
//! use cchc_forms::render::{workbook, Languages, ReportView};
//! use cchc_forms::samples;
//! let report = samples::bac_giang_2023_q3();
//! let findings = report.validate();
//! let bytes = workbook::render_xlsx(&ReportView::new(&report, &findings), Languages::Vietnamese)?;
//! assert_eq!(&bytes[..2], b"PK"); // a zip archive
//! # Ok::<(), cchc_forms::render::workbook::WorkbookError>(())
//! ```

use std::fmt;

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};

use crate::aggregate::Aggregate;
use crate::cross::CrossFindings;
use crate::series::SeriesCheck;

use super::html::{ABSENT, HEADING, tint};
use super::{
    Group, Kind, Languages, Model, ReportView, body_or_blank, decimal_text, form_rows,
    printed_text, reason_vi, severity_words,
};

/// A workbook that could not be written (a limit of the format, such as
/// a text longer than a cell holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(String);

impl fmt::Display for WorkbookError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "cannot write the workbook: {}", self.0)
    }
}

impl std::error::Error for WorkbookError {}

impl From<XlsxError> for WorkbookError {
    fn from(error: XlsxError) -> Self {
        WorkbookError(error.to_string())
    }
}

/// The workbook of one report with its findings (and localisation).
///
/// # Errors
/// A [`WorkbookError`] when the writer refuses the workbook (texts are cut
/// to what a cell holds, so that it should not).
pub fn render_xlsx(view: &ReportView<'_>, languages: Languages) -> Result<Vec<u8>, WorkbookError> {
    write(&Model::one(*view), languages)
}

/// The workbook of several reports, side by side in each form's sheet,
/// with the findings across them (see
/// [`render_reports_html`](super::html::render_reports_html)).
///
/// # Errors
/// As [`render_xlsx`].
pub fn render_reports_xlsx(
    views: &[ReportView<'_>],
    across: &SeriesCheck,
    languages: Languages,
) -> Result<Vec<u8>, WorkbookError> {
    write(&Model::several(views, across), languages)
}

/// The workbook of an aggregate: the total's forms, its findings naming the
/// members that make it fail, and a sheet listing the members.
///
/// # Errors
/// As [`render_xlsx`].
pub fn render_aggregate_xlsx(
    aggregate: &Aggregate<'_>,
    findings: &CrossFindings,
    languages: Languages,
) -> Result<Vec<u8>, WorkbookError> {
    write(&Model::aggregate(aggregate, findings), languages)
}

/// A `#rrggbb` colour of the page as the writer's colour.
fn color(hex: &str) -> Color {
    Color::RGB(u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0))
}

/// A text cut to what a cell holds (32,767 characters), ending with `…`
/// when cut: a cell of many findings still makes a workbook.
fn fit(text: String) -> String {
    const MOST: usize = 32_767;
    if text.chars().count() <= MOST {
        return text;
    }
    let mut cut: String = text.chars().take(MOST - 1).collect();
    cut.push('…');
    cut
}

/// The sheet names are the forms' (`Biểu 3`); a sheet's name holds at most
/// 31 characters.
fn sheet_name(number: u8) -> String {
    format!("Biểu {number}")
}

#[allow(clippy::too_many_lines)]
fn write(model: &Model<'_>, languages: Languages) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    let border = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let title = Format::new().set_bold().set_font_size(13);
    let header = border
        .clone()
        .set_bold()
        .set_background_color(color(HEADING.background))
        .set_font_color(color(HEADING.text));
    let heading = header.clone();
    let value = border.clone().set_align(FormatAlign::Right);
    let absent = border
        .clone()
        .set_background_color(color(ABSENT.background))
        .set_font_color(color(ABSENT.text));
    let flagged = |severity| {
        let tint = tint(severity);
        value
            .clone()
            .set_background_color(color(tint.row.background))
            .set_font_color(color(tint.row.text))
            .set_bold()
    };
    let pick = |vi: &str, en: &str| languages.pick(vi, en);

    // Every column of every group, side by side.
    let columns: Vec<(usize, usize)> = model
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| (0..group.columns.len()).map(move |c| (g, c)))
        .collect();
    let Some(first) = model.groups.first() else {
        return Ok(workbook.save_to_buffer()?);
    };
    let template = first.template();
    let note_column = u16::try_from(columns.len().saturating_add(3)).unwrap_or(u16::MAX);
    for form in template.catalogue.forms {
        let sheet: &mut Worksheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(form.number))?;
        sheet.set_paper_size(9); // A4
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_column_width(0, 7)?;
        sheet.set_column_width(1, 60)?;
        sheet.set_column_width(2, 14)?;
        for index in 0..columns.len() {
            let at = u16::try_from(index + 3).unwrap_or(u16::MAX);
            sheet.set_column_width(at, 16)?;
        }
        sheet.set_column_width(note_column, 70)?;
        sheet.write_string_with_format(
            0,
            0,
            pick(
                &format!("Biểu mẫu {} — {}", form.number, form.title_vi),
                &format!("Form {} — {}", form.number, form.title_en),
            ),
            &title,
        )?;
        let subtitle = if model.groups.len() == 1 {
            pick(&first.title_vi, &first.title_en)
        } else {
            pick(
                &format!("{} báo cáo", columns.len()),
                &format!("{} reports", columns.len()),
            )
        };
        sheet.write_string(1, 0, subtitle)?;
        sheet.write_string_with_format(3, 0, "STT", &header)?;
        sheet.write_string_with_format(3, 1, pick("Nội dung", "Indicator"), &header)?;
        sheet.write_string_with_format(3, 2, pick("Đơn vị tính", "Unit"), &header)?;
        for (index, &(g, c)) in columns.iter().enumerate() {
            let column = &model.groups[g].columns[c];
            let text = if columns.len() == 1 {
                pick("Số liệu", "Value")
            } else {
                let body = &column.view.report.meta.body;
                pick(
                    &format!("{} — {}", body_or_blank(body, true), column.heading_vi),
                    &format!("{} — {}", body_or_blank(body, false), column.heading_en),
                )
            };
            let at = u16::try_from(index + 3).unwrap_or(u16::MAX);
            sheet.write_string_with_format(3, at, text, &header)?;
        }
        sheet.write_string_with_format(3, note_column, pick("Ghi chú", "Note"), &header)?;
        sheet.set_freeze_panes(4, 0)?;
        let mut row: u32 = 4;
        for template_row in form_rows(form) {
            let Some(id) = template_row.id else {
                sheet.write_string_with_format(row, 0, template_row.stt, &heading)?;
                sheet.write_string_with_format(row, 1, template_row.label, &heading)?;
                for at in 2..=note_column {
                    sheet.write_blank(row, at, &heading)?;
                }
                row += 1;
                continue;
            };
            let indicator = template.indicator(id);
            let all_absent = columns
                .iter()
                .all(|&(g, c)| model.groups[g].columns[c].absent.contains(id));
            let plain = if all_absent { &absent } else { &border };
            sheet.write_string_with_format(row, 0, indicator.stt, plain)?;
            sheet.write_string_with_format(row, 1, indicator.label_vi, plain)?;
            sheet.write_string_with_format(row, 2, indicator.unit_vi, plain)?;
            let mut notes: Vec<String> = Vec::new();
            for (index, &(g, c)) in columns.iter().enumerate() {
                let column = &model.groups[g].columns[c];
                let at = u16::try_from(index + 3).unwrap_or(u16::MAX);
                let marks = column.cells.get(id.index());
                let text = column.view.report.cell_text(id).unwrap_or_default();
                let format = match marks.and_then(|m| m.severity) {
                    Some(severity) => flagged(severity),
                    None if column.absent.contains(id) => absent.clone(),
                    None => value.clone(),
                };
                sheet.write_string_with_format(row, at, &text, &format)?;
                let prefix = if columns.len() > 1 {
                    format!("[{}] ", pick(&column.heading_vi, &column.heading_en))
                } else {
                    String::new()
                };
                if let Some(note) = super::note_of(column.view.notes, id) {
                    notes.push(format!("{prefix}{note}"));
                }
                if column.absent.contains(id) {
                    let applies = indicator.applies;
                    notes.push(format!(
                        "{prefix}{}",
                        pick(
                            &format!("Không áp dụng cho kỳ báo cáo: {}", applies.reason_vi),
                            &format!("Does not apply to the period: {}", applies.reason_en),
                        )
                    ));
                }
                let Some(marks) = marks else { continue };
                let mut comment: Vec<String> = Vec::new();
                for &number in &marks.flagged {
                    let Some(mark) = model.marks.get(number) else {
                        continue;
                    };
                    let (vi, en) = severity_words(mark.severity);
                    let line = format!(
                        "{} [{}] {}",
                        pick(vi, en),
                        mark.rule,
                        pick(&mark.message_vi, &mark.message_en)
                    );
                    notes.push(format!("{prefix}{line}"));
                    comment.push(line);
                }
                for &number in &marks.related {
                    if let Some(mark) = model.marks.get(number) {
                        if let Some(target) = mark.flagged.first() {
                            notes.push(format!(
                                "{prefix}{}",
                                pick(
                                    &format!(
                                        "↳ xem {} [{}]",
                                        super::cell_name(target.cell),
                                        mark.rule
                                    ),
                                    &format!(
                                        "↳ see {} [{}]",
                                        super::cell_name(target.cell),
                                        mark.rule
                                    ),
                                )
                            ));
                        }
                    }
                }
                if let Some(derived) = marks.derived {
                    notes.push(format!(
                        "{prefix}{}",
                        pick(
                            &format!("Tính được: {}", decimal_text(derived)),
                            &format!("Derived: {}", decimal_text(derived)),
                        )
                    ));
                }
                if let Some(suggestion) = marks.suggestion {
                    let suggested = suggestion
                        .value
                        .map_or_else(|| pick("để trống", "blank"), printed_text);
                    let line = pick(
                        &format!("Đề xuất: {suggested} ({})", reason_vi(suggestion.reason)),
                        &format!("Suggested: {suggested} ({})", suggestion.reason.as_str()),
                    );
                    notes.push(format!("{prefix}{line}"));
                    if !comment.is_empty() {
                        comment.push(line);
                    }
                }
                if !comment.is_empty() {
                    let note = Note::new(fit(comment.join("\n")))
                        .set_author("cchc-forms")
                        .add_author_prefix(false)
                        .set_width(360)
                        .set_height(140);
                    sheet.insert_note(row, at, &note)?;
                }
            }
            sheet.write_string_with_format(row, note_column, fit(notes.join("\n")), plain)?;
            row += 1;
        }
    }
    findings_sheet(&mut workbook, model, languages, &header, &border)?;
    if !model.members.is_empty() {
        members_sheet(&mut workbook, model, languages, &header, &border)?;
    }
    if model.kind == Kind::One {
        metadata_sheet(&mut workbook, first, languages)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn findings_sheet(
    workbook: &mut Workbook,
    model: &Model<'_>,
    languages: Languages,
    header: &Format,
    border: &Format,
) -> Result<(), WorkbookError> {
    let pick = |vi: &str, en: &str| languages.pick(vi, en);
    let sheet = workbook.add_worksheet();
    sheet.set_name("Phát hiện")?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    let headers = [
        ("Biểu", "Form", 6),
        ("STT", "STT", 7),
        ("Kỳ báo cáo", "Period", 16),
        ("Mức độ", "Severity", 10),
        ("Quy tắc", "Rule", 26),
        ("Thông điệp (tiếng Việt)", "Message (Vietnamese)", 60),
        ("Thông điệp (tiếng Anh)", "Message (English)", 60),
        ("Báo cáo", "Reported", 12),
        ("Tính được", "Computed", 12),
        ("Đề xuất", "Suggested", 12),
    ];
    for (at, (vi, en, width)) in (0u16..).zip(headers) {
        sheet.set_column_width(at, width)?;
        sheet.write_string_with_format(0, at, pick(vi, en), header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, mark) in (1u32..).zip(&model.marks) {
        let place = mark.flagged.first().or(mark.related.first());
        let column = place.and_then(|place| model.column_at(*place));
        let (form, stt) = place.map_or((u16::from(mark.form), ""), |place| {
            let indicator = place.cell.indicator();
            (u16::from(indicator.form), indicator.stt)
        });
        let (vi, en) = severity_words(mark.severity);
        let fill = border
            .clone()
            .set_background_color(color(tint(mark.severity).row.background))
            .set_font_color(color(tint(mark.severity).row.text));
        let suggested = place
            .zip(column)
            .and_then(|(place, column)| column.cells.get(place.cell.index())?.suggestion)
            .map(|s| {
                s.value
                    .map_or_else(|| pick("để trống", "blank"), printed_text)
            });
        let period = column.map_or_else(String::new, |c| pick(&c.heading_vi, &c.heading_en));
        sheet.write_number_with_format(row, 0, form, border)?;
        sheet.write_string_with_format(row, 1, stt, border)?;
        sheet.write_string_with_format(row, 2, period, border)?;
        sheet.write_string_with_format(row, 3, pick(vi, en), &fill)?;
        sheet.write_string_with_format(row, 4, &mark.rule, border)?;
        sheet.write_string_with_format(row, 5, &mark.message_vi, border)?;
        sheet.write_string_with_format(row, 6, &mark.message_en, border)?;
        let number =
            |value: Option<rust_decimal::Decimal>| value.map_or_else(String::new, decimal_text);
        sheet.write_string_with_format(row, 7, number(mark.reported), border)?;
        sheet.write_string_with_format(row, 8, number(mark.computed), border)?;
        sheet.write_string_with_format(row, 9, suggested.unwrap_or_default(), border)?;
    }
    Ok(())
}

/// A sheet's name in the workbook's language: Vietnamese in a workbook of
/// both (a name cannot hold the `/` that joins two).
fn sheet_title(languages: Languages, vi: &'static str, en: &'static str) -> &'static str {
    if languages == Languages::English {
        en
    } else {
        vi
    }
}

/// The metadata of the one report as `#!` lines in column A, one a row,
/// as the workbook reader reads them back from any sheet.
fn metadata_sheet(
    workbook: &mut Workbook,
    group: &Group<'_>,
    languages: Languages,
) -> Result<(), WorkbookError> {
    let Some(column) = group.columns.first() else {
        return Ok(());
    };
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_title(languages, "Thông tin", "Information"))?;
    sheet.set_column_width(0, 60)?;
    for (line, row) in column
        .view
        .report
        .meta
        .metadata_lines()
        .into_iter()
        .zip(0u32..)
    {
        sheet.write_string(row, 0, fit(line))?;
    }
    Ok(())
}

fn members_sheet(
    workbook: &mut Workbook,
    model: &Model<'_>,
    languages: Languages,
    header: &Format,
    border: &Format,
) -> Result<(), WorkbookError> {
    let pick = |vi: &str, en: &str| languages.pick(vi, en);
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_title(languages, "Thành phần", "Members"))?;
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(2, 60)?;
    sheet.write_string_with_format(0, 0, "#", header)?;
    sheet.write_string_with_format(0, 1, pick("Đơn vị báo cáo", "Body"), header)?;
    sheet.write_string_with_format(
        0,
        2,
        pick("Làm tổng không thỏa mãn", "Makes the total fail"),
        header,
    )?;
    for ((index, member), row) in model.members.iter().enumerate().zip(1u32..) {
        let rules: Vec<&str> = model
            .marks
            .iter()
            .filter(|mark| mark.members.contains(&index))
            .map(|mark| mark.rule.as_str())
            .collect();
        sheet.write_number_with_format(
            row,
            0,
            u32::try_from(index + 1).unwrap_or(u32::MAX),
            border,
        )?;
        sheet.write_string_with_format(
            row,
            1,
            body_or_blank(&member.meta.body, languages != Languages::English),
            border,
        )?;
        sheet.write_string_with_format(row, 2, rules.join(", "), border)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_text_is_cut_to_what_a_cell_holds() {
        assert_eq!(fit("ngắn".to_owned()), "ngắn");
        let cut = fit("ă".repeat(40_000));
        assert_eq!(cut.chars().count(), 32_767);
        assert!(cut.ends_with("ă…"));
        let exact = "a".repeat(32_767);
        assert_eq!(fit(exact.clone()), exact);
    }
}
