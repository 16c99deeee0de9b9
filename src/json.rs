//! JSON in, with every problem reported at once.
//!
//! A [`Report`] is `Deserialize`, and `serde_json::from_str` works; but
//! serde stops at the first problem. [`Report::from_json`] reads the same
//! JSON and reports every problem of the document, each naming the form, the
//! STT, the line and the offending value, in Vietnamese and English, so
//! that a reporter fixes them in one pass.
//!
//! A key given twice anywhere in the document is a problem, as it is for
//! serde: a reader that kept only the last of two `form3` objects would
//! check a different report from the one written.

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::bnv581::FORMS;
use crate::bnv581::{Form1, Form2, Form3, Form4, Form5, Form6, Form7};
use crate::bnv581::{Report, with_form};
use crate::catalogue::CellId;
use crate::error::{
    CellProblem, Error, JsonProblem, MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, Problems, echo, shown,
};
use crate::meta::ReportMeta;
use crate::number::NumberError;
use crate::period::{Level, Period};
use crate::template::TemplateVersion;
use crate::unit::{Printed, ValueKind};

impl Report {
    /// Reads a report from JSON text, reporting every problem at once.
    ///
    /// Accepts exactly what `serde_json::from_str::<Report>` accepts: the
    /// same shape, unknown fields and repeated keys rejected, a missing
    /// indicator read as blank.
    ///
    /// # Errors
    /// [`Error::Json`] with one [`JsonProblem`] per problem (at most
    /// [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS), then a count): bad syntax
    /// (one problem, with its line and column), a key given twice, a
    /// missing or unknown field, or a value of the wrong kind.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Error, Report};
    /// let sample = samples::bac_giang_2023_q3();
    /// let json = serde_json::to_string(&sample).unwrap();
    /// assert_eq!(Report::from_json(&json)?, sample);
    /// assert!(Report::from_json("{").is_err());
    ///
    /// // A second `form3` would replace the first in a lenient reader.
    /// let twice = format!("{},\"form3\":{{}}}}", json.strip_suffix('}').unwrap());
    /// let Err(Error::Json(problems)) = Report::from_json(&twice) else { panic!() };
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!(problems[0].path, "form3");
    /// assert!(problems[0].message_en.starts_with("the key `form3` appears twice"));
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Report, Error> {
        let beyond = |problem| {
            let mut problems = Problems::new();
            problems.push(problem);
            Err(Error::Json(problems))
        };
        if let Some(problem) = too_large(text) {
            return beyond(problem);
        }
        // A valid document is read in one typed pass, with no intermediate
        // tree; only a document with a problem is read again, value by
        // value, to name every problem. The typed pass needs no bound on
        // depth: a report's objects nest 3 deep and every value of it is a
        // number, a string or null, so serde refuses the first array or
        // object deeper than that (and has its own bound, 128, besides).
        if let Some(report) = read_plain(text).or_else(|| serde_json::from_str::<Report>(text).ok())
        {
            let meta_problems = report.meta.problems();
            if !meta_problems.is_empty() {
                return Err(Error::Meta(meta_problems));
            }
            return Ok(report);
        }
        if let Some(problem) = too_deep(text) {
            return beyond(problem);
        }
        let mut reader = Reader {
            text,
            problems: Problems::new(),
            cursor: (0, 1),
        };
        let report = reader.document();
        if reader.problems.total() == 0 {
            // Serde refused what this reader found nothing wrong with: say
            // what serde said rather than accept it.
            match serde_json::from_str::<Report>(text) {
                Ok(_) => return report.ok_or(Error::Json(reader.problems)),
                Err(error) => reader.problems.push(Reader::syntax(&error)),
            }
        }
        Err(Error::Json(reader.problems))
    }
}

/// A problem of the document as a whole (no path, no cell).
fn whole_document(line: Option<usize>, raw: &str, en: String, vi: String) -> JsonProblem {
    JsonProblem {
        path: String::new(),
        cell: None,
        raw: echo(raw),
        line,
        message_en: en,
        message_vi: vi,
    }
}

/// The problem of a document past [`MAX_DOCUMENT_BYTES`], found before any
/// parsing.
pub(crate) fn too_large(text: &str) -> Option<JsonProblem> {
    (text.len() > MAX_DOCUMENT_BYTES).then(|| {
        whole_document(
            None,
            "",
            format!(
                "the document has {} bytes, more than the {MAX_DOCUMENT_BYTES} this library reads",
                text.len()
            ),
            format!(
                "tài liệu có {} byte, quá {MAX_DOCUMENT_BYTES} byte mà thư viện đọc",
                text.len()
            ),
        )
    })
}

/// The problem of a document nested deeper than [`MAX_JSON_DEPTH`], found
/// in one pass over its bytes before the reader of problems reads it (so
/// that nothing deeper is ever parsed into a tree).
pub(crate) fn too_deep(text: &str) -> Option<JsonProblem> {
    let problem = whole_document;
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut at) = (0_usize, 1_usize, 0_usize);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                // Past the string at once: to its closing quote, over escapes.
                let mut from = at + 1;
                loop {
                    let Some(rest) = bytes.get(from..) else {
                        return None; // unterminated: the parser says so
                    };
                    match memchr::memchr2(b'"', b'\\', rest) {
                        Some(offset) if rest[offset] == b'\\' => from += offset + 2,
                        Some(offset) => {
                            at = from + offset;
                            break;
                        }
                        None => return None,
                    }
                }
            }
            b'\n' => line = line.saturating_add(1),
            b'[' | b'{' => {
                depth = depth.saturating_add(1);
                if depth > MAX_JSON_DEPTH {
                    return Some(problem(
                        Some(line),
                        &text[at..],
                        format!(
                            "arrays and objects nested {depth} deep, more than the {MAX_JSON_DEPTH} levels this library reads (a report needs 3)"
                        ),
                        format!(
                            "mảng và đối tượng lồng nhau {depth} cấp, quá {MAX_JSON_DEPTH} cấp mà thư viện đọc (một báo cáo chỉ cần 3)"
                        ),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

/// An object's entries in document order, duplicates kept.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                out.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// Reads a document value by value, collecting problems.
struct Reader<'a> {
    text: &'a str,
    problems: Problems<JsonProblem>,
    /// The last (byte offset, line) computed, to count lines forward.
    cursor: (usize, usize),
}

impl<'a> Reader<'a> {
    /// The line (from 1) where `raw` starts in the document.
    fn line_of(&mut self, raw: &RawValue) -> Option<usize> {
        let start = self.text.as_ptr() as usize;
        let at = (raw.get().as_ptr() as usize).checked_sub(start)?;
        if at > self.text.len() {
            return None;
        }
        let (mut from, mut line) = self.cursor;
        if at < from {
            (from, line) = (0, 1);
        }
        let newlines = crate::decode::newlines(&self.text.as_bytes()[from..at]);
        line = line.saturating_add(newlines);
        self.cursor = (at, line);
        Some(line)
    }

    fn push(
        &mut self,
        path: &str,
        cell: Option<CellId>,
        raw: Option<&RawValue>,
        message_vi: String,
        message_en: String,
    ) {
        if self.problems.is_full() {
            self.problems.count_one();
            return;
        }
        let line = raw.and_then(|raw| self.line_of(raw));
        self.problems.push(JsonProblem {
            path: path.to_owned(),
            cell,
            raw: raw.map(|raw| echo(raw.get())).unwrap_or_default(),
            line,
            message_en,
            message_vi,
        });
    }

    /// A problem of JSON syntax, with its line and column.
    fn syntax(error: &serde_json::Error) -> JsonProblem {
        let (line, column) = (error.line(), error.column());
        // The line is the problem's own field: the message names the column
        // (serde's wording ends with both; that end is dropped).
        let said = error.to_string();
        let said = said
            .strip_suffix(&format!(" at line {line} column {column}"))
            .unwrap_or(&said);
        let (vi, en) = if error.is_eof() {
            (
                format!("văn bản JSON bị cắt ngang ở cột {column}"),
                format!("the JSON text ends too early, at column {column}"),
            )
        } else if error.is_syntax() {
            (
                format!("JSON sai cú pháp ở cột {column} ({said})"),
                format!("JSON syntax error at column {column}: {said}"),
            )
        } else {
            (
                format!("JSON không đọc được ở cột {column}: {said}"),
                format!("the JSON cannot be read, at column {column}: {said}"),
            )
        };
        JsonProblem {
            path: String::new(),
            cell: None,
            raw: String::new(),
            line: (line > 0).then_some(line),
            message_en: en,
            message_vi: vi,
        }
    }

    /// The entries of an object, each repeated key reported.
    fn entries(&mut self, path: &str, raw: &'a RawValue) -> Option<Vec<(String, &'a RawValue)>> {
        let Ok(Entries(entries)) = serde_json::from_str::<Entries<'a>>(raw.get()) else {
            return None;
        };
        let mut unique: Vec<(String, &'a RawValue)> = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let key_path = join(path, &key);
            if let Some((_, first)) = unique.iter().find(|(seen, _)| *seen == key) {
                let first_line = self.line_of(first).unwrap_or_default();
                self.push(
                    &key_path,
                    None,
                    Some(value),
                    format!("khóa `{}` xuất hiện hai lần (lần đầu ở dòng {first_line}); chỉ được ghi một lần", shown(&key)),
                    format!("the key `{}` appears twice (first on line {first_line}); write it once", shown(&key)),
                );
                continue;
            }
            unique.push((key, value));
        }
        Some(unique)
    }

    fn document(&mut self) -> Option<Report> {
        let root = match serde_json::from_str::<&RawValue>(self.text) {
            Ok(root) => root,
            Err(error) => {
                let problem = Self::syntax(&error);
                self.problems.push(problem);
                return None;
            }
        };
        let Some(entries) = self.entries("", root) else {
            self.push(
                "",
                None,
                Some(root),
                "báo cáo phải là một đối tượng JSON: {\"meta\": …, \"form1\": …, …}".to_owned(),
                "a report is a JSON object: {\"meta\": …, \"form1\": …, …}".to_owned(),
            );
            return None;
        };
        let known = |key: &str| key == "meta" || FORMS.iter().any(|form| form.key == key);
        for (key, value) in &entries {
            if !known(key) {
                self.push(
                    &join("", key),
                    None,
                    Some(value),
                    format!(
                        "không có trường `{}` (các trường là meta, form1 đến form7)",
                        shown(key)
                    ),
                    format!(
                        "unknown field `{}` (the fields are meta and form1 to form7)",
                        shown(key)
                    ),
                );
            }
        }
        let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
        let meta = if let Some(raw) = get("meta") {
            self.meta(raw)
        } else {
            self.missing("", "meta");
            None
        };
        let mut report = Report::new(meta.clone().unwrap_or_default());
        for form in &FORMS {
            match get(form.key) {
                Some(raw) => self.form(&mut report, form.number, form.key, raw),
                None => self.missing("", form.key),
            }
        }
        meta.map(|_| report)
    }

    fn missing(&mut self, path: &str, key: &str) {
        let hint_vi = if key.starts_with("form") {
            format!(" (ghi \"{key}\": {{}} nếu biểu mẫu không có số liệu)")
        } else {
            String::new()
        };
        let hint_en = if key.starts_with("form") {
            format!(" (write \"{key}\": {{}} for a form with no figures)")
        } else {
            String::new()
        };
        self.push(
            &join(path, key),
            None,
            None,
            format!("thiếu trường `{key}`{hint_vi}"),
            format!("missing field `{key}`{hint_en}"),
        );
    }

    /// The metadata, every problem of it reported.
    fn meta(&mut self, raw: &'a RawValue) -> Option<ReportMeta> {
        let Some(entries) = self.entries("meta", raw) else {
            self.push(
                "meta",
                None,
                Some(raw),
                "meta phải là một đối tượng JSON: {\"body\": …, \"level\": …, \"period\": …, \"template\": …}".to_owned(),
                "meta is a JSON object: {\"body\": …, \"level\": …, \"period\": …, \"template\": …}".to_owned(),
            );
            return None;
        };
        let mut meta = ReportMeta::default();
        let mut ok = true;
        let mut template = false;
        for (key, value) in entries {
            let path = join("meta", &key);
            // Given, even when its value is refused: not also "missing".
            template |= key == "template";
            let read = match key.as_str() {
                "body" => serde_json::from_str::<String>(value.get())
                    .map(|body| meta.body = body)
                    .map_err(|_| {
                        (
                            "tên đơn vị báo cáo là một chuỗi JSON (\"UBND tỉnh …\")".to_owned(),
                            "the body is a JSON string (\"UBND tỉnh …\")".to_owned(),
                        )
                    }),
                "level" => serde_json::from_str::<Option<Level>>(value.get())
                    .map(|level| meta.level = level)
                    .map_err(|_| {
                        (
                            "cấp là \"ministry\", \"province\", \"district\", \"commune\" hoặc null (không ghi)".to_owned(),
                            "the level is \"ministry\", \"province\", \"district\", \"commune\" or null (not given)".to_owned(),
                        )
                    }),
                "period" => self.period(&path, value).map(|period| meta.period = period),
                "template" => serde_json::from_str::<TemplateVersion>(value.get())
                    .map(|version| meta.template = version)
                    .map_err(|_| {
                        (
                            "mẫu biểu duy nhất được hỗ trợ là \"581/BNV-CCHC/2022\"".to_owned(),
                            "the only template supported is \"581/BNV-CCHC/2022\"".to_owned(),
                        )
                    }),
                _ => Err((
                    format!("meta không có trường `{}` (các trường là body, level, period, template)", shown(&key)),
                    format!("meta has no field `{}` (the fields are body, level, period and template)", shown(&key)),
                )),
            };
            if let Err((vi, en)) = read {
                ok = false;
                self.push(&path, None, Some(value), vi, en);
            }
        }
        if !template {
            ok = false;
            self.missing("meta", "template");
        }
        ok.then_some(meta)
    }

    fn period(
        &mut self,
        path: &str,
        raw: &'a RawValue,
    ) -> Result<Option<Period>, (String, String)> {
        let shape = || {
            (
                "kỳ báo cáo là {\"year\": 2023, \"term\": \"q3\"}, term là q1, half_year, q3 hoặc year; hoặc null (không ghi)".to_owned(),
                "a period is {\"year\": 2023, \"term\": \"q3\"}, the term q1, half_year, q3 or year; or null (not given)".to_owned(),
            )
        };
        if raw.get().trim() == "null" {
            return Ok(None);
        }
        // Report a repeated year or term inside it; then read it whole.
        let before = self.problems.total();
        if self.entries(path, raw).is_none() {
            return Err(shape());
        }
        let period = serde_json::from_str::<Period>(raw.get()).map_err(|_| shape());
        if self.problems.total() > before {
            // The repeated key is the problem; do not report it twice.
            return Ok(None);
        }
        let period = period?;
        if !crate::limits::REPORT_YEARS.contains(&period.year) {
            let problem = crate::problem::MetaProblem::YearOutOfRange { year: period.year };
            return Err((
                problem.message_vi().to_string(),
                problem.message_en().to_string(),
            ));
        }
        Ok(Some(period))
    }

    fn form(&mut self, report: &mut Report, number: u8, form_key: &str, raw: &'a RawValue) {
        let Some(entries) = self.entries(form_key, raw) else {
            self.push(
                form_key,
                None,
                Some(raw),
                "một biểu mẫu là một đối tượng JSON ({\"khóa chỉ tiêu\": giá trị, …})".to_owned(),
                "a form is a JSON object ({\"indicator key\": value, …})".to_owned(),
            );
            return;
        };
        let indicators = FORMS[usize::from(number) - 1].indicators();
        for (key, raw_value) in entries {
            let path = join(form_key, &key);
            let Some(indicator) = indicators.iter().find(|indicator| indicator.key == key) else {
                self.push(
                    &path,
                    None,
                    Some(raw_value),
                    format!("biểu mẫu {number} không có trường `{}`", shown(&key)),
                    format!("form {number} has no field `{}`", shown(&key)),
                );
                continue;
            };
            let value = match serde_json::from_str::<Value>(raw_value.get()) {
                Ok(value) => value,
                Err(error) => {
                    self.push(
                        &path,
                        Some(indicator.id),
                        Some(raw_value),
                        format!("giá trị JSON không đọc được ({error})"),
                        format!("the JSON value cannot be read ({error})"),
                    );
                    continue;
                }
            };
            let row = indicator.id.row_in_form();
            let result = with_form!(
                [&mut] report,
                number,
                |form, Form| match Form::FROM_JSON.get(row) {
                    Some(read) => read(form, &value),
                    None => Err(String::new()),
                },
                Err(String::new())
            );
            if result.is_err() {
                let (vi, en) = cell_message(indicator.id, raw_value.get(), &value);
                self.push(&path, Some(indicator.id), Some(raw_value), vi, en);
            }
        }
    }
}

/// The path of `key` inside `path`: the key cut at the echo limit, its
/// control characters escaped.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        shown(key)
    } else {
        format!("{path}.{}", shown(key))
    }
}

/// Why a JSON value cannot be the cell `id`, in Vietnamese and English.
fn cell_message(id: CellId, raw: &str, value: &Value) -> (String, String) {
    let number = |error: NumberError| {
        let problem = CellProblem::NotANumber(error);
        (
            problem.message_vi("").to_string(),
            problem.message_en("").to_string(),
        )
    };
    let raw = raw.trim();
    let indicator = id.indicator();
    match (indicator.kind, value) {
        (ValueKind::Count, Value::Number(_)) => {
            if raw.starts_with('-') {
                number(NumberError::NegativeCount)
            } else if raw.contains(['.', 'e', 'E']) {
                let (vi, en) = number(NumberError::FractionalCount);
                (
                    format!("{vi}, ghi không có phần thập phân (1420, không phải 1420.0)"),
                    format!("{en}, written without a decimal point (1420, not 1420.0)"),
                )
            } else {
                number(NumberError::Overflow)
            }
        }
        (ValueKind::Count, Value::String(text)) => {
            let written = crate::number::parse_count(text)
                .map_or_else(|_| "1420".to_owned(), |count| count.to_string());
            (
                format!("số lượng ghi dạng số JSON, không đặt trong ngoặc kép: {written}"),
                format!("a count is a JSON number, without quotes: {written}"),
            )
        }
        (ValueKind::Count, _) => (
            "số lượng là một số nguyên không âm (1420), hoặc null nếu để trống".to_owned(),
            "a count is a whole number (1420), or null for a blank cell".to_owned(),
        ),
        (ValueKind::Percent | ValueKind::MillionVnd, Value::Number(_)) => (
            format!("số thập phân ghi dạng chuỗi để giữ độ chính xác: \"{raw}\""),
            format!("a decimal is written as a string, which keeps its precision: \"{raw}\""),
        ),
        (ValueKind::Percent | ValueKind::MillionVnd, Value::String(text)) => {
            let json_form = crate::number::parse_decimal(text)
                .ok()
                .map(|d| d.to_string());
            match json_form {
                Some(json_form) if json_form != *text => (
                    format!("trong JSON, số thập phân dùng dấu chấm, không có dấu phân cách hàng nghìn: \"{json_form}\""),
                    format!("in JSON a decimal uses a dot and no thousands separators: \"{json_form}\""),
                ),
                _ => (
                    "không phải số thập phân dạng \"99.3\" (dấu - nếu âm, tối đa 12 chữ số, dấu chấm và tối đa 6 chữ số thập phân)".to_owned(),
                    "not a decimal such as \"99.3\" (an optional -, at most 12 digits, then optionally a dot and at most 6 decimals)".to_owned(),
                ),
            }
        }
        (ValueKind::Percent | ValueKind::MillionVnd, _) => (
            "số thập phân ghi dạng chuỗi (\"99.3\"), hoặc null nếu để trống".to_owned(),
            "a decimal is a string (\"99.3\"), or null for a blank cell".to_owned(),
        ),
        (ValueKind::Code { .. }, _) => {
            let problem = CellProblem::NotInLegend {
                legend: indicator.unit_vi,
            };
            (
                problem.message_vi("").to_string(),
                problem.message_en("").to_string(),
            )
        }
    }
}

/// A document read in one pass over its bytes, when it is written the way
/// this library (and nearly every tool) writes a report: an object of
/// `meta` and the template's forms, each once; a form an object of its
/// indicators' keys, each once, with a whole number (a count or a code), a
/// decimal string (a percentage or an amount) or `null`; keys and strings
/// without escapes. `meta` is cut out whole and read by serde.
///
/// `None` for anything else (a key unknown, missing or repeated, a value
/// of another kind, an escape, a number with a fraction or an exponent, a
/// syntax error): serde's typed pass and then the reader of problems read
/// it, so what is accepted and every problem told stay theirs. What it
/// reads, it reads as serde's typed pass does (a test compares them).
fn read_plain(text: &str) -> Option<Report> {
    // The typed report is 581's.
    let catalogue = TemplateVersion::Bnv581Of2022.template().catalogue;
    let mut json = Plain {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut report = Report::new(ReportMeta::default());
    let mut meta = None;
    // A bit for `meta` (0) and for each form (its number).
    let mut seen = 0_u32;
    json.byte(b'{')?;
    loop {
        let key = json.key()?;
        let bit = if key == b"meta" {
            let value = json.object_text()?;
            meta = Some(serde_json::from_str::<ReportMeta>(value).ok()?);
            0
        } else {
            let form = catalogue
                .forms
                .iter()
                .find(|form| form.key.as_bytes() == key)?;
            json.form(&mut report, catalogue.indicators, form.number)?;
            u32::from(form.number)
        };
        let bit = 1_u32.checked_shl(bit)?;
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        match json.byte_after_space()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    json.space();
    let every = catalogue.forms.iter().try_fold(1_u32, |bits, form| {
        Some(bits | 1_u32.checked_shl(u32::from(form.number))?)
    })?;
    if json.at != json.bytes.len() || seen != every {
        return None;
    }
    report.meta = meta?;
    Some(report)
}

/// The bytes of a JSON document and where [`read_plain`] is in them.
struct Plain<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Plain<'a> {
    /// Past JSON's white space.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after white space, taken.
    fn byte_after_space(&mut self) -> Option<u8> {
        self.space();
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// `expected` after white space, taken.
    fn byte(&mut self, expected: u8) -> Option<()> {
        (self.byte_after_space()? == expected).then_some(())
    }

    /// A string without escapes or control characters, its opening quote
    /// taken already: its bytes, the closing quote taken.
    fn string_rest(&mut self) -> Option<&'a [u8]> {
        let start = self.at;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
        let string = self.bytes.get(start..self.at)?;
        self.at += 1;
        Some(string)
    }

    /// A key and its colon.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.byte(b'"')?;
        let key = self.string_rest()?;
        self.byte(b':')?;
        Some(key)
    }

    /// The text of the object that comes next, passed over to its closing
    /// bracket (over strings and their escapes; brackets counted, not
    /// matched). Only cut out: serde reads it.
    fn object_text(&mut self) -> Option<&'a str> {
        self.space();
        let start = self.at;
        if self.bytes.get(start) != Some(&b'{') {
            return None;
        }
        let mut depth = 0_usize;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => loop {
                    self.at += 1;
                    match *self.bytes.get(self.at)? {
                        b'"' => break,
                        b'\\' => self.at += 1,
                        _ => {}
                    }
                },
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        break;
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
        std::str::from_utf8(self.bytes.get(start..self.at)?).ok()
    }

    /// The form `number`: its values set in `report`.
    fn form(
        &mut self,
        report: &mut Report,
        indicators: &'static [crate::catalogue::Indicator],
        number: u8,
    ) -> Option<()> {
        self.byte(b'{')?;
        let start = indicators.partition_point(|indicator| indicator.form < number);
        let end = indicators.partition_point(|indicator| indicator.form <= number);
        let in_form = indicators.get(start..end)?;
        let mut seen = 0_u128;
        // Keys are looked for first where the template has them next.
        let mut next = 0_usize;
        self.space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Some(());
        }
        loop {
            self.byte(b'"')?;
            let rest = self.bytes.get(self.at..)?;
            let row = match in_form.get(next) {
                Some(indicator)
                    if rest.starts_with(indicator.key.as_bytes())
                        && rest.get(indicator.key.len()) == Some(&b'"') =>
                {
                    self.at += indicator.key.len() + 1;
                    next
                }
                _ => {
                    let key = self.string_rest()?;
                    in_form
                        .iter()
                        .position(|indicator| indicator.key.as_bytes() == key)?
                }
            };
            self.byte(b':')?;
            let bit = 1_u128.checked_shl(u32::try_from(row).ok()?)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            next = row + 1;
            let kind = in_form.get(row)?.kind;
            self.space();
            let value = match (*self.bytes.get(self.at)?, kind) {
                (b'n', _) => {
                    let rest = self.bytes.get(self.at..)?;
                    if !rest.starts_with(b"null") {
                        return None;
                    }
                    self.at += 4;
                    None
                }
                (b'0'..=b'9', ValueKind::Count | ValueKind::Code { .. }) => {
                    Some(Printed::whole(i128::from(self.whole()?)))
                }
                (b'"', ValueKind::Percent | ValueKind::MillionVnd) => {
                    self.at += 1;
                    Some(decimal(self.string_rest()?)?)
                }
                _ => return None,
            };
            if let Some(value) = value {
                // The report is blank where nothing was set.
                let set = with_form!(
                    [&mut] report,
                    number,
                    |form, Form| Form::SET.get(row).map(|set| set(form, Some(value))),
                    None
                );
                set?.ok()?;
            }
            match self.byte_after_space()? {
                b',' => {}
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A whole number as JSON writes it (no leading zero, no fraction, no
    /// exponent) that fits a `u64`.
    fn whole(&mut self) -> Option<u64> {
        let start = self.at;
        let mut value = 0_u64;
        while let Some(&byte @ b'0'..=b'9') = self.bytes.get(self.at) {
            value = value.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
            self.at += 1;
        }
        let leading_zero = self.bytes.get(start) == Some(&b'0') && self.at - start > 1;
        let fraction = matches!(self.bytes.get(self.at), Some(b'.' | b'e' | b'E'));
        (!leading_zero && !fraction).then_some(value)
    }
}

/// A JSON decimal string's text (`-?[0-9]{1,12}(\.[0-9]{1,6})?`) as the
/// digits printed.
fn decimal(text: &[u8]) -> Option<Printed> {
    let (negative, unsigned) = match text {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, text),
    };
    let (integer, fraction) = match unsigned.iter().position(|&byte| byte == b'.') {
        Some(dot) => (
            unsigned.get(..dot)?,
            unsigned.get(dot + 1..).filter(|f| !f.is_empty())?,
        ),
        None => (unsigned, &[][..]),
    };
    let integer_ok = (1..=crate::number::MAX_INTEGER_DIGITS).contains(&integer.len());
    if !integer_ok || fraction.len() > crate::number::MAX_DECIMALS as usize {
        return None;
    }
    // At most 12 + 6 digits: an `i64` holds them.
    let mut magnitude = 0_i64;
    for &byte in integer.iter().chain(fraction) {
        if !byte.is_ascii_digit() {
            return None;
        }
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(i64::from(byte - b'0'))?;
    }
    let magnitude = i128::from(magnitude);
    Some(Printed {
        mantissa: if negative { -magnitude } else { magnitude },
        decimals: u32::try_from(fraction.len()).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde's typed pass gives, when it gives a report.
    fn typed(text: &str) -> Option<Report> {
        serde_json::from_str::<Report>(text).ok()
    }

    /// The one-pass reading gives a report only where serde's typed pass
    /// gives the same one; gives whether it read `text`.
    fn agrees(text: &str) -> bool {
        let plain = read_plain(text);
        if let Some(report) = &plain {
            assert_eq!(Some(report), typed(text).as_ref(), "{text}");
        }
        plain.is_some()
    }

    #[test]
    fn the_one_pass_reading_agrees_with_serde() {
        let sample = crate::samples::bac_giang_2023_q3();
        let compact = serde_json::to_string(&sample).expect("serializes");
        let pretty = serde_json::to_string_pretty(&sample).expect("serializes");
        assert_eq!(read_plain(&compact).as_ref(), Some(&sample));
        assert_eq!(read_plain(&pretty).as_ref(), Some(&sample));
        let form3 = r#""form3":{"#;
        let meta = format!(
            r#""meta":{},"#,
            serde_json::to_string(&sample.meta).expect("serializes")
        );
        let read = [
            // White space, keys out of order, nulls, other values.
            compact.replace(',', " ,\r\n\t").replace(':', " : "),
            format!(
                "{{{},{}}}",
                &compact.replace(&meta, "")[1..compact.len() - meta.len() - 1],
                meta.trim_end_matches(',')
            ),
            compact
                .replace(form3, r#""form3":{"resolved_commune":77985,"#)
                .replacen(r#","resolved_commune":77985"#, "", 1),
            compact.replace(
                r#""on_time_rate_commune":"98.8""#,
                r#""on_time_rate_commune":null"#,
            ),
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":0"#),
            compact.replace(
                r#""procedures_local":1902"#,
                r#""procedures_local":18446744073709551615"#,
            ),
            compact.replace(
                r#""disbursement_rate":null"#,
                r#""disbursement_rate":"-0.50""#,
            ),
        ];
        let refused = [
            // What serde refuses, or reads otherwise than these bytes say.
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":1902.0"#),
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":01902"#),
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":1e3"#),
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":-1902"#),
            compact.replace(r#""procedures_local":1902"#, r#""procedures_local":"1902""#),
            compact.replace(
                r#""procedures_local":1902"#,
                r#""procedures_local":18446744073709551616"#,
            ),
            compact.replace(r#""procedures_local""#, r#""procedures\u005flocal""#),
            compact.replace(form3, r#""form3":{"procedures_local":1,"#),
            compact.replace(form3, r#""form3":{"unknown":1,"#),
            compact.replace(r#""form7":"#, r#""form3":{},"form7":"#),
            compact.replace(r#","form7":"#, r#","form8":{},"form7":"#),
            compact.replace(r#""meta":"#, r#""meta":{},"x":"#),
            format!("{compact},"),
            format!("[{compact}]"),
            compact.replace('}', "]"),
            compact[..compact.len() - 1].to_owned(),
            "{}".to_owned(),
            String::new(),
        ];
        for text in &read {
            assert_ne!(text, &compact);
            assert!(agrees(text), "{text}");
        }
        for text in &refused {
            assert!(!agrees(text), "{text}");
        }
        // The committed fuzz corpus: whatever is read agrees.
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/json");
        let mut files = 0;
        for entry in std::fs::read_dir(corpus).expect("the JSON corpus") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("a file");
            if let Ok(text) = std::str::from_utf8(&bytes) {
                agrees(text);
                files += 1;
            }
        }
        assert!(files > 10, "{files}");
    }

    #[test]
    fn decimal_strings_read_as_serde_reads_them() {
        for text in [
            "0",
            "-0",
            "99.3",
            "-0.50",
            "100.00",
            "999999999999.999999",
            "1.",
            ".5",
            "1.2.3",
            "1234567890123",
            "1.1234567",
            "+1",
            "1e3",
            "",
            "-",
            "9 ",
            "٣",
        ] {
            let ours = decimal(text.as_bytes());
            let json = format!("\"{text}\"");
            let serde = serde_json::from_str::<crate::unit::Percent>(&json)
                .ok()
                .map(crate::unit::CellValue::printed);
            assert_eq!(ours, serde, "{text:?}");
        }
    }
}
