//! The forms rendered with their findings: the HTML page and the annotated
//! workbook, read back and checked against what the source document says.

use std::collections::BTreeSet;

use cchc_forms::aggregate::aggregate;
use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::catalogue::CellId;
use cchc_forms::render::{Languages, ReportView, html};
use cchc_forms::rows::{ImportWarning, WarningKind};
use cchc_forms::series::check_reports;
use cchc_forms::unit::Count;
use cchc_forms::{Findings, Period, Report, Term, samples};

/// Every indicator row of a page: (form, STT, severity if flagged).
fn rows(page: &str) -> Vec<(u8, String, Option<String>)> {
    let mut out = Vec::new();
    for piece in page.split("<tr ").skip(1) {
        let tag = &piece[..piece.find('>').expect("a closed tag")];
        let attribute = |name: &str| {
            let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
            let end = start + tag[start..].find('"')?;
            Some(tag[start..end].to_owned())
        };
        if let (Some(form), Some(stt)) = (attribute("data-form"), attribute("data-stt")) {
            out.push((
                form.parse().expect("a form number"),
                stt,
                attribute("data-severity"),
            ));
        }
    }
    out
}

fn flagged(page: &str) -> BTreeSet<(u8, String, String)> {
    rows(page)
        .into_iter()
        .filter_map(|(form, stt, severity)| severity.map(|s| (form, stt, s)))
        .collect()
}

fn set(rows: &[(u8, &str, &str)]) -> BTreeSet<(u8, String, String)> {
    rows.iter()
        .map(|&(form, stt, severity)| (form, stt.to_owned(), severity.to_owned()))
        .collect()
}

/// The row of `form`/`stt`, from its `<tr` to its `</tr>`.
fn row<'a>(page: &'a str, form: u8, stt: &str) -> &'a str {
    let start = page
        .find(&format!("<tr data-form=\"{form}\" data-stt=\"{stt}\""))
        .unwrap_or_else(|| panic!("row {form}/{stt}"));
    let end = start + page[start..].find("</tr>").expect("a closed row");
    &page[start..end]
}

/// The sample's four findings, worked out from the source document:
/// - form 1 row 2 is blank, but 100 × 40 / 56 = 71,43 (a derivable note);
/// - form 3 row 1.4 prints 1.902, its levels 1.486 + 255 + 155 = 1.896 (an
///   error);
/// - form 4 row 1.5 counts 858 public service units, form 6 row 2.1 840
///   (a warning: the same thing counted twice);
/// - form 6 row 1 is blank, but 100 × 6.832.000 / 8.007.000 = 85,33 (a note).
const SAMPLE_FLAGGED: [(u8, &str, &str); 4] = [
    (1, "2", "info"),
    (3, "1.4", "error"),
    (4, "1.5", "warning"),
    (6, "1", "info"),
];

#[test]
fn the_sample_page_flags_exactly_its_four_rows_and_lists_every_indicator() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    assert_eq!(flagged(&page), set(&SAMPLE_FLAGGED));
    // Every indicator of the catalogue, once, in the catalogue's order.
    let listed: Vec<(u8, String)> = rows(&page).into_iter().map(|(f, s, _)| (f, s)).collect();
    let catalogue: Vec<(u8, String)> = CATALOGUE
        .iter()
        .map(|i| (i.form, i.stt.to_owned()))
        .collect();
    assert_eq!(listed, catalogue);
    // The values as printed: 1.902 procedures, a rate of 99,3 %.
    assert!(row(&page, 3, "1.4").contains(">1.902</td>"));
    assert!(row(&page, 3, "3.1").contains(">99,3</td>"));
    // The message, in Vietnamese, on the row.
    assert!(row(&page, 3, "1.4").contains(
        "Biểu 3: mục 1.4 = 1.902 nhưng mục 1.4.1 + mục 1.4.2 + mục 1.4.3 = 1.486 + 255 + 155 = 1.896 (chênh lệch 6)."
    ));
    // Severity in words and icon, not colour alone.
    assert!(row(&page, 3, "1.4").contains("✖ Lỗi"));
    assert!(row(&page, 4, "1.5").contains("▲ Cảnh báo"));
    assert!(row(&page, 1, "2").contains("ℹ Lưu ý"));
    // The summary: body, period, template, counts, failed rules.
    let summary = &page[..page.find("<main").expect("the forms")];
    assert!(summary.contains("UBND tỉnh Bắc Giang"));
    assert!(summary.contains("Quý III năm 2023"));
    assert!(summary.contains("Công văn 581/BNV-CCHC"));
    assert!(summary.contains("4 phát hiện:"));
    for rule in [
        "sum:3/1.4",
        "across:4/1.5==6/2.1",
        "derivable:1/2",
        "derivable:6/1",
    ] {
        assert!(summary.contains(&format!("<code>{rule}</code>")), "{rule}");
    }
    // Errors first among the failed rules.
    assert!(summary.find("sum:3/1.4") < summary.find("across:4/1.5==6/2.1"));
    assert!(summary.find("across:4/1.5==6/2.1") < summary.find("derivable:1/2"));
}

#[test]
fn a_finding_links_the_cells_it_read_and_they_link_back() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    let total = row(&page, 3, "1.4");
    let number = findings
        .iter()
        .position(|f| f.rule == "sum:3/1.4")
        .expect("the sum's finding");
    assert!(total.contains(&format!("id=\"f-{number}\"")));
    for part in ["1.4.1", "1.4.2", "1.4.3"] {
        assert!(
            total.contains(&format!("<a href=\"#c-0-0-3-{part}\">3/{part}</a>")),
            "{part}"
        );
        let part_row = row(&page, 3, part);
        assert!(part_row.contains(&format!("id=\"c-0-0-3-{part}\"")));
        assert!(part_row.contains(&format!("<a href=\"#f-{number}\">xem 3/1.4 (Lỗi)</a>")));
        // A part is linked, not flagged.
        assert!(!part_row.contains("data-severity"));
    }
    // The warning across forms links form 6 row 2.1, which links back.
    assert!(row(&page, 4, "1.5").contains("<a href=\"#c-0-0-6-2.1\">6/2.1</a>"));
    assert!(row(&page, 6, "2.1").contains("xem 4/1.5 (Cảnh báo)"));
}

#[test]
fn derivable_blanks_show_their_computed_value_in_their_own_style() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    // 100 × 40 / 56 = 71,43; 100 × 6.832.000 / 8.007.000 = 85,33.
    assert!(
        row(&page, 1, "2").contains("<span class=\"derived\" title=\"tính được\">= 71,43</span>")
    );
    assert!(
        row(&page, 6, "1").contains("<span class=\"derived\" title=\"tính được\">= 85,33</span>")
    );
    // A reported value is shown as reported, not as derived.
    assert!(!row(&page, 1, "2.1").contains("class=\"derived\""));
}

#[test]
fn with_localisation_the_suggested_value_stands_beside_the_reported_one() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let located = report.locate();
    let page = html::render_html(
        &ReportView::new(&report, &findings).with_localisation(&located),
        Languages::Vietnamese,
    );
    // Any one of the four cells can be the slip: 1.902 should be 1.896, or
    // 1.486 be 1.492, or 255 be 261, or 155 be 161 (each +6 or −6).
    for (stt, reported, suggested) in [
        ("1.4", "1.902", "1.896"),
        ("1.4.1", "1.486", "1.492"),
        ("1.4.2", "255", "261"),
        ("1.4.3", "155", "161"),
    ] {
        let cells = row(&page, 3, stt);
        assert!(
            cells.contains(&format!(
                "<span class=\"was\">{reported}</span> <span class=\"suggested\" title=\"đề xuất\">→ {suggested}</span>"
            )),
            "{stt}: {cells}"
        );
        assert!(cells.contains(&format!("Đề xuất: {suggested}")), "{stt}");
    }
    // The summary lists the four cells, each linked to its row.
    let summary = &page[..page.find("<main").expect("the forms")];
    assert!(summary.contains("Ô có thể sai và giá trị đề xuất"));
    assert!(summary.contains(
        "<a href=\"#c-0-0-3-1.4.2\">Biểu 3, mục 1.4.2</a>: Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành dọc) — <span class=\"was\">255</span> <span class=\"suggested\">→ 261</span>"
    ));
    // Without localisation, no suggestion.
    let plain = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    assert!(!plain.contains("class=\"suggested\" title"));
    assert!(!plain.contains("Ô có thể sai"));
}

#[test]
fn rows_that_do_not_apply_to_the_period_are_greyed_with_the_reason() {
    // Q1/2026: its data window starts 15/12/2025, after the district level
    // ended on 1 July 2025; the district rows do not apply.
    let mut report = samples::bac_giang_2023_q3();
    report.meta.period = Some(Period::new(2026, Term::Q1));
    let findings = report.validate();
    let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    let district = row(&page, 3, "1.4.2");
    assert!(district.contains("class=\"absent\""));
    assert!(
        district.contains("Không áp dụng cho kỳ báo cáo: không còn cấp huyện từ ngày 01/7/2025")
    );
    // 255 in a row that does not apply is an error of its own.
    assert!(district.contains("data-severity=\"error\""));
    assert!(district.contains("not_applicable:3/1.4.2"));
    // The provincial row applies.
    assert!(!row(&page, 3, "1.4.1").contains("absent"));
    // In Q3/2023 nothing is greyed.
    let sample = samples::bac_giang_2023_q3();
    let sample_findings = sample.validate();
    let sample_page = html::render_html(
        &ReportView::new(&sample, &sample_findings),
        Languages::Vietnamese,
    );
    assert!(!sample_page.contains("<tr data-form=\"3\" data-stt=\"1.4.2\" class=\"absent\""));
    assert!(!sample_page.contains("Không áp dụng cho kỳ báo cáo:"));
}

const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "&amp; R&D",
    "'; background:url(http://example.invalid/x)",
];

#[test]
fn every_piece_of_report_text_is_escaped() {
    let mut report = samples::bac_giang_2023_q3();
    report.meta.body = HOSTILE.concat();
    let findings = report.validate();
    let notes = [
        (CellId::of(3, "1.4"), HOSTILE.concat()),
        (CellId::of(3, "3.1"), HOSTILE[1].to_owned()),
    ];
    let warnings = [ImportWarning {
        line: Some(7),
        form: 3,
        stt: "1.4.1".to_owned(),
        text: HOSTILE.concat(),
        kind: WarningKind::LabelDiffers {
            expected: CellId::of(3, "1.4.1").indicator().label_vi,
        },
    }];
    for languages in [Languages::Vietnamese, Languages::English, Languages::Both] {
        let view = ReportView::new(&report, &findings)
            .with_notes(&notes)
            .with_warnings(&warnings);
        let page = html::render_html(&view, languages);
        assert!(!page.contains("<script"), "{languages:?}");
        assert!(!page.contains("<img"), "{languages:?}");
        // The URL stays text: no attribute, and no style, takes it.
        assert!(
            !page.contains("href=\"http") && !page.contains("src=\""),
            "{languages:?}"
        );
        let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
        assert!(
            !style.contains("http") && !style.contains("url("),
            "{languages:?}"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(page.contains("&amp;amp; R&amp;D"));
        assert!(page.contains("&#39;; background:url("));
        // The notes and the printed label are on their rows.
        assert!(row(&page, 3, "3.1").contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(row(&page, 3, "1.4.1").contains("&lt;script&gt;"));
        // Still the sample's four rows flagged, whatever the text.
        assert_eq!(flagged(&page), set(&SAMPLE_FLAGGED), "{languages:?}");
    }
}

#[test]
fn the_page_loads_nothing_from_outside_and_prints_on_a4() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let located = report.locate();
    let page = html::render_html(
        &ReportView::new(&report, &findings).with_localisation(&located),
        Languages::Both,
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    for outside in [
        "http:", "https:", "//", "<link", "<script", "@import", "url(", "src=", "<img", "<iframe",
    ] {
        // `//` is allowed nowhere: no protocol-relative URL, no comment.
        assert!(!page.contains(outside), "{outside}");
    }
    assert!(page.contains("@page{size:A4"));
    assert!(page.contains("@media print"));
}

#[test]
fn messages_come_in_the_language_asked_for() {
    let report = samples::bac_giang_2023_q3();
    let findings = report.validate();
    let view = ReportView::new(&report, &findings);
    let vi = "Biểu 3: mục 1.4 = 1.902 nhưng";
    let en = "Form 3: row 1.4 = 1902 but row 1.4.1";
    let page = html::render_html(&view, Languages::Vietnamese);
    assert!(page.contains(vi) && !page.contains(en));
    let page = html::render_html(&view, Languages::English);
    assert!(!page.contains(vi) && page.contains(en));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("✖ Error"));
    let page = html::render_html(&view, Languages::Both);
    assert!(page.contains(vi) && page.contains(en));
    assert!(page.contains("✖ Lỗi / Error"));
}

#[test]
fn a_clean_report_flags_no_row() {
    let mut report = samples::bac_giang_2023_q3();
    // 1.486 + 255 + 155 = 1.896; 858 public service units in both forms
    // (form 6 row 2.1 the sum of its groups, 0 + 47 + 363 + 448);
    // the two rates written in.
    report.set_cell_text(CellId::of(3, "1.4"), "1.896").unwrap();
    report.set_cell_text(CellId::of(6, "2.1"), "858").unwrap();
    report.set_cell_text(CellId::of(6, "2.5"), "448").unwrap();
    report.set_cell_text(CellId::of(1, "2"), "71,43").unwrap();
    report.set_cell_text(CellId::of(6, "1"), "85,33").unwrap();
    let findings = report.validate();
    assert!(findings.is_empty(), "{findings:?}");
    let page = html::render_html(&ReportView::new(&report, &findings), Languages::Vietnamese);
    assert!(flagged(&page).is_empty());
    assert!(page.contains("Không có phát hiện nào"));
}

/// Q1 and the half-year of one body, the half-year resolving one dossier
/// fewer than Q1 in form 3 row 3.1.1.
fn q1_and_half_year() -> [Report; 2] {
    let mut q1 = samples::bac_giang_2023_q3();
    q1.meta.period = Some(Period::new(2023, Term::Q1));
    let mut half = q1.clone();
    half.meta.period = Some(Period::new(2023, Term::HalfYear));
    half.form3.resolved_departments = q1
        .form3
        .resolved_departments
        .map(|c| Count::new(c.get() - 1));
    [q1, half]
}

#[test]
fn several_reports_stand_side_by_side_with_the_findings_across_them_on_each_cell() {
    let reports = q1_and_half_year();
    let findings: Vec<Findings> = reports.iter().map(Report::validate).collect();
    let views: Vec<ReportView<'_>> = reports
        .iter()
        .zip(&findings)
        .map(|(r, f)| ReportView::new(r, f))
        .collect();
    let across = check_reports(&reports);
    let flow = across
        .findings
        .iter()
        .find(|f| f.rule == "period:flow:3/3.1.1")
        .expect("the half-year resolves fewer than Q1");
    let page = html::render_reports_html(&views, &across, Languages::Vietnamese);
    // One body's year: both reports are columns of one table per form.
    assert_eq!(
        page.matches("<section class=\"group\" id=\"group-").count(),
        1
    );
    assert!(page.contains("UBND tỉnh Bắc Giang — năm 2023"));
    let resolved = row(&page, 3, "3.1.1");
    assert!(resolved.contains(&format!("data-severity=\"{}\"", flow.severity)));
    assert!(resolved.contains(&format!(
        "id=\"c-0-0-3-3.1.1\" data-period=\"2023-q1\" data-cell-severity=\"{}\"",
        flow.severity
    )));
    assert!(resolved.contains(&format!(
        "id=\"c-0-1-3-3.1.1\" data-period=\"2023-half_year\" data-cell-severity=\"{}\"",
        flow.severity
    )));
    // Each with its period, linked to the other.
    assert!(resolved.contains("<b>Quý I năm 2023:</b>"));
    assert!(resolved.contains("<b>6 tháng năm 2023:</b>"));
    assert!(resolved.contains("<a href=\"#c-0-0-3-3.1.1\">3/3.1.1</a> (Quý I năm 2023)"));
    // Each report's own findings in its column: the sum of 3/1.4 in both.
    let total = row(&page, 3, "1.4");
    assert!(
        total.contains("id=\"c-0-0-3-1.4\" data-period=\"2023-q1\" data-cell-severity=\"error\"")
    );
    assert!(total.contains(
        "id=\"c-0-1-3-1.4\" data-period=\"2023-half_year\" data-cell-severity=\"error\""
    ));
    // A cell no finding touches is not marked.
    assert!(row(&page, 2, "1").starts_with("<tr data-form=\"2\" data-stt=\"1\">"));
}

#[test]
fn a_report_without_a_period_stands_on_its_own() {
    let mut reports = q1_and_half_year();
    reports[1].meta.period = None;
    let findings: Vec<Findings> = reports.iter().map(Report::validate).collect();
    let views: Vec<ReportView<'_>> = reports
        .iter()
        .zip(&findings)
        .map(|(r, f)| ReportView::new(r, f))
        .collect();
    let across = check_reports(&reports);
    let page = html::render_reports_html(&views, &across, Languages::English);
    assert_eq!(
        page.matches("<section class=\"group\" id=\"group-").count(),
        2
    );
    assert!(page.contains("Reports not placed in a year"));
    assert!(page.contains("id=\"c-1-0-3-1.4\" data-period=\"none\" data-cell-severity=\"error\""));
}

#[test]
fn an_aggregate_lists_its_members_and_names_those_that_make_a_total_fail() {
    let mut clean = samples::bac_giang_2023_q3();
    clean.meta.body = "UBND huyện <Sạch>".to_owned();
    clean.set_cell_text(CellId::of(3, "1.4"), "1.896").unwrap();
    let members = [samples::bac_giang_2023_q3(), clean];
    let total = aggregate("Tổng hợp", &members).expect("two reports of one period");
    let findings = total.validate();
    let page = html::render_aggregate_html(&total, &findings, Languages::Vietnamese);
    // 1.902 + 1.896 = 3.798 against (1.486 + 255 + 155) × 2 = 3.792.
    let sum = row(&page, 3, "1.4");
    assert!(sum.contains("data-severity=\"error\""));
    assert!(sum.contains("aggregate:sum:3/1.4"));
    assert!(sum.contains("<a href=\"#member-0\">1</a>"));
    assert!(!sum.contains("#member-1"));
    // The members listed, the first named as making the sum fail.
    let members_list = &page[page.find("<ol class=\"members\">").expect("members")..];
    let first = &members_list[..members_list.find("</li>").expect("an item")];
    assert!(first.contains("UBND tỉnh Bắc Giang"));
    assert!(first.contains("aggregate:sum:3/1.4"));
    assert!(members_list.contains("UBND huyện &lt;Sạch&gt;"));
}

#[cfg(feature = "office")]
mod workbook {
    use super::*;
    use cchc_forms::render::workbook::{render_aggregate_xlsx, render_reports_xlsx, render_xlsx};
    use std::io::Read as _;

    /// The files of a workbook, by name.
    fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut files = std::collections::BTreeMap::new();
        for index in 0..archive.len() {
            let mut file = archive.by_index(index).expect("a file");
            let mut text = String::new();
            if file.read_to_string(&mut text).is_ok() {
                files.insert(file.name().to_owned(), text);
            }
        }
        files
    }

    /// XML text unescaped, as a cell shows it.
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    /// The shared strings, in order.
    fn strings(files: &std::collections::BTreeMap<String, String>) -> Vec<String> {
        let xml = &files["xl/sharedStrings.xml"];
        xml.split("<si>")
            .skip(1)
            .map(|item| {
                let item = &item[..item.find("</si>").expect("an item")];
                let mut text = String::new();
                for piece in item.split("<t").skip(1) {
                    let start = piece.find('>').expect("a tag") + 1;
                    let end = piece.find("</t>").unwrap_or(start);
                    text.push_str(&unescape(&piece[start..end]));
                }
                text
            })
            .collect()
    }

    /// The cells of a sheet: reference → (text, style index).
    fn cells(
        files: &std::collections::BTreeMap<String, String>,
        sheet: usize,
    ) -> std::collections::BTreeMap<String, (String, usize)> {
        let strings = strings(files);
        let xml = &files[&format!("xl/worksheets/sheet{sheet}.xml")];
        let mut out = std::collections::BTreeMap::new();
        for piece in xml.split("<c ").skip(1) {
            let tag = &piece[..piece.find('>').expect("a tag")];
            let attribute = |name: &str| {
                let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
                let end = start + tag[start..].find('"')?;
                Some(tag[start..end].to_owned())
            };
            let reference = attribute("r").expect("a reference");
            let style = attribute("s").map_or(0, |s| s.parse().expect("a style"));
            let text = match (attribute("t").as_deref(), piece.find("<v>")) {
                (Some("s"), Some(at)) => {
                    let end = piece.find("</v>").expect("a value");
                    strings[piece[at + 3..end].parse::<usize>().expect("an index")].clone()
                }
                (_, Some(at)) => piece[at + 3..piece.find("</v>").expect("a value")].to_owned(),
                _ => String::new(),
            };
            out.insert(reference, (text, style));
        }
        out
    }

    /// The fill colour (`FFRRGGBB`) of a cell style, if it has a solid fill.
    fn fill_of(files: &std::collections::BTreeMap<String, String>, style: usize) -> Option<String> {
        let xml = &files["xl/styles.xml"];
        let xfs = &xml[xml.find("<cellXfs").expect("cell formats")..];
        let xf = xfs.split("<xf ").nth(style + 1)?;
        let id_at = xf.find("fillId=\"")? + 8;
        let fill: usize = xf[id_at..id_at + xf[id_at..].find('"')?].parse().ok()?;
        let all_fills = &xml[xml.find("<fills").expect("fills")..];
        let fill = all_fills.split("<fill>").nth(fill + 1)?;
        let at = fill.find("<fgColor rgb=\"")? + 14;
        Some(fill[at..at + 8].to_owned())
    }

    /// The comments of a sheet: reference → text.
    fn comments(
        files: &std::collections::BTreeMap<String, String>,
        sheet: usize,
    ) -> std::collections::BTreeMap<String, String> {
        // The sheet's relationships name its comments file.
        let rels = &files[&format!("xl/worksheets/_rels/sheet{sheet}.xml.rels")];
        let start = rels.find("Target=\"../comments").expect("a comments part") + 11;
        let end = start + rels[start..].find('"').expect("a target");
        let target = &rels[start..end];
        let xml = &files[&format!("xl/{target}")];
        let mut out = std::collections::BTreeMap::new();
        for piece in xml.split("<comment ref=\"").skip(1) {
            let reference = piece[..piece.find('"').expect("a reference")].to_owned();
            let mut text = String::new();
            for t in piece.split("<t").skip(1) {
                let start = t.find('>').expect("a tag") + 1;
                if let Some(end) = t.find("</t>") {
                    text.push_str(&unescape(&t[start..end]));
                }
            }
            out.insert(reference, text);
        }
        out
    }

    /// The row (1-based) whose column A holds `stt` in the cells of a sheet.
    fn row_of(cells: &std::collections::BTreeMap<String, (String, usize)>, stt: &str) -> u32 {
        cells
            .iter()
            .find(|(reference, (text, _))| {
                reference.starts_with('A') && reference[1..].parse::<u32>().is_ok() && text == stt
            })
            .map_or_else(
                || panic!("no row {stt}"),
                |(reference, _)| reference[1..].parse().expect("a row"),
            )
    }

    #[test]
    #[allow(clippy::too_many_lines)]
    fn the_sample_workbook_has_a_sheet_per_form_and_a_sheet_of_findings() {
        let report = samples::bac_giang_2023_q3();
        let findings = report.validate();
        let bytes = render_xlsx(&ReportView::new(&report, &findings), Languages::Vietnamese)
            .expect("a workbook");
        let files = unzip(&bytes);
        let workbook = &files["xl/workbook.xml"];
        let names: Vec<&str> = workbook
            .split("<sheet name=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').expect("a name")])
            .collect();
        assert_eq!(
            names,
            [
                "Biểu 1",
                "Biểu 2",
                "Biểu 3",
                "Biểu 4",
                "Biểu 5",
                "Biểu 6",
                "Biểu 7",
                "Phát hiện",
                "Thông tin"
            ]
        );
        // The report's metadata as the `#!` lines the readers read.
        let information = cells(&files, 9);
        assert_eq!(information["A1"].0, "#! body: UBND tỉnh Bắc Giang");
        assert_eq!(information["A2"].0, "#! level: province");
        assert_eq!(information["A3"].0, "#! period: 2023 Q3");
        // Form 3: STT in column A, label, unit, the value as printed in D.
        let sheet = cells(&files, 3);
        let at = row_of(&sheet, "1.4");
        assert_eq!(
            sheet[&format!("B{at}")].0,
            CellId::of(3, "1.4").indicator().label_vi
        );
        assert_eq!(
            sheet[&format!("C{at}")].0,
            CellId::of(3, "1.4").indicator().unit_vi
        );
        assert_eq!(sheet[&format!("D{at}")].0, "1.902");
        // Filled with the error's tint, and commented with the rule and message.
        assert_eq!(
            fill_of(&files, sheet[&format!("D{at}")].1).as_deref(),
            Some("FFFDE2E2")
        );
        let notes = comments(&files, 3);
        let note = &notes[&format!("D{at}")];
        assert!(note.contains("sum:3/1.4"), "{note}");
        assert!(
            note.contains("1.486 + 255 + 155 = 1.896 (chênh lệch 6)"),
            "{note}"
        );
        // The parts are not filled nor commented.
        let part = row_of(&sheet, "1.4.1");
        assert_eq!(sheet[&format!("D{part}")].0, "1.486");
        assert_eq!(fill_of(&files, sheet[&format!("D{part}")].1), None);
        assert!(!notes.contains_key(&format!("D{part}")));
        // Exactly the four flagged cells are commented, across the sheets.
        let mut commented = BTreeSet::new();
        for (form, stt, severity) in SAMPLE_FLAGGED {
            let sheet = cells(&files, usize::from(form));
            let at = row_of(&sheet, stt);
            let fill = fill_of(&files, sheet[&format!("D{at}")].1);
            let expected = match severity {
                "error" => "FFFDE2E2",
                "warning" => "FFFEF3C7",
                _ => "FFDBEAFE",
            };
            assert_eq!(fill.as_deref(), Some(expected), "{form}/{stt}");
            commented.insert((form, at));
        }
        let all: BTreeSet<(u8, u32)> = (1..=7u8)
            .flat_map(|form| {
                let rels = format!("xl/worksheets/_rels/sheet{form}.xml.rels");
                if files.get(&rels).is_some_and(|r| r.contains("comments")) {
                    comments(&files, usize::from(form))
                        .keys()
                        .map(|r| (form, r[1..].parse().expect("a row")))
                        .collect::<Vec<_>>()
                } else {
                    Vec::new()
                }
            })
            .collect();
        assert_eq!(all, commented);
        // The derived value of 1/2 in its note column: 100 × 40 / 56 = 71,43.
        let form1 = cells(&files, 1);
        let at = row_of(&form1, "2");
        assert_eq!(form1[&format!("D{at}")].0, "");
        assert!(form1[&format!("E{at}")].0.contains("Tính được: 71,43"));
        // The findings sheet: one row per finding, both languages.
        let list = cells(&files, 8);
        assert_eq!(list["A1"].0, "Biểu");
        let rules: BTreeSet<String> = (2..=5).map(|r| list[&format!("E{r}")].0.clone()).collect();
        assert_eq!(
            rules,
            [
                "across:4/1.5==6/2.1",
                "derivable:1/2",
                "derivable:6/1",
                "sum:3/1.4"
            ]
            .into_iter()
            .map(str::to_owned)
            .collect()
        );
        assert!(!list.contains_key("E6"));
        let sum = (2..=5)
            .find(|r| list[&format!("E{r}")].0 == "sum:3/1.4")
            .expect("the sum");
        assert_eq!(list[&format!("A{sum}")].0, "3");
        assert_eq!(list[&format!("B{sum}")].0, "1.4");
        assert_eq!(list[&format!("D{sum}")].0, "Lỗi");
        assert!(
            list[&format!("F{sum}")]
                .0
                .starts_with("Biểu 3: mục 1.4 = 1.902")
        );
        assert!(
            list[&format!("G{sum}")]
                .0
                .starts_with("Form 3: row 1.4 = 1902")
        );
        assert_eq!(list[&format!("H{sum}")].0, "1.902");
        assert_eq!(list[&format!("I{sum}")].0, "1.896");
    }

    #[test]
    fn with_localisation_the_findings_sheet_and_the_comment_give_the_suggestion() {
        let report = samples::bac_giang_2023_q3();
        let findings = report.validate();
        let located = report.locate();
        let view = ReportView::new(&report, &findings).with_localisation(&located);
        let files = unzip(&render_xlsx(&view, Languages::Both).expect("a workbook"));
        let list = cells(&files, 8);
        let sum = (2..=5)
            .find(|r| list[&format!("E{r}")].0 == "sum:3/1.4")
            .expect("the sum");
        assert_eq!(list[&format!("J{sum}")].0, "1.896");
        let sheet = cells(&files, 3);
        let at = row_of(&sheet, "1.4.2");
        assert!(sheet[&format!("E{at}")].0.contains("Đề xuất: 261"));
        let note = &comments(&files, 3)[&format!("D{}", row_of(&sheet, "1.4"))];
        assert!(note.contains("Lỗi / Error [sum:3/1.4]"), "{note}");
        assert!(note.contains("Đề xuất: 1.896"), "{note}");
    }

    #[test]
    fn hostile_text_is_kept_as_text_in_the_workbook() {
        let mut report = samples::bac_giang_2023_q3();
        report.meta.body = HOSTILE.concat();
        let findings = report.validate();
        let files = unzip(
            &render_xlsx(&ReportView::new(&report, &findings), Languages::Vietnamese)
                .expect("a workbook"),
        );
        assert!(
            strings(&files)
                .iter()
                .any(|s| s.contains(&HOSTILE.concat()))
        );
        for (_, xml) in files {
            assert!(!xml.contains("<script"));
        }
    }

    #[test]
    fn several_reports_and_an_aggregate_make_workbooks_too() {
        let reports = q1_and_half_year();
        let findings: Vec<Findings> = reports.iter().map(Report::validate).collect();
        let views: Vec<ReportView<'_>> = reports
            .iter()
            .zip(&findings)
            .map(|(r, f)| ReportView::new(r, f))
            .collect();
        let across = check_reports(&reports);
        let files = unzip(
            &render_reports_xlsx(&views, &across, Languages::Vietnamese).expect("a workbook"),
        );
        let sheet = cells(&files, 3);
        let at = row_of(&sheet, "3.1.1");
        // Q1 in D, the half-year in E: both commented with the flow's rule.
        let notes = comments(&files, 3);
        assert!(notes[&format!("D{at}")].contains("period:flow:3/3.1.1"));
        assert!(notes[&format!("E{at}")].contains("period:flow:3/3.1.1"));
        assert_eq!(sheet["D4"].0, "UBND tỉnh Bắc Giang — Quý I năm 2023");

        // Two bodies: a total counts a body once.
        let mut other = samples::bac_giang_2023_q3();
        other.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
        let members = [samples::bac_giang_2023_q3(), other];
        let total = aggregate("Tổng hợp", &members).expect("an aggregate");
        let found = total.validate();
        let files = unzip(
            &render_aggregate_xlsx(&total, &found, Languages::Vietnamese).expect("a workbook"),
        );
        let sheet = cells(&files, 3);
        let at = row_of(&sheet, "1.4");
        // 1.902 × 2 = 3.804 reported in the total.
        assert_eq!(sheet[&format!("D{at}")].0, "3.804");
        assert!(comments(&files, 3)[&format!("D{at}")].contains("aggregate:sum:3/1.4"));
        let members_sheet = cells(&files, 9);
        assert_eq!(members_sheet["B2"].0, "UBND tỉnh Bắc Giang");
        assert!(members_sheet["C2"].0.contains("aggregate:sum:3/1.4"));
        // In every language: a sheet's name cannot hold the `/` of "both",
        // so a workbook of both names its sheets in Vietnamese.
        for languages in [Languages::English, Languages::Both] {
            let files =
                unzip(&render_aggregate_xlsx(&total, &found, languages).expect("a workbook"));
            let book = &files["xl/workbook.xml"];
            let members = if languages == Languages::English {
                "Members"
            } else {
                "Thành phần"
            };
            assert!(book.contains(&format!("name=\"{members}\"")), "{book}");
        }
    }

    /// Where `LibreOffice` is installed, it opens the workbook and converts
    /// every sheet without error (`.ci/render.sh` installs it and sets
    /// `CCHC_REQUIRE_LIBREOFFICE`, so that there the check cannot be skipped).
    #[test]
    fn libreoffice_converts_the_workbook_where_installed() {
        let Some(office) = ["soffice", "libreoffice"].into_iter().find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        }) else {
            // `.ci/render.sh` installs it and requires the check.
            assert!(
                std::env::var_os("CCHC_REQUIRE_LIBREOFFICE").is_none(),
                "CCHC_REQUIRE_LIBREOFFICE is set but LibreOffice is not installed"
            );
            eprintln!("LibreOffice not installed: conversion not checked");
            return;
        };
        let report = samples::bac_giang_2023_q3();
        let findings = report.validate();
        let located = report.locate();
        let view = ReportView::new(&report, &findings).with_localisation(&located);
        let bytes = render_xlsx(&view, Languages::Both).expect("a workbook");
        let dir = std::env::temp_dir().join(format!("cchc-render-lo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a directory");
        let input = dir.join("sample.xlsx");
        std::fs::write(&input, &bytes).expect("written");
        let output = std::process::Command::new(office)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3",
            ])
            .arg("--outdir")
            .arg(&dir)
            .arg(&input)
            .env("HOME", &dir)
            .output()
            .expect("LibreOffice runs");
        assert!(output.status.success(), "{output:?}");
        let form3 = std::fs::read_to_string(dir.join("sample-Biểu 3.csv"))
            .expect("form 3's sheet converted");
        assert!(
            form3.contains("\n1.4,Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương,Thủ tục,1.902,\"Lỗi / Error [sum:3/1.4]"),
            "{form3}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
