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
//! "body", "period", "findings"}], "across": [...], "unplaced": [...]}`), or
//! the parsed report as canonical JSON (`--emit-report`), the forms with
//! their findings marked as one self-contained HTML page (`--html`, on
//! standard output) or as an annotated workbook (`--xlsx`, .xlsx bytes on
//! standard output, refused when that is a terminal); see
//! `cchc_forms::render`. What the reader noticed but accepted (a label unlike
//! the template's, an amount with three decimals) is listed before the
//! table, or on standard error with `--json` and `--emit-report`.
//!
//! Exit code: 0 when no finding is an error, 1 when some are, 2 when the
//! input is rejected or the command line is wrong. A rejection lists every
//! problem (at most 1,000, then a count) in Vietnamese and English on
//! standard error, or with `--json` as a JSON array of problems (`form`,
//! `stt`, `line`, `text`, `message_vi`, `message_en`) on standard output.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use cchc_forms::aggregate::aggregate;
use cchc_forms::catalogue::FORMS;
use cchc_forms::cross::CrossFindings;
use cchc_forms::number::{NumberText, Style};
use cchc_forms::printed::{looks_printed, read_printed};
use cchc_forms::render::{Languages, ReportView, html};
use cchc_forms::rows::{ImportWarning, Imported, read_tsv};
use cchc_forms::series::check_reports;
use cchc_forms::{
    CellProblem, Error, Finding, Period, Problems, Quoted, Report, Severity, Term, decode, samples,
};

const USAGE: &str = "\
usage: validate [--json | --emit-report] [--locate] [FILE... | -]
       validate --aggregate [--json | --emit-report] FILE...
       validate (--html | --xlsx) [--lang vi|en|both] [--locate | --aggregate] [FILE... | -]

Validates CCHC reports (Biểu mẫu 1–7) and prints their findings; with
several FILEs, then the checks across the reports of each body and year.

  FILE           a report: FILE.json (JSON), or text: the printed forms as
                 copied from Word, or rows form<TAB>stt<TAB>value;
                 UTF-8 or UTF-16 (Excel's \"Unicode Text\")
  -              read the report from standard input
  (no FILE)      the embedded Bắc Giang Q3/2023 report

  --json         print the findings (or the problems of a rejected input)
                 as JSON
  --emit-report  print the report read, as canonical JSON
  --locate       also say which cells are most likely wrong and what they
                 should be (with --json: {\"findings\": [...], \"locate\": {...}})
  --aggregate    add the reports up (one period and template) and check
                 the total; with --emit-report print the total as a report
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

/// Reads the command line; a wrong one gives the message to print.
fn parse_args(arguments: impl IntoIterator<Item = String>) -> Result<Options, String> {
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
                    return Err(
                        "--html and --xlsx cannot be used together: choose one output".to_owned(),
                    );
                }
                options.render = Some(render);
            }
            "--lang" => {
                options.languages = match arguments.next().as_deref() {
                    Some("vi") => Languages::Vietnamese,
                    Some("en") => Languages::English,
                    Some("both") => Languages::Both,
                    other => {
                        return Err(format!(
                            "--lang takes vi, en or both, not {}",
                            Quoted(other.unwrap_or_default())
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
                return Err(format!("unknown option {} (see --help)", Quoted(flag)));
            }
            _ => options.inputs.push(Input::File(argument)),
        }
    }
    if options.json && options.emit_report {
        return Err(
            "--json and --emit-report cannot be used together: choose one output".to_owned(),
        );
    }
    if options.locate && options.emit_report {
        return Err(
            "--locate and --emit-report cannot be used together: --emit-report prints the report, not its findings"
                .to_owned(),
        );
    }
    if options.render.is_some() && (options.json || options.emit_report) {
        return Err(
            "--html and --xlsx print the forms: they cannot be used with --json or --emit-report"
                .to_owned(),
        );
    }
    if options.locate && options.aggregate {
        return Err("--locate and --aggregate cannot be used together".to_owned());
    }
    if options.emit_report && !options.aggregate && options.inputs.len() > 1 {
        return Err(
            "--emit-report prints one report: give one FILE, or add --aggregate to print their total"
                .to_owned(),
        );
    }
    if options
        .inputs
        .iter()
        .filter(|i| **i == Input::Stdin)
        .count()
        > 1
    {
        return Err("standard input (-) can be read only once".to_owned());
    }
    if options.inputs.is_empty() {
        options.inputs.push(Input::Sample);
    }
    Ok(options)
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
            message_vi: cell.message_vi(),
            message_en: cell.message_en(),
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
                ..Problem::general(encoding.message_vi(), encoding.message_en())
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

/// Reads the bytes of an input.
fn read(input: &Input) -> Result<Vec<u8>, Problem> {
    match input {
        Input::Sample => Ok(Vec::new()),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|error| {
                Problem::general(
                    format!("không đọc được đầu vào chuẩn: {error}"),
                    format!("cannot read standard input: {error}"),
                )
            })?;
            Ok(bytes)
        }
        Input::File(file) => std::fs::read(file).map_err(|error| {
            Problem::general(
                format!("không đọc được tệp {file}: {error}"),
                format!("cannot read {file}: {error}"),
            )
        }),
    }
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
                problem.message_vi(""),
                problem.message_en(""),
            )],
            0,
        ));
    }
    Ok(loaded)
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
        warning.message_vi(),
        warning.message_en()
    );
}

fn print_table(loaded: &Loaded, findings: &[Finding]) -> String {
    let mut out = String::new();
    let meta = &loaded.report.meta;
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let _ = writeln!(
        out,
        "{} — {} — {} finding(s): {} error(s), {} warning(s), {} note(s)\n",
        if meta.body.is_empty() {
            "đơn vị báo cáo: không ghi / body: not given"
        } else {
            &meta.body
        },
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
                finding.message_vi(),
                finding.message_en(),
            );
        }
        out.push('\n');
    }
    if findings.is_empty() {
        out.push_str("No findings: every rule that could be evaluated holds.\n");
    }
    out
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
        match serde_json::to_string_pretty(&array) {
            Ok(text) => println!("{text}"),
            Err(error) => eprintln!("cannot print the problems: {error}"),
        }
    } else {
        let total = problems.len().saturating_add(omitted);
        eprintln!("rejected: {total} problem(s) / bị từ chối: {total} lỗi");
        for problem in problems {
            let location = problem.location();
            if location.is_empty() {
                eprintln!("  {}", problem.message_en);
            } else {
                eprintln!("  {location}: {}", problem.message_en);
            }
            eprintln!("    {}", problem.message_vi);
        }
        if omitted > 0 {
            eprintln!(
                "  … and {omitted} more problem(s), not listed / còn {omitted} lỗi khác không được liệt kê"
            );
        }
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
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
        eprint!("{out}");
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
        return match serde_json::to_string_pretty(&loaded.report) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("cannot print the report: {error}");
                ExitCode::from(2)
            }
        };
    }
    let findings = loaded.report.validate();
    let located = (options.locate && findings.has_errors()).then(|| loaded.report.locate());
    if options.json && options.locate {
        let json =
            serde_json::json!({ "findings": &findings, "locate": located.unwrap_or_default() });
        println!("{json:#}");
    } else if options.json {
        match serde_json::to_string_pretty(&findings) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("cannot print the findings: {error}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!(
            "{}",
            locate_table(print_table(&loaded, &findings), located.as_ref())
        );
    }
    if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// An input as messages name it.
fn input_name(input: &Input) -> String {
    match input {
        Input::Sample => "(sample)".to_owned(),
        Input::Stdin => "(stdin)".to_owned(),
        Input::File(file) => file.clone(),
    }
}

/// Several reports: each validated, then the checks across the reports of
/// each body and year.
fn run_several(options: &Options, loaded: &[Loaded]) -> ExitCode {
    let reports: Vec<Report> = loaded.iter().map(|one| one.report.clone()).collect();
    let each: Vec<_> = reports.iter().map(Report::validate).collect();
    let across = check_reports(&reports);
    let errors = each.iter().any(cchc_forms::Findings::has_errors) || across.findings.has_errors();
    if options.json {
        let json = serde_json::json!({
            "reports": options.inputs.iter().zip(&reports).zip(&each).map(|((input, report), findings)| {
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
                "file": options.inputs.get(u.index).map(input_name),
                "body": u.body,
                "message_vi": u.message_vi(),
                "message_en": u.message_en(),
            })).collect::<Vec<_>>(),
        });
        println!("{json:#}");
    } else {
        let mut out = String::new();
        for ((input, one), findings) in options.inputs.iter().zip(loaded).zip(&each) {
            let _ = writeln!(out, "=== {} ===", input_name(input));
            out.push_str(&print_table(one, findings));
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "=== Kiểm tra giữa các báo cáo / Across reports: {} finding(s) ===",
            across.findings.len()
        );
        for unplaced in &across.unplaced {
            let _ = writeln!(
                out,
                "  NOT PLACED {}\n          {}",
                unplaced.message_vi(),
                unplaced.message_en()
            );
        }
        print_cross(&mut out, &across.findings);
        print!("{out}");
    }
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--aggregate`: the reports added up, the total printed or checked.
fn run_aggregate(options: &Options, loaded: Vec<Loaded>) -> ExitCode {
    let reports: Vec<Report> = loaded.into_iter().map(|one| one.report).collect();
    let body = format!("Tổng hợp {} báo cáo", reports.len());
    let total = match aggregate(body, &reports) {
        Ok(total) => total,
        Err(error) => {
            let problems: Vec<Problem> = match &error {
                Error::Members(members) => members
                    .iter()
                    .map(|member| Problem::general(member.message_vi(), member.message_en()))
                    .collect(),
                other => vec![Problem::general(other.to_string(), other.to_string())],
            };
            return reject(options.json, &problems, 0);
        }
    };
    if options.emit_report {
        return match serde_json::to_string_pretty(&total.report) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("cannot print the report: {error}");
                ExitCode::from(2)
            }
        };
    }
    let findings = total.validate();
    if options.json {
        match serde_json::to_string_pretty(&findings) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("cannot print the findings: {error}");
                return ExitCode::from(2);
            }
        }
    } else {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} — {} — {} finding(s)\n",
            total.report.meta.body,
            period_text(total.report.meta.period),
            findings.len()
        );
        print_cross(&mut out, &findings);
        print!("{out}");
    }
    if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Findings across reports, one block each, with every cell and its report.
fn print_cross(out: &mut String, findings: &CrossFindings) {
    for finding in findings {
        let cells: Vec<String> = finding
            .cells
            .iter()
            .map(|cell| {
                let period = cell.period.map_or_else(
                    || "—".to_owned(),
                    |p| format!("{} {}", p.term.name_en(), p.year),
                );
                match &cell.body {
                    Some(body) => format!("{}/{} ({period}, {body})", cell.form, cell.stt),
                    None => format!("{}/{} ({period})", cell.form, cell.stt),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:<7} rule {}\n          cells {}\n          {}\n          {}",
            finding.severity.to_string().to_uppercase(),
            finding.rule,
            cells.join(", "),
            finding.message_vi,
            finding.message_en,
        );
    }
    if findings.is_empty() {
        out.push_str("No findings: every check that could be made holds.\n");
    }
}

/// `--locate`: under each form's findings, the cells most likely wrong (the
/// cells of the minimal sets, most likely first) and their suggested values.
fn locate_table(table: String, located: Option<&cchc_forms::Localisation>) -> String {
    let Some(located) = located else {
        return table;
    };
    let mut out = table;
    for form in &FORMS {
        let mut lines = String::new();
        for repair in located.suggestions() {
            let indicator = repair.cell.indicator();
            if indicator.form == form.number {
                let _ = writeln!(
                    lines,
                    "  LIKELY  {:<6} {}\n          báo cáo/reported {:<12} đề xuất/suggested {:<12} ({})",
                    indicator.stt,
                    indicator.label_vi,
                    NumberText::decimal(repair.reported.to_decimal(), Style::Vietnamese)
                        .to_string(),
                    // A row that does not apply to the period is to be left blank.
                    repair.value().map_or_else(
                        || "— (để trống/blank)".to_owned(),
                        |value| NumberText::decimal(value.to_decimal(), Style::Vietnamese)
                            .to_string(),
                    ),
                    repair.reason,
                );
            }
        }
        if lines.is_empty() {
            continue;
        }
        let heading = format!("Biểu mẫu {} — ", form.number);
        let end = out
            .find(&heading)
            .map(|at| out[at..].find("\n\n").map_or(out.len(), |gap| at + gap + 1));
        match end {
            Some(end) => out.insert_str(end, &lines),
            None => {
                let _ = writeln!(
                    out,
                    "Biểu mẫu {} — {} ({})\n{lines}",
                    form.number, form.title_vi, form.title_en
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "Minimal sets of cells to change (smallest weight first): {}{}",
        located.sets.len(),
        if located.more {
            " (more not listed)"
        } else {
            ""
        }
    );
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
        let body = format!("Tổng hợp {} báo cáo", reports.len());
        let total = match aggregate(body, &reports) {
            Ok(total) => total,
            Err(error) => {
                let problems: Vec<Problem> = match &error {
                    Error::Members(members) => members
                        .iter()
                        .map(|member| Problem::general(member.message_vi(), member.message_en()))
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
