//! Validates a CCHC report and prints its findings.
//!
//! ```text
//! cargo run --example validate -- [--json | --emit-report] [--locate] [FILE... | -]
//! cargo run --example validate -- --aggregate [--json | --emit-report] FILE...
//! cargo run --example validate -- (--html | --xlsx) [--lang vi|en|both] [--locate | --aggregate] [FILE... | -]
//! ```
//!
//! - no FILE: the embedded Bắc Giang Q3/2023 report;
//! - several FILEs: each is validated, then the checks across reports of
//!   the same body and year (`cchc_forms::series`);
//! - `--aggregate`: the FILEs (of one period and template) added up into
//!   one report (`cchc_forms::aggregate`), whose findings are printed, or
//!   with `--emit-report` the total as report JSON;
//! - `-`: the report on standard input;
//! - `FILE.json`: a report as JSON;
//! - a Word (`.docx`) or Excel (`.xlsx`) document, recognised by its
//!   content: the forms in its tables or sheets (`cchc_forms::office`); an
//!   old binary `.doc`/`.xls`, RTF, PDF or `OpenDocument` file is refused
//!   with what to do (save it as `.docx` or `.xlsx`);
//! - any other FILE: text, read as UTF-8 (with or without a byte-order
//!   mark) or UTF-16 with its mark, with `\n` or `\r\n` line ends; either
//!   the printed forms (the document, or the tables copied from Word: a
//!   `Biểu mẫu N` line or a `STT` heading marks them) or rows
//!   `form<TAB>stt<TAB>value` (further columns are notes, lines starting
//!   with `#` are comments). Metadata in lines `#! body: UBND tỉnh …`,
//!   `#! level: province`, `#! period: 2023 Q3`, and the body's reference
//!   counts `#! departments: 19`, `#! districts: 10`, `#! communes: 209`
//!   (the shares of them are checked only with them); what is not given
//!   is printed as not given.
//!
//! Output: a table of findings grouped by form (default), the findings as a
//! JSON array (`--json`; with several FILEs an object `{"reports": [{"file",
//! "body", "period", "findings"}], "across": [...], "unplaced": [{"index",
//! "file", "body", "reason", "other_file", "message_vi", "message_en"}],
//! "alone": [{"index", "file", "body", "period", "message_vi",
//! "message_en"}]}`), or the parsed report as canonical JSON
//! (`--emit-report`), the forms with their findings marked as one
//! self-contained HTML page (`--html`, on standard output) or as an
//! annotated workbook (`--xlsx`, .xlsx bytes on standard output, refused
//! when that is a terminal); see `cchc_forms::render`. Reports are grouped
//! by body after NFC normalisation, case and white-space folding; a report
//! without a body, without a period, or one of two differing versions of a
//! period is set aside and says why (`NOT PLACED` in the table), and a
//! report that is the only one of its body says so (`ALONE`). A finding
//! across reports whose cells name reports by position (two versions of a
//! period, the members of a total) ends its messages with their files
//! (`(files: a.json, b.json)`), and the table names each cell's file; the
//! JSON stays findings as `schemas/cross_findings.schema.json` describes
//! them. What the reader noticed but accepted (a label unlike the
//! template's, an amount with three decimals) is listed before the table,
//! or on standard error with `--json` and `--emit-report`.
//!
//! `--aggregate` refuses a file given twice, a body given twice (however
//! typed) and a member without a period; its findings are the total's, then
//! what it could not add (`aggregate:blank:…`, `aggregate:weight_missing:…`)
//! and the codes' distributions (`aggregate:distribution:…`), which
//! `--emit-report` prints on standard error beside the report.
//!
//! `--locate` lists the minimal sets of cells to change, most likely first,
//! each cell with the value it takes in that set: change one set. In JSON,
//! `locate.sets[i]` is the set's cells, each with `form`, `stt`,
//! `reported`, `suggested` (`null`: blank it) and `reason`.
//!
//! Input is read up to `MAX_DOCUMENT_BYTES` (8 MiB) and no further, files
//! and standard input alike: an endless input is refused, not read until
//! memory runs out. Every control or invisible character that came with
//! the input (a body, a key, a label, a file name) is escaped in the
//! output: `\u{202e}` in a table, `\u202e` in JSON (which reads back as
//! the same text).
//!
//! Exit code: 0 when no finding is an error, 1 when some are, 2 when the
//! input is rejected or the command line is wrong. A rejection lists every
//! problem (at most 1,000, then a count) in Vietnamese and English on
//! standard error, or with `--json` as a JSON array of problems (`form`,
//! `stt`, `line`, `text`, `message_vi`, `message_en`) on standard output;
//! a wrong command line the same, in both languages (with `--json`, a JSON
//! array of one problem).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use cchc_forms::aggregate::aggregate;
use cchc_forms::bnv581::FORMS;
use cchc_forms::cross::CrossFindings;
use cchc_forms::number::{NumberText, Style};
use cchc_forms::printed::{looks_printed, read_printed};
use cchc_forms::render::{Languages, ReportView, html};
use cchc_forms::rows::{ImportWarning, Imported, read_tsv};
use cchc_forms::series::check_reports;
use cchc_forms::{
    CellProblem, Error, Finding, MAX_DOCUMENT_BYTES, Period, Problems, Quoted, Report, Severity,
    Term, decode, samples,
};

const USAGE: &str = "\
usage: validate [--json | --emit-report] [--locate] [FILE... | -]
       validate --aggregate [--json | --emit-report] FILE...
       validate (--html | --xlsx) [--lang vi|en|both] [--locate | --aggregate] [FILE... | -]

Validates CCHC reports (Biểu mẫu 1–7) and prints their findings; with
several FILEs, then the checks across the reports of each body and year.

  FILE           a report: FILE.json (JSON), or text: the printed forms as
                 copied from Word, or rows form<TAB>stt<TAB>value;
                 UTF-8 or UTF-16 (Excel's \"Unicode Text\"); or a Word
                 (.docx) or Excel (.xlsx) document, known by its content
  -              read the report from standard input
  (no FILE)      the embedded Bắc Giang Q3/2023 report

  --json         print the findings (or the problems of a rejected input)
                 as JSON
  --emit-report  print the report read, as canonical JSON
  --locate       also list the smallest sets of cells to change, each cell
                 with its value in that set: change one set
                 (with --json: {\"findings\": [...], \"locate\": {...}})
  --aggregate    add the reports up (one period and template, each body
                 once) and check the total; with --emit-report print the
                 total as a report
  --html         print the forms with their findings marked, as one
                 self-contained HTML page
  --xlsx         write the forms with their findings marked, as an
                 annotated workbook (.xlsx), to standard output (redirect
                 it to a file: a terminal is refused)
  --lang L       the language of --html and --xlsx messages: vi (default),
                 en or both
  -h, --help     print this help
  --             end of options (a FILE may then start with -)

Exit code: 0 no error found, 1 errors found, 2 input rejected or bad usage.
";

/// Where a report comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Sample,
    Stdin,
    File(String),
}

/// What the command line asks for.
#[derive(Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of the command line, each read once"
)]
struct Options {
    json: bool,
    emit_report: bool,
    locate: bool,
    aggregate: bool,
    help: bool,
    inputs: Vec<Input>,
    /// `--html` or `--xlsx`, and `--lang`.
    render: Option<Render>,
    languages: Languages,
}

/// A rendered output of the forms with their findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Render {
    Html,
    Xlsx,
}

/// A wrong command line: what is wrong, in Vietnamese and English.
struct Usage {
    vi: String,
    en: String,
}

fn usage(vi: impl Into<String>, en: impl Into<String>) -> Usage {
    Usage {
        vi: vi.into(),
        en: en.into(),
    }
}

/// Reads the command line; a wrong one gives the message to print.
fn parse_args(arguments: impl IntoIterator<Item = String>) -> Result<Options, Usage> {
    let mut options = Options {
        json: false,
        emit_report: false,
        locate: false,
        aggregate: false,
        help: false,
        inputs: Vec::new(),
        render: None,
        languages: Languages::Vietnamese,
    };
    let mut only_files = false;
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            _ if only_files => options.inputs.push(Input::File(argument)),
            "--html" | "--xlsx" => {
                let render = if argument == "--html" {
                    Render::Html
                } else {
                    Render::Xlsx
                };
                if options.render.is_some_and(|r| r != render) {
                    return Err(usage(
                        "không dùng --html cùng --xlsx: chọn một kiểu in",
                        "--html and --xlsx cannot be used together: choose one output",
                    ));
                }
                options.render = Some(render);
            }
            "--lang" => {
                options.languages = match arguments.next().as_deref() {
                    Some("vi") => Languages::Vietnamese,
                    Some("en") => Languages::English,
                    Some("both") => Languages::Both,
                    other => {
                        let given = Quoted(other.unwrap_or_default());
                        return Err(usage(
                            format!("--lang nhận vi, en hoặc both, không nhận {given}"),
                            format!("--lang takes vi, en or both, not {given}"),
                        ));
                    }
                };
            }
            "--" => only_files = true,
            "--json" => options.json = true,
            "--emit-report" => options.emit_report = true,
            "--locate" => options.locate = true,
            "--aggregate" => options.aggregate = true,
            "-h" | "--help" => options.help = true,
            "-" => options.inputs.push(Input::Stdin),
            flag if flag.starts_with('-') => {
                return Err(usage(
                    format!("không có tùy chọn {} (xem --help)", Quoted(flag)),
                    format!("unknown option {} (see --help)", Quoted(flag)),
                ));
            }
            _ => options.inputs.push(Input::File(argument)),
        }
    }
    check_options(&mut options)?;
    Ok(options)
}

/// The options that cannot go together, and the inputs: the sample when
/// none is given (but to `--aggregate`).
fn check_options(options: &mut Options) -> Result<(), Usage> {
    if options.help {
        return Ok(());
    }
    if options.json && options.emit_report {
        return Err(usage(
            "không dùng --json cùng --emit-report: chọn một kiểu in",
            "--json and --emit-report cannot be used together: choose one output",
        ));
    }
    if options.locate && options.emit_report {
        return Err(usage(
            "không dùng --locate cùng --emit-report: --emit-report in báo cáo, không in các phát hiện",
            "--locate and --emit-report cannot be used together: --emit-report prints the report, not its findings",
        ));
    }
    if options.render.is_some() && (options.json || options.emit_report) {
        return Err(usage(
            "--html và --xlsx in các biểu mẫu: không dùng cùng --json hay --emit-report",
            "--html and --xlsx print the forms: they cannot be used with --json or --emit-report",
        ));
    }
    if options.locate && options.aggregate {
        return Err(usage(
            "không dùng --locate cùng --aggregate",
            "--locate and --aggregate cannot be used together",
        ));
    }
    if options.emit_report && !options.aggregate && options.inputs.len() > 1 {
        return Err(usage(
            "--emit-report in một báo cáo: chỉ ghi một FILE, hoặc thêm --aggregate để in tổng hợp của chúng",
            "--emit-report prints one report: give one FILE, or add --aggregate to print their total",
        ));
    }
    if options
        .inputs
        .iter()
        .filter(|i| **i == Input::Stdin)
        .count()
        > 1
    {
        return Err(usage(
            "chỉ đọc được đầu vào chuẩn (-) một lần",
            "standard input (-) can be read only once",
        ));
    }
    if options.inputs.is_empty() {
        if options.aggregate {
            return Err(usage(
                "--aggregate cộng các báo cáo được ghi: hãy ghi ít nhất một FILE (hoặc - cho đầu vào chuẩn)",
                "--aggregate adds up the reports given: give at least one FILE (or - for standard input)",
            ));
        }
        options.inputs.push(Input::Sample);
    }
    Ok(())
}

/// One problem of a rejected input, as printed.
struct Problem {
    form: Option<u8>,
    stt: Option<String>,
    line: Option<usize>,
    text: String,
    message_vi: String,
    message_en: String,
}

impl Problem {
    fn general(message_vi: String, message_en: String) -> Self {
        Self {
            form: None,
            stt: None,
            line: None,
            text: String::new(),
            message_vi,
            message_en,
        }
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "form": self.form,
            "stt": self.stt,
            "line": self.line,
            "text": self.text,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
        })
    }

    fn location(&self) -> String {
        let mut out = Vec::new();
        if let Some(line) = self.line {
            out.push(format!("line {line}"));
        }
        if let Some(form) = self.form {
            out.push(format!("form {form}"));
        }
        if let Some(stt) = &self.stt {
            out.push(format!("STT {}", Quoted(stt)));
        }
        if !self.text.is_empty() {
            out.push(format!("text {}", Quoted(&self.text)));
        }
        out.join(", ")
    }
}

/// Every problem of an error, and how many more were only counted.
fn problems(error: &Error) -> (Vec<Problem>, usize) {
    fn listed<T>(problems: &Problems<T>, each: impl Fn(&T) -> Problem) -> (Vec<Problem>, usize) {
        (problems.iter().map(each).collect(), problems.omitted())
    }
    match error {
        Error::Rows(cells) => listed(cells, |cell| Problem {
            form: (cell.form != 0).then_some(cell.form),
            stt: (cell.form != 0 || !cell.stt.is_empty()).then(|| cell.stt.clone()),
            line: cell.line,
            text: cell.raw.clone(),
            message_vi: cell.message_vi().to_string(),
            message_en: cell.message_en().to_string(),
        }),
        Error::Json(json) => listed(json, |problem| Problem {
            form: problem.form(),
            stt: problem.cell.map(|cell| cell.indicator().stt.to_owned()),
            line: problem.line,
            text: problem.raw.clone(),
            message_vi: if problem.path.is_empty() {
                problem.message_vi.clone()
            } else {
                format!("{}: {}", problem.path, problem.message_vi)
            },
            message_en: if problem.path.is_empty() {
                problem.message_en.clone()
            } else {
                format!("{}: {}", problem.path, problem.message_en)
            },
        }),
        Error::Encoding(encoding) => (
            vec![Problem {
                line: Some(encoding.line),
                ..Problem::general(encoding.message_vi().into(), encoding.message_en().into())
            }],
            0,
        ),
        other => (
            vec![Problem::general(other.to_string(), other.to_string())],
            0,
        ),
    }
}

/// A report read, with what its reader noticed.
type Loaded = Imported;

/// Reads the bytes of an input, up to the document limit and no further:
/// one byte past [`MAX_DOCUMENT_BYTES`] refuses it, so an endless input
/// (`/dev/zero`, a pipe that never ends) costs at most the limit.
fn read(input: &Input) -> Result<Vec<u8>, Problem> {
    let (name_vi, name_en) = match input {
        Input::Sample => return Ok(Vec::new()),
        Input::Stdin => ("đầu vào chuẩn".to_owned(), "standard input".to_owned()),
        Input::File(file) => (
            format!("tệp {}", one_line(file)),
            one_line(file).into_owned(),
        ),
    };
    let cannot = |error: std::io::Error| {
        Problem::general(
            format!("không đọc được {name_vi}: {error}"),
            format!("cannot read {name_en}: {error}"),
        )
    };
    let limit = u64::try_from(MAX_DOCUMENT_BYTES).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    let cap = limit.saturating_add(1);
    match input {
        Input::Stdin => std::io::stdin().lock().take(cap).read_to_end(&mut bytes),
        Input::File(file) => {
            std::fs::File::open(file).and_then(|opened| opened.take(cap).read_to_end(&mut bytes))
        }
        Input::Sample => Ok(0),
    }
    .map_err(cannot)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::general(
            format!(
                "{name_vi} dài hơn {MAX_DOCUMENT_BYTES} byte, giới hạn công cụ đọc (một báo cáo chỉ vài chục kB): không đọc tiếp"
            ),
            format!(
                "{name_en} is longer than {MAX_DOCUMENT_BYTES} bytes, the most this tool reads (a report is a few tens of kB): not read further"
            ),
        ));
    }
    Ok(bytes)
}

/// Loads the report, or the problems that reject it.
fn load(input: &Input) -> Result<Loaded, (Vec<Problem>, usize)> {
    if *input == Input::Sample {
        return Ok(Imported {
            report: samples::bac_giang_2023_q3(),
            warnings: Problems::default(),
        });
    }
    let bytes = read(input).map_err(|problem| (vec![problem], 0))?;
    if let Some(loaded) = load_office(&bytes) {
        return loaded;
    }
    let text = decode::decode_owned(bytes).map_err(|error| problems(&error))?;
    let is_json = match input {
        Input::File(file) => Path::new(file)
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| extension.eq_ignore_ascii_case("json")),
        _ => false,
    } || text.trim_start().starts_with('{');
    let loaded = if is_json {
        Report::from_json(&text).map(|report| Imported {
            report,
            warnings: Problems::default(),
        })
    } else if looks_printed(&text) {
        read_printed(&text)
    } else {
        read_tsv(&text)
    };
    let loaded = loaded.map_err(|error| problems(&error))?;
    if loaded.report.cells().0.iter().all(Option::is_none) {
        let problem = CellProblem::NoFigures;
        return Err((
            vec![Problem::general(
                problem.message_vi("").into(),
                problem.message_en("").into(),
            )],
            0,
        ));
    }
    Ok(loaded)
}

/// A Word or Excel document, recognised by its content whatever its name:
/// read by `cchc_forms::office` (each problem with its table, row and cell,
/// or sheet and cell); an old binary `.doc` or `.xls`, an RTF, a PDF or an
/// `OpenDocument` file refused, saying to save it as `.docx` or `.xlsx`.
/// `None` for text, which the text readers take.
#[cfg(feature = "office")]
fn load_office(bytes: &[u8]) -> Option<Result<Loaded, (Vec<Problem>, usize)>> {
    use cchc_forms::office::{Kind, read};
    if Kind::sniff(bytes) == Kind::Text {
        return None;
    }
    Some(read(bytes).map_err(|error| {
        let (mut listed, omitted) = problems(&error);
        for (problem, cell) in listed.iter_mut().zip(error.cells()) {
            if let Some(place) = &cell.place {
                problem.message_vi = format!("{}: {}", place.message_vi(), problem.message_vi);
                problem.message_en = format!("{}: {}", place.message_en(), problem.message_en);
            }
        }
        (listed, omitted)
    }))
}

/// Without the `office` feature every input is text.
#[cfg(not(feature = "office"))]
fn load_office(_bytes: &[u8]) -> Option<Result<Loaded, (Vec<Problem>, usize)>> {
    None
}

fn period_text(period: Option<Period>) -> Cow<'static, str> {
    let Some(period) = period else {
        return "kỳ báo cáo: không ghi / period: not given".into();
    };
    let (vi, en) = match period.term {
        Term::Q1 => ("Quý I", "Q1"),
        Term::HalfYear => ("6 tháng", "half-year"),
        Term::Q3 => ("Quý III", "Q3"),
        Term::Year => ("Năm", "year"),
    };
    format!("{vi} năm {year} / {en} {year}", year = period.year).into()
}

fn print_warning(out: &mut String, warning: &ImportWarning) {
    let mut location = Vec::new();
    if let Some(line) = warning.line {
        location.push(format!("line {line}"));
    }
    if warning.form != 0 {
        location.push(format!("form {}", warning.form));
    }
    if !warning.stt.is_empty() {
        location.push(format!("STT {}", Quoted(&warning.stt)));
    }
    let _ = writeln!(
        out,
        "  WARNING {}\n          {}\n          {}",
        location.join(", "),
        one_line(&warning.message_vi()),
        one_line(&warning.message_en())
    );
}

fn print_table(loaded: &Loaded, findings: &[Finding]) -> String {
    let mut out = String::new();
    let meta = &loaded.report.meta;
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let _ = writeln!(
        out,
        "{} — {} — {} finding(s): {} error(s), {} warning(s), {} note(s)\n",
        body_text(&meta.body),
        period_text(meta.period),
        findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    if !loaded.warnings.is_empty() {
        let _ = writeln!(
            out,
            "Cảnh báo khi đọc / Read with warnings ({}):",
            loaded.warnings.total()
        );
        for warning in &loaded.warnings {
            print_warning(&mut out, warning);
        }
        if loaded.warnings.omitted() > 0 {
            let _ = writeln!(out, "  … and {} more", loaded.warnings.omitted());
        }
        out.push('\n');
    }
    for form in &FORMS {
        let of_form: Vec<&Finding> = findings
            .iter()
            .filter(|finding| {
                finding
                    .cells
                    .first()
                    .is_some_and(|cell| cell.indicator().form == form.number)
            })
            .collect();
        if of_form.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "Biểu mẫu {} — {} ({})",
            form.number, form.title_vi, form.title_en
        );
        for finding in of_form {
            let cell = finding.cells[0].indicator();
            // Numbers the Vietnamese way, like the labels beside them: the
            // reported value with every printed digit, the computed one
            // without trailing zeros.
            let value = |v: Option<cchc_forms::Decimal>, printed: bool| {
                v.map_or_else(
                    || "—".to_owned(),
                    |v| {
                        if printed {
                            NumberText::decimal(v, Style::Vietnamese).to_string()
                        } else {
                            NumberText::trimmed(v, Style::Vietnamese).to_string()
                        }
                    },
                )
            };
            let _ = writeln!(
                out,
                "  {:<7} {:<6} {}\n          báo cáo/reported {:<12} tính được/computed {:<12} rule {}\n          {}\n          {}",
                finding.severity.to_string().to_uppercase(),
                cell.stt,
                cell.label_vi,
                value(finding.reported, true),
                value(finding.computed, false),
                finding.rule,
                one_line(&finding.message_vi()),
                one_line(&finding.message_en()),
            );
        }
        out.push('\n');
    }
    if findings.is_empty() {
        out.push_str("No findings: every rule that could be evaluated holds.\n");
    }
    out
}

/// A body as the output names it: escaped, or "not given".
fn body_text(body: &str) -> Cow<'_, str> {
    if cchc_forms::BodyKey::of(body).is_none() {
        "đơn vị báo cáo: không ghi / body: not given".into()
    } else {
        one_line(body)
    }
}

/// Whether the library's quoting escapes `c`: a control character, or one
/// a reader cannot see or tell from a space.
fn hidden(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    let mut buffer = [0_u8; 4];
    let text = c.encode_utf8(&mut buffer);
    Quoted(text).to_string().len() != text.len() + 2
}

/// `text` with every control or invisible character written as an escape
/// (`\t`, `\u{202e}`), line ends too unless `keep_lines`.
fn escaped(text: &str, keep_lines: bool) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| hidden(c) && !(keep_lines && c == '\n'))
    {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_lines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.into()
}

/// Text from the input on one line of the output: every control and
/// invisible character escaped, line ends too.
fn one_line(text: &str) -> Cow<'_, str> {
    escaped(text, false)
}

/// Prints a table to standard output, every control or invisible character
/// that came with the input escaped.
fn print_out(text: &str) {
    print!("{}", escaped(text, true));
}

/// Prints to standard error the same way.
fn print_err(text: &str) {
    eprint!("{}", escaped(text, true));
}

/// JSON as printed: pretty, and every control or invisible character that
/// JSON leaves as it is (U+007F–U+009F, U+200B, U+202E, …) written as a
/// `\uXXXX` escape, which reads back as the same text.
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c != '\n' && hidden(c) {
            let mut units = [0_u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Prints JSON on standard output; exit code 2 if it cannot be written.
fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), ExitCode> {
    match json_text(value) {
        Ok(text) => {
            println!("{text}");
            Ok(())
        }
        Err(error) => {
            eprintln!("không in được JSON / cannot print the JSON: {error}");
            Err(ExitCode::from(2))
        }
    }
}

fn reject(json: bool, problems: &[Problem], omitted: usize) -> ExitCode {
    if json {
        let mut array: Vec<serde_json::Value> = problems.iter().map(Problem::json).collect();
        if omitted > 0 {
            array.push(
                Problem::general(
                    format!("còn {omitted} lỗi khác không được liệt kê"),
                    format!("{omitted} more problems not listed"),
                )
                .json(),
            );
        }
        let _ = print_json(&array);
    } else {
        let total = problems.len().saturating_add(omitted);
        let mut out = format!("rejected: {total} problem(s) / bị từ chối: {total} lỗi\n");
        for problem in problems {
            let location = problem.location();
            if location.is_empty() {
                let _ = writeln!(out, "  {}", one_line(&problem.message_en));
            } else {
                let _ = writeln!(out, "  {location}: {}", one_line(&problem.message_en));
            }
            let _ = writeln!(out, "    {}", one_line(&problem.message_vi));
        }
        if omitted > 0 {
            let _ = writeln!(
                out,
                "  … and {omitted} more problem(s), not listed / còn {omitted} lỗi khác không được liệt kê"
            );
        }
        print_err(&out);
    }
    ExitCode::from(2)
}

/// A wrong command line: the message in both languages and the usage on
/// standard error, or with `--json` a JSON array of one problem.
fn reject_usage(json: bool, wrong: &Usage) -> ExitCode {
    if json {
        let problem = Problem::general(wrong.vi.clone(), wrong.en.clone());
        let _ = print_json(&[problem.json()]);
    } else {
        print_err(&format!(
            "lỗi dòng lệnh: {}\nusage error: {}\n\n{USAGE}",
            wrong.vi, wrong.en
        ));
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    // Whether the JSON output is asked for, even of a wrong command line.
    let json = arguments
        .iter()
        .take_while(|argument| *argument != "--")
        .any(|argument| argument == "--json");
    let options = match parse_args(arguments) {
        Ok(options) => options,
        Err(wrong) => return reject_usage(json, &wrong),
    };
    if options.help {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    // Every input read first: one rejected input rejects the run, naming
    // its file when there are several.
    let several = options.inputs.len() > 1;
    let mut loaded = Vec::with_capacity(options.inputs.len());
    for input in &options.inputs {
        match load(input) {
            Ok(report) => loaded.push(report),
            Err((mut problems, omitted)) => {
                if several {
                    let name = input_name(input);
                    for problem in &mut problems {
                        problem.message_vi = format!("{name}: {}", problem.message_vi);
                        problem.message_en = format!("{name}: {}", problem.message_en);
                    }
                }
                return reject(options.json, &problems, omitted);
            }
        }
    }
    if options.json || options.emit_report {
        let mut out = String::new();
        for one in &loaded {
            for warning in &one.warnings {
                print_warning(&mut out, warning);
            }
        }
        print_err(&out);
    }
    if let Some(render) = options.render {
        return run_render(&options, render, &loaded);
    }
    if options.aggregate {
        return run_aggregate(&options, loaded);
    }
    if several {
        return run_several(&options, &loaded);
    }
    let Some(loaded) = loaded.into_iter().next() else {
        return ExitCode::from(2);
    };
    if options.emit_report {
        return match print_json(&loaded.report) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    let findings = loaded.report.validate();
    let located = (options.locate && findings.has_errors()).then(|| loaded.report.locate());
    if options.json && options.locate {
        let json =
            serde_json::json!({ "findings": &findings, "locate": located.unwrap_or_default() });
        if let Err(code) = print_json(&json) {
            return code;
        }
    } else if options.json {
        if let Err(code) = print_json(&findings) {
            return code;
        }
    } else {
        print_out(&locate_table(
            print_table(&loaded, &findings),
            located.as_ref(),
        ));
    }
    if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// An input as messages name it (a file's name escaped).
fn input_name(input: &Input) -> String {
    match input {
        Input::Sample => "(sample)".to_owned(),
        Input::Stdin => "(stdin)".to_owned(),
        Input::File(file) => one_line(file).into_owned(),
    }
}

/// The files of the reports a finding's cells name by position, each once.
fn files_of(inputs: &[Input], cells: &[cchc_forms::cross::ReportCell]) -> Vec<String> {
    let mut positions: Vec<usize> = cells.iter().filter_map(|cell| cell.member).collect();
    positions.sort_unstable();
    positions.dedup();
    positions
        .into_iter()
        .filter_map(|at| inputs.get(at).map(input_name))
        .collect()
}

/// Findings across reports whose cells name reports by position (two
/// versions of a period, the members of a total), each message ending with
/// the files they are in: the JSON stays a list of findings as the schema
/// describes them.
fn with_files(inputs: &[Input], mut findings: CrossFindings) -> CrossFindings {
    for finding in &mut findings.0 {
        let files = files_of(inputs, &finding.cells);
        if !files.is_empty() {
            let files = files.join(", ");
            finding.append(&format!(" (tệp: {files})"), &format!(" (files: {files})"));
        }
    }
    findings
}

/// Several reports: each validated, then the checks across the reports of
/// each body and year.
fn run_several(options: &Options, loaded: &[Loaded]) -> ExitCode {
    use cchc_forms::series::UnplacedReason;
    let reports: Vec<Report> = loaded.iter().map(|one| one.report.clone()).collect();
    let each: Vec<_> = reports.iter().map(Report::validate).collect();
    let mut across = check_reports(&reports);
    let inputs = &options.inputs;
    across.findings = with_files(inputs, across.findings);
    let errors = each.iter().any(cchc_forms::Findings::has_errors) || across.findings.has_errors();
    // The other report an unplaced one is set aside for, if any.
    let other_of = |reason: UnplacedReason| match reason {
        UnplacedReason::SamePeriodAs { first } => Some(first),
        UnplacedReason::OtherVersion { other } => Some(other),
        _ => None,
    };
    if options.json {
        let json = serde_json::json!({
            "reports": inputs.iter().zip(&reports).zip(&each).map(|((input, report), findings)| {
                serde_json::json!({
                    "file": input_name(input),
                    "body": report.meta.body,
                    "period": report.meta.period,
                    "findings": findings,
                })
            }).collect::<Vec<_>>(),
            "across": &across.findings,
            "unplaced": across.unplaced.iter().map(|u| serde_json::json!({
                "index": u.index,
                "file": inputs.get(u.index).map(input_name),
                "body": u.body,
                "reason": u.reason,
                "other_file": other_of(u.reason).and_then(|at| inputs.get(at)).map(input_name),
                "message_vi": u.message_vi(),
                "message_en": u.message_en(),
            })).collect::<Vec<_>>(),
            "alone": across.alone.iter().map(|a| serde_json::json!({
                "index": a.index,
                "file": inputs.get(a.index).map(input_name),
                "body": a.body,
                "period": a.period,
                "message_vi": a.message_vi(),
                "message_en": a.message_en(),
            })).collect::<Vec<_>>(),
        });
        if let Err(code) = print_json(&json) {
            return code;
        }
    } else {
        let mut out = String::new();
        for ((input, one), findings) in inputs.iter().zip(loaded).zip(&each) {
            let _ = writeln!(out, "=== {} ===", input_name(input));
            out.push_str(&print_table(one, findings));
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "=== Kiểm tra giữa các báo cáo / Across reports: {} finding(s) ===",
            across.findings.len()
        );
        let name = |at: usize| inputs.get(at).map(input_name).unwrap_or_default();
        for unplaced in &across.unplaced {
            let other = other_of(unplaced.reason)
                .map(|at| format!(" — với/with {}", name(at)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  NOT PLACED {} ({}){other}\n          {}\n          {}",
                name(unplaced.index),
                body_text(&unplaced.body),
                unplaced.message_vi(),
                unplaced.message_en()
            );
        }
        for alone in &across.alone {
            let _ = writeln!(
                out,
                "  ALONE   {} ({})\n          {}\n          {}",
                name(alone.index),
                body_text(&alone.body),
                alone.message_vi(),
                alone.message_en()
            );
        }
        print_cross(&mut out, &across.findings, inputs);
        print_out(&out);
    }
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The same file given twice to `--aggregate`: each repeat, naming it.
fn same_files(inputs: &[Input]) -> Vec<Problem> {
    let mut seen: Vec<(std::path::PathBuf, usize)> = Vec::new();
    let mut problems = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        let Input::File(file) = input else {
            continue;
        };
        let path = std::fs::canonicalize(file).unwrap_or_else(|_| Path::new(file).to_owned());
        if let Some(&(_, first)) = seen.iter().find(|(earlier, _)| *earlier == path) {
            let name = one_line(file);
            problems.push(Problem::general(
                format!(
                    "tệp {name} được ghi hai lần (báo cáo thứ {} và thứ {}): mỗi báo cáo chỉ được cộng một lần",
                    first + 1,
                    index + 1
                ),
                format!(
                    "the file {name} is given twice (reports {} and {}): a report is counted once in a total",
                    first + 1,
                    index + 1
                ),
            ));
        } else {
            seen.push((path, index));
        }
    }
    problems
}

/// `--aggregate`: the reports added up, the total printed or checked, with
/// what could not be added and the codes' distributions.
fn run_aggregate(options: &Options, loaded: Vec<Loaded>) -> ExitCode {
    let twice = same_files(&options.inputs);
    if !twice.is_empty() {
        return reject(options.json, &twice, 0);
    }
    let reports: Vec<Report> = loaded.into_iter().map(|one| one.report).collect();
    let body = format!("Tổng hợp {} báo cáo", reports.len());
    let total = match aggregate(body, &reports) {
        Ok(total) => total,
        Err(error) => {
            let problems: Vec<Problem> = match &error {
                Error::Members(members) => members
                    .iter()
                    .map(|member| {
                        let file = options
                            .inputs
                            .get(member.index)
                            .map(|input| format!("{}: ", input_name(input)))
                            .unwrap_or_default();
                        Problem::general(
                            format!("{file}{}", member.message_vi()),
                            format!("{file}{}", member.message_en()),
                        )
                    })
                    .collect(),
                other => vec![Problem::general(other.to_string(), other.to_string())],
            };
            return reject(options.json, &problems, 0);
        }
    };
    // What the total could not add, then the codes: beside the findings.
    let mut notes = total.gaps();
    notes.0.extend(total.distributions().0);
    let notes = if options.emit_report {
        with_files(&options.inputs, notes)
    } else {
        notes
    };
    if options.emit_report {
        let mut out = String::new();
        if !notes.is_empty() {
            let _ = writeln!(
                out,
                "Tổng hợp: không cộng được / The total could not add ({}):",
                notes.len()
            );
            print_cross(&mut out, &notes, &options.inputs);
        }
        print_err(&out);
        return match print_json(&total.report) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    let mut findings = total.validate();
    findings.0.extend(notes.0);
    let findings = with_files(&options.inputs, findings);
    if options.json {
        if let Err(code) = print_json(&findings) {
            return code;
        }
    } else {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} — {} finding(s)\n",
            one_line(&total.report.meta.body),
            period_text(total.report.meta.period),
            findings.len()
        );
        print_cross(&mut out, &findings, &options.inputs);
        print_out(&out);
    }
    if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Findings across reports, one block each, with every cell and its report
/// (its file, where the cell names a report by position).
fn print_cross(out: &mut String, findings: &CrossFindings, inputs: &[Input]) {
    for finding in findings {
        let cells: Vec<String> = finding
            .cells
            .iter()
            .map(|cell| {
                let period = cell.period.map_or_else(
                    || "—".to_owned(),
                    |p| format!("{} {}", p.term.name_en(), p.year),
                );
                let mut whose = vec![period];
                if let Some(body) = &cell.body {
                    whose.push(one_line(body).into_owned());
                }
                if let Some(input) = cell.member.and_then(|at| inputs.get(at)) {
                    whose.push(input_name(input));
                }
                format!("{}/{} ({})", cell.form, cell.stt, whose.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:<7} rule {}\n          cells {}\n          {}\n          {}",
            finding.severity.to_string().to_uppercase(),
            finding.rule,
            cells.join(", "),
            one_line(finding.message_vi()),
            one_line(finding.message_en()),
        );
    }
    if findings.is_empty() {
        out.push_str("No findings: every check that could be made holds.\n");
    }
}

/// `--locate`: after the findings, the minimal sets of cells to change,
/// most likely first, each with the value every one of its cells should
/// take in that set: change one set, not every cell listed.
fn locate_table(table: String, located: Option<&cchc_forms::Localisation>) -> String {
    let Some(located) = located else {
        return table;
    };
    let mut out = table;
    let number =
        |value: cchc_forms::Decimal| NumberText::decimal(value, Style::Vietnamese).to_string();
    let _ = writeln!(
        out,
        "Sửa MỘT trong các bộ ô sau (khả năng cao nhất trước) / Change ONE of these sets of cells (most likely first): {}{}",
        located.sets.len(),
        if located.more {
            " (more not listed / còn nữa)"
        } else {
            ""
        }
    );
    for (at, set) in located.sets.iter().enumerate() {
        let _ = writeln!(out, "  Bộ/Set {}:", at + 1);
        for repair in &set.repairs {
            let indicator = repair.cell.indicator();
            let _ = writeln!(
                out,
                "    {}/{:<6} {}\n          báo cáo/reported {:<12} đề xuất/suggested {:<12} ({})",
                indicator.form,
                indicator.stt,
                indicator.label_vi,
                number(repair.reported.to_decimal()),
                // A row that does not apply to the period is to be left blank.
                repair.value().map_or_else(
                    || "— (để trống/blank)".to_owned(),
                    |value| number(value.to_decimal()),
                ),
                repair.reason,
            );
        }
    }
    for rule in &located.unrepairable {
        let _ = writeln!(
            out,
            "  Không sửa được bằng cách đổi ô / no change of cells repairs: {rule}"
        );
    }
    out
}

/// `--html` and `--xlsx`: the forms with their findings marked, of one
/// report (with its localisation under `--locate`), of several side by side
/// with the findings across them, or of their aggregate. Exit codes as for
/// the findings: 1 when one is an error.
fn run_render(options: &Options, render: Render, loaded: &[Loaded]) -> ExitCode {
    use std::io::{IsTerminal as _, Write as _};
    if render == Render::Xlsx && std::io::stdout().is_terminal() {
        eprintln!(
            "--xlsx writes a workbook's bytes: redirect standard output to a file (validate --xlsx FILE > report.xlsx)"
        );
        return ExitCode::from(2);
    }
    let languages = options.languages;
    let reports: Vec<Report> = loaded.iter().map(|one| one.report.clone()).collect();
    let (bytes, errors): (Result<Vec<u8>, String>, bool) = if options.aggregate {
        let twice = same_files(&options.inputs);
        if !twice.is_empty() {
            return reject(false, &twice, 0);
        }
        let body = format!("Tổng hợp {} báo cáo", reports.len());
        let total = match aggregate(body, &reports) {
            Ok(total) => total,
            Err(error) => {
                let problems: Vec<Problem> = match &error {
                    Error::Members(members) => members
                        .iter()
                        .map(|member| {
                            Problem::general(member.message_vi().into(), member.message_en().into())
                        })
                        .collect(),
                    other => vec![Problem::general(other.to_string(), other.to_string())],
                };
                return reject(false, &problems, 0);
            }
        };
        let findings = total.validate();
        let bytes = match render {
            Render::Html => {
                Ok(html::render_aggregate_html(&total, &findings, languages).into_bytes())
            }
            #[cfg(feature = "office")]
            Render::Xlsx => {
                cchc_forms::render::workbook::render_aggregate_xlsx(&total, &findings, languages)
                    .map_err(|error| error.to_string())
            }
            #[cfg(not(feature = "office"))]
            Render::Xlsx => Err(NO_OFFICE.to_owned()),
        };
        (bytes, findings.has_errors())
    } else {
        render_reports(options, render, loaded, &reports)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
        eprintln!("cannot write the output: {error}");
        return ExitCode::from(2);
    }
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Why `--xlsx` fails in a build without the `office` feature.
#[cfg(not(feature = "office"))]
const NO_OFFICE: &str = "--xlsx needs the crate's `office` feature (on by default)";

/// `--html` and `--xlsx` of one report, or of several side by side: the
/// output, and whether a finding is an error.
fn render_reports(
    options: &Options,
    render: Render,
    loaded: &[Loaded],
    reports: &[Report],
) -> (Result<Vec<u8>, String>, bool) {
    let languages = options.languages;
    let findings: Vec<cchc_forms::Findings> = reports.iter().map(Report::validate).collect();
    let located: Vec<Option<cchc_forms::Localisation>> = reports
        .iter()
        .zip(&findings)
        .map(|(report, found)| (options.locate && found.has_errors()).then(|| report.locate()))
        .collect();
    let views: Vec<ReportView<'_>> = loaded
        .iter()
        .zip(reports)
        .zip(&findings)
        .zip(&located)
        .map(|(((one, report), found), located)| {
            let view = ReportView::new(report, found).with_warnings(&one.warnings);
            match located {
                Some(located) => view.with_localisation(located),
                None => view,
            }
        })
        .collect();
    let mut errors = findings.iter().any(cchc_forms::Findings::has_errors);
    let bytes = if let [view] = views.as_slice() {
        match render {
            Render::Html => Ok(html::render_html(view, languages).into_bytes()),
            #[cfg(feature = "office")]
            Render::Xlsx => cchc_forms::render::workbook::render_xlsx(view, languages)
                .map_err(|error| error.to_string()),
            #[cfg(not(feature = "office"))]
            Render::Xlsx => Err(NO_OFFICE.to_owned()),
        }
    } else {
        let across = check_reports(reports);
        errors |= across.findings.has_errors();
        match render {
            Render::Html => Ok(html::render_reports_html(&views, &across, languages).into_bytes()),
            #[cfg(feature = "office")]
            Render::Xlsx => {
                cchc_forms::render::workbook::render_reports_xlsx(&views, &across, languages)
                    .map_err(|error| error.to_string())
            }
            #[cfg(not(feature = "office"))]
            Render::Xlsx => Err(NO_OFFICE.to_owned()),
        }
    };
    (bytes, errors)
}
