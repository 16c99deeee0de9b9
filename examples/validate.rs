//! Validates a CCHC report and prints its findings.
//!
//! ```text
//! cargo run --example validate -- [--json] [--emit-report] [--locate] [FILE]
//! ```
//!
//! - no FILE: the embedded Bắc Giang Q3/2023 report;
//! - `FILE.json`: a report as JSON;
//! - `FILE.tsv`: rows `form<TAB>stt<TAB>value` (further columns ignored,
//!   lines starting with `#` ignored, an empty value is a blank cell); the
//!   report's metadata can be given in comment lines `#! body: …`,
//!   `#! level: province`, `#! period: 2023 q3`.
//!
//! Output: a table of findings grouped by form (default), the findings as a
//! JSON array (`--json`), or the parsed report as canonical JSON
//! (`--emit-report`). Exit code: 0 when no finding is an error, 1 when some
//! are, 2 when the input is rejected (every problem is listed on stderr).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use cchc_forms::catalogue::FORMS;
use cchc_forms::{Finding, Level, Period, Report, ReportMeta, Severity, Term, rows, samples};

struct Options {
    json: bool,
    emit_report: bool,
    locate: bool,
    file: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        json: false,
        emit_report: false,
        locate: false,
        file: None,
    };
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--json" => options.json = true,
            "--emit-report" => options.emit_report = true,
            "--locate" => options.locate = true,
            "-h" | "--help" => {
                return Err(
                    "usage: validate [--json] [--emit-report] [--locate] [FILE.json | FILE.tsv]"
                        .to_owned(),
                );
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if options.file.is_none() => options.file = Some(file.to_owned()),
            extra => return Err(format!("only one FILE, got another: {extra}")),
        }
    }
    Ok(options)
}

/// Reads the report metadata from `#! key: value` comment lines of a TSV file.
fn tsv_meta(text: &str, file: &str) -> Result<ReportMeta, String> {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    let mut meta = ReportMeta::new(stem, Level::Province, Period::new(2023, Term::Q1));
    for line in text.lines().filter_map(|line| line.strip_prefix("#!")) {
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!("metadata line `#!{line}` is not `#! key: value`"));
        };
        let value = value.trim();
        match key.trim() {
            "body" => value.clone_into(&mut meta.body),
            "level" => {
                meta.level = serde_json::from_value(serde_json::Value::String(value.to_owned()))
                    .map_err(|_| {
                        format!("level `{value}` is not ministry, province, district or commune")
                    })?;
            }
            "period" => {
                let (year, term) = value.split_once(' ').unwrap_or((value, ""));
                let year = year
                    .parse()
                    .map_err(|_| format!("period year `{year}` is not a year"))?;
                let term = serde_json::from_value(serde_json::Value::String(term.to_owned()))
                    .map_err(|_| {
                        format!("period term `{term}` is not q1, half_year, q3 or year")
                    })?;
                meta.period = Period::new(year, term);
            }
            other => return Err(format!("unknown metadata key `{other}`")),
        }
    }
    Ok(meta)
}

/// Loads the report, or the list of problems that reject it.
fn load(file: Option<&str>) -> Result<Report, Vec<String>> {
    let Some(file) = file else {
        return Ok(samples::bac_giang_2023_q3());
    };
    let text = std::fs::read_to_string(file)
        .map_err(|error| vec![format!("cannot read {file}: {error}")])?;
    let problems = |error: cchc_forms::Error| match error {
        cchc_forms::Error::Rows(cells) => cells.iter().map(ToString::to_string).collect(),
        cchc_forms::Error::Json(problems) => problems.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    };
    let extension = Path::new(file)
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() == Some("json") {
        Report::from_json(&text).map_err(problems)
    } else if extension.as_deref() == Some("tsv") {
        let meta = tsv_meta(&text, file).map_err(|problem| vec![problem])?;
        let rows = rows::parse_tsv(&text).map_err(problems)?;
        Report::from_rows(meta, rows).map_err(problems)
    } else {
        Err(vec![format!("{file}: expected a .json or .tsv file")])
    }
}

fn print_table(report: &Report, findings: &[Finding]) -> String {
    let mut out = String::new();
    let meta = &report.meta;
    let _ = writeln!(
        out,
        "{} — {:?} {} — {} finding(s): {} error(s), {} warning(s), {} note(s)\n",
        if meta.body.is_empty() {
            "(unnamed body)"
        } else {
            &meta.body
        },
        meta.period.term,
        meta.period.year,
        findings.len(),
        findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
        findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count(),
    );
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
            let value = |v: Option<rust_decimal::Decimal>| {
                v.map_or_else(|| "—".to_owned(), |v| v.normalize().to_string())
            };
            let _ = writeln!(
                out,
                "  {:<7} {:<6} {}\n          reported {:<12} computed {:<12} rule {}\n          {}\n          {}",
                finding.severity.to_string().to_uppercase(),
                cell.stt,
                cell.label_vi,
                value(finding.reported),
                value(finding.computed),
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

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let report = match load(options.file.as_deref()) {
        Ok(report) => report,
        Err(problems) => {
            eprintln!("rejected: {} problem(s)", problems.len());
            for problem in problems {
                eprintln!("  {problem}");
            }
            return ExitCode::from(2);
        }
    };
    if options.emit_report {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("cannot print the report: {error}");
                return ExitCode::from(2);
            }
        }
        return ExitCode::SUCCESS;
    }
    let findings = report.validate();
    let located = (options.locate && findings.has_errors()).then(|| report.locate());
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
            locate_table(print_table(&report, &findings), located.as_ref())
        );
    }
    if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
                    "  LIKELY  {:<6} {}\n          reported {:<12} suggested {:<12} ({})",
                    indicator.stt,
                    indicator.label_vi,
                    repair.reported.to_decimal(),
                    repair.suggested.to_decimal(),
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
