//! Typed model and validator of the seven statistical forms of Vietnam's
//! periodic administrative-reform (CCHC) reports.
//!
//! Provinces and ministries report to the Ministry of Home Affairs each
//! quarter, half-year and year, attaching seven forms (Biểu mẫu 1 to 7) of
//! 125 indicators: counts, percentages, amounts in million VND and codes.
//! This crate models every indicator as a typed field with its unit, imports
//! reports from rows of Vietnamese-formatted text or from JSON, and checks
//! the invariants among the indicators.
//!
//! # Quick start
//! ```
//! use cchc_forms::{samples, Report, ReportMeta, Row, Severity};
//!
//! // The Bắc Giang Q3/2023 report ships with the crate.
//! let report = samples::bac_giang_2023_q3();
//! assert_eq!(report.form3.on_time_rate_departments.map(|p| p.to_string()).as_deref(), Some("99,3"));
//!
//! // Or build one from rows as the forms print them.
//! let report = Report::from_rows(ReportMeta::default(), [
//!     Row::new(3, "3.1.", "99,3"),
//!     Row::new(3, "3.1.1.", "54.106"),
//!     Row::new(3, "3.1.2.", "53.726"),
//! ])?;
//! assert_eq!(report.form3.resolved_departments.map(|c| c.get()), Some(54_106));
//!
//! // Check it: 100 × 53.726 / 54.106 = 99,2977 %, which `99,3` stands for.
//! assert!(report.validate().is_empty());
//!
//! // A reporter's slip: 2.521 / 6.776 is 37,2048 %, not 37,76 %.
//! let report = Report::from_rows(ReportMeta::default(), [
//!     Row::new(3, "3.1", "37,76"),
//!     Row::new(3, "3.1.1", "6.776"),
//!     Row::new(3, "3.1.2", "2.521"),
//! ])?;
//! let findings = report.validate();
//! assert_eq!(findings[0].rule, "ratio:3/3.1");
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert_eq!(findings[0].computed.map(|c| c.to_string()).as_deref(), Some("37.2048"));
//! # Ok::<(), cchc_forms::Error>(())
//! ```
//!
//! # The flow
//! ```text
//! cell text "54.106" ──number──▶ exact value with its printed precision
//!        │                                  │
//! rows (form, STT, text) ──rows──▶ typed field of a form struct ──▶ Report {meta, form1..form7}
//! JSON ──────────────────json──────────────────────────────────────────▶ │
//!                                                                        │
//!        catalogue (every indicator, written once) ◀─── uniform cell access (CellId)
//!        rule table (every invariant, written once) ──check──▶ Findings
//!        schemas (types + catalogue + rule table) ──schema──▶ schemas/*.json, x-invariants
//! ```
//!
//! # Where things live
//! - [`number`]: Vietnamese number text, parsed strictly and printed back.
//! - [`unit`](mod@unit): the value types (counts of a unit, percentages, million VND, codes).
//! - [`form`]: the seven forms, each written once as a table.
//! - [`catalogue`]: every indicator as data, derived from the form tables.
//! - [`Report`] and its metadata; [`rows`] for import and export of rows
//!   and their `#!` metadata; [`printed`] for the printed forms as copied
//!   from a report document; [`Report::from_json`] for JSON with every
//!   problem reported at once; [`decode_text`] for a file's bytes as Excel
//!   and Word save them.
//! - [`template`]: a template as a value (catalogue, rules, legal basis,
//!   periods), the registry of templates, and the rows that apply only while
//!   districts exist.
//! - [`check`]: the rule table and one module per family of rule;
//!   [`Report::validate`].
//! - [`finding`]: what the checks found, as data.
//! - [`series`]: one body's reports of a year checked together (flows,
//!   derived quarters, cumulatives, plans, codes, stocks);
//!   [`aggregate`](mod@aggregate): reports added up into a report; [`cross`]:
//!   the findings across reports, each cell with its report's period.
//! - [`render`]: the forms with their findings marked, as a web page
//!   ([`render::html`]) and an annotated workbook (`render::workbook`,
//!   feature `office`).
//! - [`schema`]: JSON Schemas of reports, findings and rules, for other languages.
//! - [`samples`]: the Bắc Giang Q3/2023 report.
//! - `strategies` (feature `proptest`): proptest strategies for valid reports,
//!   reports that break one chosen rule, and any reports, for downstream tests.
//! - [`Error`]: bad input, named cell by cell and line by line, in
//!   Vietnamese and English, at most [`MAX_PROBLEMS`] problems.
//!
//! # Limits
//! What the readers take, each limit enforced with an [`Error`] that says
//! which, and tested at and just past it:
//!
//! | limit | value | past it |
//! |---|---|---|
//! | [`MAX_DOCUMENT_BYTES`] | 8 MiB per document (bytes to decode, text of rows, printed forms, `#!` metadata, JSON) | refused before reading |
//! | [`MAX_ROWS`] | 10,000 rows per report (`from_rows`, the rows of a TSV) | reading stops at the first row past it |
//! | [`MAX_CELL_CHARS`] | 200 characters per cell text | the cell is refused unparsed |
//! | [`MAX_JSON_DEPTH`] | 16 levels of arrays and objects in a JSON report | refused before parsing |
//! | [`MAX_PROBLEMS`] | 1,000 problems listed per error | readers of text stop at the 1,000th, which says so; the rest of rows given in code and of JSON counted |
//! | [`REPORT_YEARS`] | years 2000 to 2100 in a period (`#!`, a printed title, JSON) | the period refused |
//! | [`MAX_ECHO_CHARS`] | 200 characters of text echoed per problem | cut, ending with `…` |
//! | [`MAX_REPORTS`] | 10,000 reports added up ([`aggregate`](aggregate::aggregate)) or checked across periods ([`check_reports`](series::check_reports)) | members refused; of reports to check, the rest set aside unread |
//! | [`MAX_NAMED_MEMBERS`] | 10 members named per finding of an aggregate | the rest counted |
//!
//! So memory is bounded whatever the input: a reader holds the report (about
//! 2 KB), at most [`MAX_PROBLEMS`] problems of bounded size, and for
//! [`parse_tsv`](rows::parse_tsv) at most [`MAX_ROWS`] borrowed rows. The
//! peak beyond the document itself, measured on 8 MiB of bad rows
//! (`tests/memory.rs`), stays under 4 MiB for rows and 12 MiB for the
//! printed forms. UTF-16 is the one input decoded into a copy, at most 1.5
//! times its bytes.
//!
//! # Blank is not zero
//! Every field is an `Option`; `None` is a blank cell, "not reported". It
//! survives every round trip (rows, JSON) as blank.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod aggregate;
pub mod bnv581;
pub mod catalogue;
pub mod check;
pub mod cross;
pub mod decode;
mod error;
mod figures;
pub mod finding;
pub mod form;
mod json;
mod limits;
pub mod locate;
pub mod message;
mod meta;
pub mod number;
#[cfg(feature = "office")]
#[cfg_attr(docsrs, doc(cfg(feature = "office")))]
pub mod office;
mod period;
pub mod printed;
mod problem;
mod quote;
mod reference;
pub mod render;
pub mod rows;
pub mod samples;
pub mod schema;
pub mod series;
mod sheet;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
pub mod template;
pub mod unit;

pub use bnv581::{Cells, Form1, Form2, Form3, Form4, Form5, Form6, Form7, Report};
pub use check::Family;
pub use decode::decode_text;
pub use error::{
    CellError, CellProblem, DocumentProblem, EncodingError, EncodingProblem, Error, JsonProblem,
    MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_ECHO_CHARS, MAX_JSON_DEPTH, MAX_NAMED_MEMBERS,
    MAX_PROBLEMS, MAX_REPORTS, MAX_ROWS, MemberProblem, MemberProblemKind, MetaProblem, Place,
    ProblemText, Problems, Quoted, REPORT_YEARS,
};
pub use figures::Figures;
pub use finding::{CellList, Finding, Findings, Interval, RuleId, Severity};
pub use locate::{Localisation, Locator};
pub use message::{Language, Message, Words};
pub use meta::{BodyKey, ReportMeta};
pub use period::{CalendarDate, Level, Period, Term};
pub use reference::{Reference, ReferenceCount};
pub use rows::{ImportWarning, Imported, Row, WarningKind};
pub use sheet::Sheet;
pub use template::{Template, TemplateVersion};

/// The README's Rust examples, compiled and run as doctests (its property
/// test example needs the `proptest` feature, as CI runs them).
#[cfg(all(doctest, feature = "proptest"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
/// The exact decimal type of percentages and amounts, re-exported so that
/// callers need not depend on `rust_decimal` themselves.
pub use rust_decimal::Decimal;
