//! An Excel workbook's sheets, as the printed forms' text or as rows.

use std::str::FromStr as _;

use rust_decimal::{Decimal, RoundingStrategy};

use super::container::Container;
use super::xml::{Event, Xml, attribute};
use super::{
    Kind, Lines, MAX_CELLS, MAX_SHARED_STRINGS, MAX_SHEET_ROWS, MAX_SHEETS, Origin, Special,
    column_name, form_heading, is_stt, open_as, refuse, too_large,
};
use crate::error::{DocumentProblem, Error, Place, echo};
use crate::number::format_decimal;
use crate::printed::read_printed;
use crate::rows::{ImportWarning, Imported, WarningKind, read_tsv};

/// Reads a report from an Excel workbook (`.xlsx`).
///
/// The sheets are read in the workbook's order. Sheets of printed forms
/// (a sheet per form, named for it or titled `Biểu mẫu N`, or one sheet of
/// every form under its heading; columns STT, label, unit, value, note as
/// their headings name them) are read as
/// [`read_printed`] reads the printed forms; rows `form | STT | value`
/// (a column headed `Biểu mẫu`, `Biểu` or `form` beside one headed `STT`,
/// or rows without headings whose first cells are a form number and an
/// STT) as [`read_tsv`] reads rows. Each sheet is looked at alone: rows
/// need a value column (`Số liệu`, `value`); sheets of rows are read when
/// there are any, else the sheets of forms, and a sheet that is neither
/// (the findings sheet `Phát hiện` of the workbook `render::workbook`
/// writes, a list of members) is then skipped (a workbook of neither is
/// read whole, as before). Numbers are printed with the
/// precision of their cell's number format (see the [module](super)).
///
/// # Errors
/// [`Error::Rows`]: the problems the text readers find, each with its
/// sheet and cell; a date or a boolean where a number is due
/// ([`DocumentProblem::DateNotNumber`], [`DocumentProblem::BooleanNotNumber`]);
/// or one [`DocumentProblem`] when the bytes are no workbook (an old `.xls`,
/// a PDF, a `.docx`: what to do is in the message), the container is
/// damaged, or a limit of the [module](super) is passed.
///
/// # Example
/// ```
/// use cchc_forms::office::read_xlsx;
/// use cchc_forms::{CellProblem, DocumentProblem, Error};
/// let Err(Error::Rows(problems)) = read_xlsx(b"%PDF-1.7 ...") else { panic!() };
/// assert!(matches!(problems[0].problem, CellProblem::Document(DocumentProblem::WrongKind { .. })));
/// assert!(problems[0].message_en().starts_with("the file is a PDF, not a .xlsx document"));
/// ```
pub fn read_xlsx(bytes: &[u8]) -> Result<Imported, Error> {
    if let Some(error) = too_large(bytes) {
        return Err(error);
    }
    let mut container = open_as(bytes, Kind::Xlsx)?;
    let workbook = Workbook::read(&mut container)?;
    let names: Vec<String> = workbook.sheets.iter().map(|s| s.name.clone()).collect();
    let (lines, rows) = workbook.lines().map_err(|problem| refuse(problem, None))?;
    lines.read(if rows { read_tsv } else { read_printed }, &names)
}

/// The problem of a part, placed at the part.
fn in_part(part: &str) -> impl Fn(DocumentProblem) -> Error + '_ {
    move |problem| {
        refuse(
            problem,
            Some(Place::Part {
                part: part.to_owned(),
            }),
        )
    }
}

/// Reads a part that must be there.
fn required(container: &mut Container<'_>, part: &str) -> Result<Vec<u8>, Error> {
    container
        .read(part)
        .map_err(in_part(part))?
        .ok_or_else(|| in_part(part)(DocumentProblem::PartMissing))
}

/// A cell's number format, as far as printing a number goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// General (or text, fractions, scientific): the shortest decimal.
    General,
    /// Fixed decimals; each `%` multiplies by 100, each final `,` divides
    /// by 1,000.
    Fixed {
        decimals: u32,
        percent: u32,
        thousands: u32,
    },
    /// A date or a time.
    Date,
}

impl Format {
    /// The format of a number format code (its first section).
    fn of_code(code: &str) -> Format {
        let section = split_section(code);
        let mut kept = String::new();
        let mut chars = section.chars();
        let mut elapsed = false;
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    for inner in chars.by_ref() {
                        if inner == '"' {
                            break;
                        }
                    }
                }
                '\\' | '_' | '*' => {
                    chars.next();
                }
                '[' => {
                    let inside: String = chars.by_ref().take_while(|&c| c != ']').collect();
                    let lower = inside.to_ascii_lowercase();
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(&lower.as_str()) {
                        elapsed = true;
                    }
                }
                c => kept.push(c.to_ascii_lowercase()),
            }
        }
        if elapsed {
            return Format::Date;
        }
        if kept.contains("general") || kept.trim().is_empty() || kept.contains('@') {
            return Format::General;
        }
        if kept
            .chars()
            .any(|c| matches!(c, 'y' | 'm' | 'd' | 'h' | 's'))
        {
            return Format::Date;
        }
        if kept.contains("e+") || kept.contains("e-") || kept.contains('/') {
            return Format::General;
        }
        let percent = u32::try_from(kept.matches('%').count()).unwrap_or(u32::MAX);
        let placeholder = |c: char| matches!(c, '0' | '#' | '?');
        let decimals = kept.find('.').map_or(0, |dot| {
            u32::try_from(
                kept[dot + 1..]
                    .chars()
                    .take_while(|&c| placeholder(c) || c == ',')
                    .filter(|&c| placeholder(c))
                    .count(),
            )
            .unwrap_or(0)
        });
        let thousands = kept.rfind(placeholder).map_or(0, |last| {
            u32::try_from(kept[last + 1..].chars().take_while(|&c| c == ',').count()).unwrap_or(0)
        });
        Format::Fixed {
            decimals,
            percent,
            thousands,
        }
    }

    /// The format of a built-in number format id.
    fn of_id(id: u32) -> Format {
        match id {
            1 | 3 | 37 | 38 => Format::Fixed {
                decimals: 0,
                percent: 0,
                thousands: 0,
            },
            2 | 4 | 39 | 40 => Format::Fixed {
                decimals: 2,
                percent: 0,
                thousands: 0,
            },
            9 => Format::Fixed {
                decimals: 0,
                percent: 1,
                thousands: 0,
            },
            10 => Format::Fixed {
                decimals: 2,
                percent: 1,
                thousands: 0,
            },
            14..=22 | 27..=36 | 45..=47 | 50..=58 => Format::Date,
            _ => Format::General,
        }
    }
}

/// The first section of a format code (before a `;` outside quotes).
fn split_section(code: &str) -> &str {
    let mut quoted = false;
    for (index, c) in code.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return &code[..index],
            _ => {}
        }
    }
    code
}

/// The shortest decimal that gives back the float (`0.993`, never
/// `0.99299999…`): Rust's shortest round-trip printing, parsed exactly.
fn shortest(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_str(&format!("{value}")).ok()
}

/// A number printed as its format prints it, the Vietnamese way; `None`
/// when no decimal holds it.
fn printed(value: f64, format: Format) -> Option<String> {
    let decimal = shortest(value)?;
    match format {
        Format::General | Format::Date => Some(format_decimal(&decimal.normalize())),
        Format::Fixed {
            decimals,
            percent,
            thousands,
        } => {
            let mut scaled = decimal;
            for _ in 0..percent.min(4) {
                scaled = scaled.checked_mul(Decimal::ONE_HUNDRED)?;
            }
            for _ in 0..thousands.min(4) {
                scaled = scaled.checked_div(Decimal::ONE_THOUSAND)?;
            }
            let decimals = decimals.min(20);
            let mut rounded =
                scaled.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
            rounded.rescale(decimals);
            Some(format_decimal(&rounded))
        }
    }
}

/// A number where it is no value: as Excel's General shows it, with a
/// decimal point (`1.1` for an STT, `3` for a form).
fn plain(value: f64) -> String {
    shortest(value).map_or_else(|| format!("{value}"), |d| d.normalize().to_string())
}

/// A date's serial number as `YYYY-MM-DD` (the 1900 or 1904 system).
fn date(serial: f64, date1904: bool) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    // Whole days only: the fraction is the time of day.
    let days = serial.floor();
    #[allow(clippy::cast_possible_truncation)]
    let days = days as i64;
    // Days from 1970-01-01.
    let unix = if date1904 {
        days - 24_107
    } else if days >= 61 {
        days - 25_569
    } else {
        // Before Excel's 29 February 1900, which never was.
        days - 25_568
    };
    let (year, month, day) = civil(unix);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The calendar date of a day counted from 1970-01-01 (H. Hinnant's
/// algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// Text: a shared string.
    Shared(u32),
    /// Text kept in the sheet's own buffer: `start..end`.
    Own(u32, u32),
    /// A number and its cell's format.
    Number(f64, Format),
    /// TRUE or FALSE.
    Boolean(bool),
    /// A date written as text (`t="d"`): `start..end` of the buffer.
    IsoDate(u32, u32),
    /// A formula without a saved value.
    Unsaved,
}

/// A cell: its row (from 1), column (from 0), value.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cell {
    row: u32,
    column: u32,
    value: Value,
}

/// A sheet: its name, cells sorted by row then column, text, merges.
#[derive(Debug, Default)]
struct Sheet {
    name: String,
    cells: Vec<Cell>,
    text: String,
    /// Merged ranges: first row, first column, last column.
    merges: Vec<(u32, u32, u32)>,
}

/// A workbook as read: its sheets and shared strings.
#[derive(Debug, Default)]
struct Workbook {
    sheets: Vec<Sheet>,
    /// Every shared string, one after the other.
    strings: String,
    /// Where each shared string is in `strings`.
    string_ends: Vec<(u32, u32)>,
    date1904: bool,
}

/// The directory of a part (`xl/` of `xl/workbook.xml`).
fn directory(part: &str) -> &str {
    part.rfind('/').map_or("", |slash| &part[..=slash])
}

/// A relationship's target, resolved against the part it is relative to.
fn resolve(base: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = directory(base)
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// The relationships of a part: id, type, target (resolved).
fn relationships(xml: &[u8], base: &str) -> Result<Vec<(String, String, String)>, DocumentProblem> {
    let mut xml = Xml::new(xml);
    xml.want_text = false;
    let mut out = Vec::new();
    loop {
        match xml.next()? {
            Event::Eof => return Ok(out),
            Event::Start(start) | Event::Empty(start) if start.local_name() == b"Relationship" => {
                if out.len() >= super::MAX_PARTS {
                    return Err(DocumentProblem::TooManyParts {
                        parts: out.len() as u64,
                        limit: super::MAX_PARTS,
                    });
                }
                let id = attribute(&start, b"Id").unwrap_or_default();
                let kind = attribute(&start, b"Type").unwrap_or_default();
                let target = attribute(&start, b"Target").unwrap_or_default();
                out.push((id.into_owned(), kind.into_owned(), resolve(base, &target)));
            }
            _ => {}
        }
    }
}

/// The `_rels/…rels` part of a part.
fn rels_of(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    }
}

impl Workbook {
    fn read(container: &mut Container<'_>) -> Result<Workbook, Error> {
        let mut workbook_part = "xl/workbook.xml".to_owned();
        if let Some(root) = container
            .read("_rels/.rels")
            .map_err(in_part("_rels/.rels"))?
        {
            let rels = relationships(&root, "").map_err(in_part("_rels/.rels"))?;
            if let Some((_, _, target)) = rels
                .into_iter()
                .find(|(_, kind, _)| kind.ends_with("/officeDocument"))
            {
                if container.has(&target) {
                    workbook_part = target;
                }
            }
        }
        let rels_part = rels_of(&workbook_part);
        let rels = match container.read(&rels_part).map_err(in_part(&rels_part))? {
            Some(xml) => relationships(&xml, &workbook_part).map_err(in_part(&rels_part))?,
            None => Vec::new(),
        };
        let xml = required(container, &workbook_part)?;
        let (declared, date1904) = sheets_of(&xml).map_err(in_part(&workbook_part))?;
        let mut workbook = Workbook {
            date1904,
            ..Workbook::default()
        };
        let target = |suffix: &str, fallback: &str| {
            rels.iter()
                .find(|(_, kind, _)| kind.ends_with(suffix))
                .map_or_else(|| fallback.to_owned(), |(_, _, target)| target.clone())
        };
        let strings_part = target("/sharedStrings", "xl/sharedStrings.xml");
        if let Some(xml) = container
            .read(&strings_part)
            .map_err(in_part(&strings_part))?
        {
            workbook
                .shared_strings(&xml)
                .map_err(in_part(&strings_part))?;
        }
        let styles_part = target("/styles", "xl/styles.xml");
        let formats = match container
            .read(&styles_part)
            .map_err(in_part(&styles_part))?
        {
            Some(xml) => formats(&xml).map_err(in_part(&styles_part))?,
            None => Vec::new(),
        };
        let mut cells = 0_usize;
        for (name, id) in declared {
            let part = rels
                .iter()
                .find(|(rel, _, _)| *rel == id)
                .map(|(_, _, target)| target.clone())
                .ok_or_else(|| in_part(&workbook_part)(DocumentProblem::PartMissing))?;
            let xml = required(container, &part)?;
            let sheet = read_sheet(&xml, name, &formats, &mut cells).map_err(in_part(&part))?;
            workbook.sheets.push(sheet);
        }
        Ok(workbook)
    }

    /// Reads the shared strings, each once.
    fn shared_strings(&mut self, xml: &[u8]) -> Result<(), DocumentProblem> {
        let mut xml = Xml::new(xml);
        xml.want_text = false;
        xml.want_text = false;
        let mut in_text = false;
        let mut phonetic = 0_usize;
        let mut start = 0_u32;
        loop {
            match xml.next()? {
                Event::Eof => return Ok(()),
                Event::Start(element) => match element.local_name() {
                    b"si" => {
                        if self.string_ends.len() >= MAX_SHARED_STRINGS {
                            return Err(DocumentProblem::TooMany {
                                what_en: "shared strings",
                                what_vi: "chuỗi dùng chung",
                                limit: MAX_SHARED_STRINGS,
                            });
                        }
                        start = offset(&self.strings);
                    }
                    b"t" => {
                        in_text = true;
                        xml.want_text = true;
                    }
                    b"rPh" => phonetic += 1,
                    _ => {}
                },
                Event::Empty(element) if element.local_name() == b"si" => {
                    if self.string_ends.len() >= MAX_SHARED_STRINGS {
                        return Err(DocumentProblem::TooMany {
                            what_en: "shared strings",
                            what_vi: "chuỗi dùng chung",
                            limit: MAX_SHARED_STRINGS,
                        });
                    }
                    let at = offset(&self.strings);
                    self.string_ends.push((at, at));
                }
                Event::Text(text) if in_text && phonetic == 0 => self.strings.push_str(text),
                Event::Char(c) if in_text && phonetic == 0 => self.strings.push(c),
                Event::End(element) => match element.local_name() {
                    b"si" => self.string_ends.push((start, offset(&self.strings))),
                    b"t" => {
                        in_text = false;
                        xml.want_text = false;
                    }
                    b"rPh" => phonetic = phonetic.saturating_sub(1),
                    _ => {}
                },
                _ => {}
            }
        }
    }

    /// A shared string by its index.
    fn string(&self, index: u32) -> &str {
        self.string_ends
            .get(index as usize)
            .and_then(|&(start, end)| self.strings.get(start as usize..end as usize))
            .unwrap_or_default()
    }

    /// A cell's text as a text cell (numbers by `number`).
    fn text<'s>(&'s self, sheet: &'s Sheet, value: Value) -> &'s str {
        match value {
            Value::Shared(index) => self.string(index),
            Value::Own(start, end) | Value::IsoDate(start, end) => sheet
                .text
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            _ => "",
        }
    }

    /// The text of the workbook, and whether it is rows rather than
    /// printed forms.
    ///
    /// Each sheet is looked at alone: rows `form | STT | value` (a form
    /// column and a value column under their headings, or rows without
    /// headings), printed forms (a sheet named for a form, or printing a
    /// form's heading), or neither (a list of findings headed `Biểu`,
    /// `STT`, …, a list of members). Sheets of rows are read when there
    /// are any, else sheets of forms; a sheet that is neither is then
    /// skipped, so that nothing is read from it. A workbook with neither
    /// is read as before there were roles: rows when a sheet has a form
    /// column (its value the column after the STT), else every sheet as
    /// printed forms, whose reader finds what it finds.
    fn lines(&self) -> Result<(Lines, bool), DocumentProblem> {
        let layouts: Vec<Layout> = self.sheets.iter().map(|sheet| self.layout(sheet)).collect();
        let roles: Vec<Role> = self
            .sheets
            .iter()
            .zip(&layouts)
            .map(|(sheet, layout)| self.role(sheet, layout))
            .collect();
        let wanted = if roles.contains(&Role::Rows) {
            Some(Role::Rows)
        } else if roles.contains(&Role::Forms) {
            Some(Role::Forms)
        } else {
            None
        };
        let rows = match wanted {
            Some(role) => role == Role::Rows,
            None => layouts.iter().any(|layout| layout.form.is_some()),
        };
        let mut lines = Lines::default();
        for (index, ((sheet, layout), role)) in
            self.sheets.iter().zip(&layouts).zip(&roles).enumerate()
        {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            if wanted.is_some_and(|wanted| wanted != *role) {
                // Not the forms' values, but perhaps their metadata (the
                // annotated workbook's `Thông tin`).
                self.metadata_of(&mut lines, index, sheet)?;
                continue;
            }
            if rows {
                if layout.form.is_some() {
                    self.rows_of(&mut lines, index, sheet, layout)?;
                } else {
                    self.metadata_of(&mut lines, index, sheet)?;
                }
            } else {
                self.printed_of(&mut lines, index, sheet, layout)?;
            }
        }
        Ok((lines, rows))
    }

    /// What a sheet holds, by its name and its headings.
    fn role(&self, sheet: &Sheet, layout: &Layout) -> Role {
        // Rows need their values: under a heading (`Số liệu`, `value`), or
        // the column after the STT in rows without headings.
        let headless = layout.header_row == 0;
        if layout.form.is_some() && (layout.value.is_some() || headless) {
            Role::Rows
        } else if sheet_form(&sheet.name).is_some() || self.has_heading(sheet) {
            Role::Forms
        } else {
            Role::Other
        }
    }

    /// Whether a sheet prints a form's heading (`Biểu mẫu 3`) in a text cell.
    fn has_heading(&self, sheet: &Sheet) -> bool {
        sheet.cells.iter().any(|cell| {
            matches!(cell.value, Value::Shared(_) | Value::Own(..))
                && form_heading(self.text(sheet, cell.value)).is_some()
        })
    }

    /// Where a sheet's columns are, from its headings.
    fn layout(&self, sheet: &Sheet) -> Layout {
        let heading = |value: Value| -> String {
            let text = self.text(sheet, value);
            // Column headings are short (`Biểu mẫu`, `STT`, `Số liệu`): a
            // longer text is none.
            if text.len() > 24 {
                return String::new();
            }
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let mut layout = Layout::default();
        let mut first_column = u32::MAX;
        for cell in &sheet.cells {
            first_column = first_column.min(cell.column);
            let text = heading(cell.value);
            if text == "stt" && layout.stt.is_none() {
                layout.stt = Some(cell.column);
                layout.header_row = cell.row;
            }
        }
        for cell in sheet.cells.iter().filter(|cell| {
            layout.stt.is_some()
                && (cell.row == layout.header_row || cell.row == layout.header_row + 1)
        }) {
            let text = heading(cell.value);
            let text = text.trim_end_matches([':', '.']);
            if [
                "form",
                "biểu",
                "biểu mẫu",
                "biểu số",
                "bm",
                "mẫu",
                "mẫu biểu",
            ]
            .contains(&text)
                && cell.row == layout.header_row
            {
                layout.form = Some(cell.column);
            } else if ["số liệu", "value", "giá trị", "kết quả", "số liệu báo cáo"].contains(&text)
                && layout.value.is_none()
            {
                layout.value = Some(cell.column);
            }
        }
        if layout.stt.is_none() && first_column != u32::MAX {
            // Rows without headings: a form number, then an STT.
            let first_row = sheet.cells.iter().filter(|c| c.row == sheet.cells[0].row);
            let mut values = first_row.map(|cell| (cell.column, cell.value));
            let form = values.next();
            let stt = values.next();
            if let (Some((form_column, form)), Some((stt_column, stt))) = (form, stt) {
                let form_ok = match form {
                    Value::Number(n, _) => (1.0..=7.0).contains(&n) && n.fract() == 0.0,
                    other => {
                        let text = self.text(sheet, other).trim().to_owned();
                        text.parse::<u8>().is_ok_and(|n| (1..=7).contains(&n))
                    }
                };
                let stt_ok = match stt {
                    Value::Number(..) => true,
                    other => is_stt(self.text(sheet, other)),
                };
                if form_ok && stt_ok && stt_column == form_column + 1 {
                    layout.form = Some(form_column);
                    layout.stt = Some(stt_column);
                    layout.header_row = 0;
                }
            }
        }
        layout
    }

    /// A cell's text as the line gives it; records notes and warnings.
    #[allow(clippy::too_many_arguments)]
    fn cell_text(
        &self,
        sheet: &Sheet,
        index: u32,
        cell: &Cell,
        is_value: bool,
        lines: &mut Lines,
        column_in_line: usize,
        form: u8,
        stt: &str,
    ) -> String {
        let line = lines.lines.len().saturating_sub(1);
        let place = || Place::Sheet {
            sheet: sheet.name.clone(),
            cell: format!("{}{}", column_name(cell.column), cell.row),
        };
        let _ = index;
        match cell.value {
            Value::Number(number, format) if is_value => {
                if format == Format::Date {
                    lines.specials.push((line, column_in_line, Special::Date));
                    return date(number, self.date1904);
                }
                let Some(text) = printed(number, format) else {
                    return format!("{number}");
                };
                if format == Format::General && number.fract() != 0.0 {
                    lines.warnings.push(ImportWarning {
                        line: None,
                        form,
                        stt: stt.to_owned(),
                        text: echo(&text),
                        kind: WarningKind::PrecisionAssumed { place: place() },
                    });
                }
                text
            }
            Value::Number(number, _) => plain(number),
            Value::Boolean(value) => {
                if is_value {
                    lines
                        .specials
                        .push((line, column_in_line, Special::Boolean));
                }
                if value { "TRUE" } else { "FALSE" }.to_owned()
            }
            Value::IsoDate(..) => {
                if is_value {
                    lines.specials.push((line, column_in_line, Special::Date));
                }
                self.text(sheet, cell.value).to_owned()
            }
            Value::Unsaved => {
                if is_value {
                    lines.warnings.push(ImportWarning {
                        line: None,
                        form,
                        stt: stt.to_owned(),
                        text: String::new(),
                        kind: WarningKind::FormulaWithoutValue { place: place() },
                    });
                }
                String::new()
            }
            other => self.text(sheet, other).to_owned(),
        }
    }

    /// A sheet of rows `form | STT | value`: one line per row.
    fn rows_of(
        &self,
        lines: &mut Lines,
        index: u32,
        sheet: &Sheet,
        layout: &Layout,
    ) -> Result<(), DocumentProblem> {
        let (Some(form_column), Some(stt_column)) = (layout.form, layout.stt) else {
            return Ok(());
        };
        let value_column = layout.value.unwrap_or(stt_column + 1);
        for row in rows(&sheet.cells) {
            let number = row[0].row;
            if number <= layout.header_row {
                continue;
            }
            let find = |column: u32| row.iter().find(|cell| cell.column == column);
            // A `#!` metadata line, kept as it is.
            if let Some(first) = row.first() {
                let text = self.text(sheet, first.value);
                if text.trim_start().starts_with("#!") {
                    lines.start(Origin::Sheet {
                        sheet: index,
                        row: number,
                        first: first.column,
                    })?;
                    lines.push(text.trim())?;
                    lines.end();
                    continue;
                }
            }
            let form_text = find(form_column).map_or_else(String::new, |cell| match cell.value {
                Value::Number(n, _) => plain(n),
                other => {
                    let text = self.text(sheet, other);
                    form_heading(text).map_or_else(|| text.trim().to_owned(), |n| n.to_string())
                }
            });
            let stt_text = find(stt_column)
                .map(|cell| self.cell_text(sheet, index, cell, false, lines, 1, 0, ""))
                .unwrap_or_default();
            let stt_key = stt_text.trim().trim_end_matches('.').to_owned();
            if form_text.is_empty() && stt_text.trim().is_empty() {
                continue;
            }
            let form = form_text.parse::<u8>().unwrap_or(0);
            lines.start(Origin::Sheet {
                sheet: index,
                row: number,
                first: form_column.min(stt_column),
            })?;
            let value = find(value_column)
                .map(|cell| self.cell_text(sheet, index, cell, true, lines, 2, form, &stt_key))
                .unwrap_or_default();
            lines.cell(&form_text)?;
            lines.cell(&stt_text)?;
            lines.cell(&value)?;
            lines.end();
        }
        Ok(())
    }

    /// A sheet of printed forms: its form heading (from its name when it
    /// prints none), then one line per row.
    /// The `#!` metadata lines of a sheet that holds no values: a text
    /// cell starting with `#!`, first in its row.
    fn metadata_of(
        &self,
        lines: &mut Lines,
        index: u32,
        sheet: &Sheet,
    ) -> Result<(), DocumentProblem> {
        for row in rows(&sheet.cells) {
            let Some(first) = row.first() else {
                continue;
            };
            if !matches!(first.value, Value::Shared(_) | Value::Own(..)) {
                continue;
            }
            let text = self.text(sheet, first.value);
            if text.trim_start().starts_with("#!") {
                lines.start(Origin::Sheet {
                    sheet: index,
                    row: first.row,
                    first: first.column,
                })?;
                lines.push(text.trim())?;
                lines.end();
            }
        }
        Ok(())
    }

    fn printed_of(
        &self,
        lines: &mut Lines,
        index: u32,
        sheet: &Sheet,
        layout: &Layout,
    ) -> Result<(), DocumentProblem> {
        let first = layout
            .stt
            .unwrap_or_else(|| sheet.cells.iter().map(|c| c.column).min().unwrap_or(0));
        let value_column = layout.value.unwrap_or(first + 3);
        let has_heading = self.has_heading(sheet);
        lines.start(Origin::Added)?;
        match sheet_form(&sheet.name).filter(|_| !has_heading) {
            Some(form) => lines.push(&format!("Biểu mẫu {form}"))?,
            // A line of prose: it ends the table of the sheet before.
            None => lines.push(&format!("[{}]", sheet.name))?,
        }
        lines.end();
        let mut form = sheet_form(&sheet.name).unwrap_or(0);
        for row in rows(&sheet.cells) {
            let number = row[0].row;
            let filled: Vec<&Cell> = row
                .iter()
                .filter(|cell| match cell.value {
                    Value::Number(..) | Value::Boolean(_) | Value::IsoDate(..) => true,
                    Value::Unsaved => cell.column == value_column,
                    other => !self.text(sheet, other).trim().is_empty(),
                })
                .collect();
            let Some(&only) = filled.first() else {
                continue;
            };
            // One text alone, no STT, left of the STT column or spread over
            // merged cells: a heading (`Biểu mẫu 3`, a title), a line of its own.
            let text = self.text(sheet, only.value);
            if filled.len() == 1
                && matches!(only.value, Value::Shared(_) | Value::Own(..))
                && !is_stt(text)
                && only.column != value_column
                && (only.column <= first
                    || form_heading(text).is_some()
                    || sheet
                        .merges
                        .iter()
                        .any(|&(r, c1, c2)| r == only.row && c1 == only.column && c2 >= c1 + 2))
            {
                if let Some(heading) = form_heading(text) {
                    form = heading;
                }
                lines.start(Origin::Sheet {
                    sheet: index,
                    row: number,
                    first: only.column,
                })?;
                lines.push(text.trim())?;
                lines.end();
                continue;
            }
            let last = row.iter().map(|cell| cell.column).max().unwrap_or(first);
            if last < first {
                continue;
            }
            lines.start(Origin::Sheet {
                sheet: index,
                row: number,
                first,
            })?;
            let stt = row
                .iter()
                .find(|cell| cell.column == first)
                .map(|cell| {
                    self.cell_text(sheet, index, cell, false, &mut Lines::default(), 0, 0, "")
                })
                .unwrap_or_default();
            let stt = stt.trim().trim_end_matches('.').to_owned();
            let mut cells = row.iter().peekable();
            for column in first..=last {
                while cells.next_if(|cell| cell.column < column).is_some() {}
                let in_line = (column - first) as usize;
                let text = match cells.next_if(|cell| cell.column == column) {
                    Some(cell) => self.cell_text(
                        sheet,
                        index,
                        cell,
                        column == value_column,
                        lines,
                        in_line,
                        form,
                        &stt,
                    ),
                    None => String::new(),
                };
                lines.cell(&text)?;
            }
            lines.end();
        }
        Ok(())
    }
}

/// The byte offset at the end of a text, as a `u32` (parts are far smaller).
fn offset(text: &str) -> u32 {
    u32::try_from(text.len()).unwrap_or(u32::MAX)
}

/// The cells of a sheet, row by row.
fn rows(cells: &[Cell]) -> impl Iterator<Item = &[Cell]> {
    cells.chunk_by(|a, b| a.row == b.row)
}

/// What a sheet holds, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Rows `form | STT | value`.
    Rows,
    /// Printed forms: named for a form, or printing a form's heading.
    Forms,
    /// Neither (a list of findings, of members, notes).
    Other,
}

/// Where a sheet's columns are.
#[derive(Debug, Default, Clone, Copy)]
struct Layout {
    /// The STT column, from its heading `STT`.
    stt: Option<u32>,
    /// The row of the headings.
    header_row: u32,
    /// The value column (`Số liệu`, `value`).
    value: Option<u32>,
    /// The form column (`Biểu mẫu`, `form`): the sheet is rows.
    form: Option<u32>,
}

/// The form a sheet's name names: `Biểu mẫu 3`, `Biểu 3`, `BM3`, `BM_03`,
/// `Form 3`, `Mẫu 3`.
fn sheet_form(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = ["biểu mẫu", "biểu", "bm", "form", "mẫu", "bieu mau", "bieu"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    let rest = rest.trim_start_matches([' ', '_', '-', '.', ':']);
    let rest = rest.strip_prefix("số").unwrap_or(rest);
    let rest = rest.trim_start_matches([' ', '_', '-', '.', ':']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=7).contains(n))
}

/// The sheets a workbook declares (name and relationship id), and whether
/// its dates count from 1904.
fn sheets_of(xml: &[u8]) -> Result<(Vec<(String, String)>, bool), DocumentProblem> {
    let mut xml = Xml::new(xml);
    xml.want_text = false;
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match xml.next()? {
            Event::Eof => return Ok((sheets, date1904)),
            Event::Start(start) | Event::Empty(start) => match start.local_name() {
                b"workbookPr" => {
                    date1904 = attribute(&start, b"date1904")
                        .is_some_and(|value| value == "1" || value == "true");
                }
                b"sheet" => {
                    if sheets.len() >= MAX_SHEETS {
                        return Err(DocumentProblem::TooMany {
                            what_en: "sheets",
                            what_vi: "trang tính",
                            limit: MAX_SHEETS,
                        });
                    }
                    let name = attribute(&start, b"name").unwrap_or_default();
                    let id = attribute(&start, b"id").unwrap_or_default();
                    sheets.push((echo(&name), id.into_owned()));
                }
                _ => {}
            },
            _ => {}
        }
    }
}

/// The number format of each cell style (`cellXfs`), by its index.
fn formats(xml: &[u8]) -> Result<Vec<Format>, DocumentProblem> {
    let mut xml = Xml::new(xml);
    xml.want_text = false;
    let mut codes: Vec<(u32, Format)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    loop {
        match xml.next()? {
            Event::Eof => return Ok(out),
            Event::Start(start) | Event::Empty(start) => match start.local_name() {
                b"numFmt" => {
                    if codes.len() >= MAX_SHARED_STRINGS {
                        return Err(DocumentProblem::TooMany {
                            what_en: "number formats",
                            what_vi: "định dạng số",
                            limit: MAX_SHARED_STRINGS,
                        });
                    }
                    let id = attribute(&start, b"numFmtId").and_then(|id| id.parse().ok());
                    let code = attribute(&start, b"formatCode").unwrap_or_default();
                    if let Some(id) = id {
                        codes.push((id, Format::of_code(&code)));
                    }
                }
                b"cellXfs" => in_xfs = true,
                b"xf" if in_xfs => {
                    if out.len() >= MAX_SHARED_STRINGS {
                        return Err(DocumentProblem::TooMany {
                            what_en: "cell styles",
                            what_vi: "kiểu ô",
                            limit: MAX_SHARED_STRINGS,
                        });
                    }
                    let id = attribute(&start, b"numFmtId")
                        .and_then(|id| id.parse::<u32>().ok())
                        .unwrap_or(0);
                    let format = codes
                        .iter()
                        .find(|(code_id, _)| *code_id == id)
                        .map_or_else(|| Format::of_id(id), |(_, format)| *format);
                    out.push(format);
                }
                _ => {}
            },
            Event::End(end) if end.local_name() == b"cellXfs" => in_xfs = false,
            _ => {}
        }
    }
}

/// A cell address's column (from 0) and row (from 1): `D12` is (3, 12).
fn address(text: &str) -> Option<(u32, u32)> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut column = 0_u32;
    for byte in text[..letters].bytes() {
        column = column * 26 + u32::from(byte.to_ascii_uppercase() - b'A') + 1;
    }
    let row = text[letters..].parse::<u32>().ok()?;
    Some((column - 1, row))
}

/// The cell being read.
#[derive(Debug, Default)]
struct Pending {
    column: u32,
    style: usize,
    /// The cell's type: `s` shared string, `b` boolean, `d` date, `e`
    /// error, `r` formula string, `i` inline string, `n` number.
    kind: u8,
    formula: bool,
    value: Option<String>,
    inline: Option<String>,
}

/// Reads a sheet's cells, counting them against [`MAX_CELLS`] for the
/// workbook and its rows against [`MAX_SHEET_ROWS`].
#[allow(clippy::too_many_lines, reason = "one match over the elements read")]
fn read_sheet(
    xml: &[u8],
    name: String,
    formats: &[Format],
    count: &mut usize,
) -> Result<Sheet, DocumentProblem> {
    let mut xml = Xml::new(xml);
    xml.want_text = false;
    let mut sheet = Sheet {
        name,
        ..Sheet::default()
    };
    let mut rows = 0_usize;
    let mut row = 0_u32;
    let mut next_column = 0_u32;
    let mut pending: Option<Pending> = None;
    let mut text_of: Option<u8> = None; // b'v', b'i' (inline `t`)
    loop {
        let (start, empty) = match xml.next()? {
            Event::Eof => break,
            Event::Start(start) => (start, false),
            Event::Empty(start) => (start, true),
            Event::Text(text) => {
                if let Some(cell) = pending.as_mut() {
                    match text_of {
                        Some(b'v') => cell.value.get_or_insert_with(String::new).push_str(text),
                        Some(b'i') => cell.inline.get_or_insert_with(String::new).push_str(text),
                        _ => {}
                    }
                }
                continue;
            }
            Event::Char(c) => {
                if let Some(cell) = pending.as_mut() {
                    match text_of {
                        Some(b'v') => cell.value.get_or_insert_with(String::new).push(c),
                        Some(b'i') => cell.inline.get_or_insert_with(String::new).push(c),
                        _ => {}
                    }
                }
                continue;
            }
            Event::End(end) => {
                match end.local_name() {
                    b"v" | b"t" => {
                        text_of = None;
                        xml.want_text = false;
                    }
                    b"c" => {
                        if let Some(cell) = pending.take() {
                            push_cell(&mut sheet, row, &cell, formats);
                        }
                    }
                    _ => {}
                }
                continue;
            }
        };
        match start.local_name() {
            b"row" => {
                rows += 1;
                if rows > MAX_SHEET_ROWS {
                    return Err(DocumentProblem::TooMany {
                        what_en: "rows in a sheet",
                        what_vi: "hàng trong một trang tính",
                        limit: MAX_SHEET_ROWS,
                    });
                }
                row = attribute(&start, b"r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row.saturating_add(1));
                next_column = 0;
            }
            b"c" => {
                *count += 1;
                if *count > MAX_CELLS {
                    return Err(DocumentProblem::TooMany {
                        what_en: "cells in a workbook",
                        what_vi: "ô trong một bảng tính",
                        limit: MAX_CELLS,
                    });
                }
                // The cell's attributes in one pass: its address, style, type.
                let (mut column, mut style, mut kind) = (next_column, 0_usize, b'n');
                for (key, value) in start.attributes() {
                    match key {
                        b"r" => column = address(value).map_or(next_column, |(c, _)| c),
                        b"s" => style = value.parse().unwrap_or(0),
                        b"t" => {
                            kind = match value {
                                "s" => b's',
                                "b" => b'b',
                                "d" => b'd',
                                "e" => b'e',
                                "str" => b'r',
                                "inlineStr" => b'i',
                                _ => b'n',
                            };
                        }
                        _ => {}
                    }
                }
                next_column = column.saturating_add(1);
                // `<c …/>`: a cell with nothing in it.
                pending = (!empty).then(|| Pending {
                    column,
                    style,
                    kind,
                    ..Pending::default()
                });
            }
            b"f" => {
                if let Some(cell) = pending.as_mut() {
                    cell.formula = true;
                }
            }
            b"v" if !empty => {
                text_of = Some(b'v');
                xml.want_text = true;
            }
            b"t" if pending.is_some() && !empty => {
                text_of = Some(b'i');
                xml.want_text = true;
            }
            b"mergeCell" if sheet.merges.len() < MAX_CELLS => {
                if let Some((from, to)) = attribute(&start, b"ref").and_then(|r| {
                    let (a, b) = r.split_once(':')?;
                    Some((address(a)?, address(b)?))
                }) {
                    sheet.merges.push((from.1, from.0, to.0));
                }
            }
            _ => {}
        }
    }
    sheet.cells.sort_by_key(|cell| (cell.row, cell.column));
    Ok(sheet)
}

/// Adds a cell read to its sheet.
fn push_cell(sheet: &mut Sheet, row: u32, cell: &Pending, formats: &[Format]) {
    let own = |text: &str, sheet: &mut Sheet| {
        let start = offset(&sheet.text);
        sheet.text.push_str(text);
        (start, offset(&sheet.text))
    };
    let value = match (cell.kind, cell.value.as_deref(), cell.inline.as_deref()) {
        (b'i', _, Some(text)) | (b'r' | b'e' | b'i', Some(text), _) => {
            let (start, end) = own(text, sheet);
            Value::Own(start, end)
        }
        (_, None, _) if cell.formula => Value::Unsaved,
        (_, None, _) => return,
        (b's', Some(index), _) => match index.trim().parse() {
            Ok(index) => Value::Shared(index),
            Err(_) => return,
        },
        (b'b', Some(value), _) => Value::Boolean(value.trim() == "1"),
        (b'd', Some(value), _) => {
            let (start, end) = own(value.trim(), sheet);
            Value::IsoDate(start, end)
        }
        (_, Some(number), _) => {
            if let Ok(number) = number.trim().parse::<f64>() {
                Value::Number(
                    number,
                    formats.get(cell.style).copied().unwrap_or(Format::General),
                )
            } else {
                let (start, end) = own(number, sheet);
                Value::Own(start, end)
            }
        }
    };
    sheet.cells.push(Cell {
        row,
        column: cell.column,
        value,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_of_codes() {
        let fixed = |decimals, percent| Format::Fixed {
            decimals,
            percent,
            thousands: 0,
        };
        assert_eq!(Format::of_code("#,##0"), fixed(0, 0));
        assert_eq!(Format::of_code("0.00"), fixed(2, 0));
        assert_eq!(Format::of_code("0.0%"), fixed(1, 1));
        assert_eq!(Format::of_code("#,##0.00_);[Red](#,##0.00)"), fixed(2, 0));
        assert_eq!(Format::of_code("\"Tỷ lệ \"0.0\" %\""), fixed(1, 0));
        assert_eq!(Format::of_code("General"), Format::General);
        assert_eq!(Format::of_code("dd/mm/yyyy"), Format::Date);
        assert_eq!(Format::of_code("[h]:mm"), Format::Date);
        assert_eq!(Format::of_code("[$-42A]#,##0.00"), fixed(2, 0));
        assert_eq!(
            Format::of_code("#,##0,"),
            Format::Fixed {
                decimals: 0,
                percent: 0,
                thousands: 1
            }
        );
    }

    #[test]
    fn numbers_print_with_their_format() {
        let format = Format::of_code("0.0%");
        assert_eq!(printed(0.993, format).as_deref(), Some("99,3"));
        assert_eq!(
            printed(54_106.0, Format::of_code("#,##0")).as_deref(),
            Some("54.106")
        );
        assert_eq!(
            printed(99.27, Format::of_code("0.00")).as_deref(),
            Some("99,27")
        );
        // 0.99265 is 0.99264999… as a float; its shortest decimal rounds up.
        assert_eq!(
            printed(0.992_65, Format::of_code("0.000%")).as_deref(),
            Some("99,265")
        );
        assert_eq!(
            printed(0.125, Format::of_code("0.00")).as_deref(),
            Some("0,13")
        );
        assert_eq!(
            printed(-0.125, Format::of_code("0.00")).as_deref(),
            Some("-0,13")
        );
        assert_eq!(printed(18.67, Format::General).as_deref(), Some("18,67"));
        assert_eq!(printed(1e300, Format::General), None);
    }

    #[test]
    fn dates_and_addresses() {
        assert_eq!(date(45_199.0, false), "2023-09-30");
        assert_eq!(date(1.0, false), "1900-01-01");
        assert_eq!(date(0.0, true), "1904-01-01");
        assert_eq!(address("D12"), Some((3, 12)));
        assert_eq!(address("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(address("12"), None);
    }

    #[test]
    fn sheet_names_naming_forms() {
        assert_eq!(sheet_form("Biểu mẫu 3"), Some(3));
        assert_eq!(sheet_form("BM3"), Some(3));
        assert_eq!(sheet_form("BM_07"), Some(7));
        assert_eq!(sheet_form("Biểu số 2"), Some(2));
        assert_eq!(sheet_form("Form 1"), Some(1));
        assert_eq!(sheet_form("Sheet1"), None);
        assert_eq!(sheet_form("Biểu mẫu 9"), None);
        assert_eq!(sheet_form("Bm3a"), None);
    }
}
