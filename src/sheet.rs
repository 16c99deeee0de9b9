//! A report under any template, held as its cells.
//!
//! [`Report`] is the typed report of the 581 template: seven structs of
//! named, typed fields, what most users write against. A [`Sheet`] is the
//! same report as data: the template its metadata names, and one value per
//! indicator of that template. It is how a template without typed forms
//! (the next official one, or a test's) is imported and validated, with the
//! same rules, families and findings.
//!
//! # Example
//! ```
//! use cchc_forms::{samples, Report, ReportMeta, Row, Sheet};
//!
//! let sheet = Sheet::from_rows(ReportMeta::default(), [
//!     Row::new(3, "3.1", "37,76"),
//!     Row::new(3, "3.1.1", "6.776"),
//!     Row::new(3, "3.1.2", "2.521"),
//! ])?;
//! let findings = sheet.validate();
//! assert_eq!(findings[0].rule, "ratio:3/3.1");
//!
//! // A typed report and its sheet find the same.
//! let report = samples::bac_giang_2023_q3();
//! assert_eq!(Sheet::from(&report).validate(), report.validate());
//! # Ok::<(), cchc_forms::Error>(())
//! ```

use crate::bnv581::Report;
use crate::catalogue::CellId;
use crate::check::{Evaluation, Source, run};
use crate::error::{CellProblem, Error};
use crate::figures::Figures;
use crate::finding::Findings;
use crate::meta::ReportMeta;
use crate::rows::{Row, import_rows, rows_outcome};
use crate::template::{Template, TemplateVersion};
use crate::unit::{Printed, ValueKind};

/// A report under the template its metadata names, as one value per
/// indicator of that template (`None` for a blank cell).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sheet {
    /// Who reports, for which period, under which template.
    pub meta: ReportMeta,
    values: Vec<Option<Printed>>,
}

impl Sheet {
    /// An empty sheet (every cell blank) of the template `meta` names.
    #[must_use]
    pub fn new(meta: ReportMeta) -> Sheet {
        let count = meta.template.template().catalogue.indicators.len();
        Sheet {
            meta,
            values: vec![None; count],
        }
    }

    /// Its template.
    #[must_use]
    pub fn template(&self) -> &'static Template {
        self.meta.template.template()
    }

    /// Builds a sheet from rows, looked up in the template `meta` names.
    ///
    /// # Errors
    /// [`Error::Rows`] with one [`CellError`](crate::error::CellError) per bad row, in row order: an
    /// unknown form or STT, a value on a heading, the same cell twice, text
    /// that is not a value of the indicator's kind.
    pub fn from_rows<'a, I>(meta: ReportMeta, rows: I) -> Result<Sheet, Error>
    where
        I: IntoIterator<Item = Row<'a>>,
    {
        let meta_problems = meta.problems();
        let mut sheet = Sheet::new(meta);
        let mut first_seen = crate::rows::FirstSeen::NONE;
        let mut finder = crate::rows::RowFinder::new(sheet.template().catalogue);
        let problems = import_rows(rows, |number, row| {
            crate::rows::import_one(&mut sheet, &mut first_seen, &mut finder, number, row)
                .map(|_| ())
        });
        rows_outcome(sheet, problems, meta_problems)
    }

    /// Reads a sheet of `template` from rows `form<TAB>stt<TAB>value` and
    /// their `#!` metadata lines, as [`read_tsv`](crate::rows::read_tsv)
    /// reads a 581 report: every problem of the metadata and of the rows
    /// reported at once, each with its line.
    ///
    /// # Errors
    /// [`Error::Rows`] listing each problem with its line, form, STT and
    /// text; a document past [`MAX_DOCUMENT_BYTES`](crate::MAX_DOCUMENT_BYTES).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Sheet, Term, TemplateVersion};
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// let sheet = Sheet::from_tsv_in(template, "#! period: 2023 Q3\n3\t1.4\t1.902\n")?;
    /// assert_eq!(sheet.meta.period.map(|p| p.term), Some(Term::Q3));
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    pub fn from_tsv_in(template: &'static Template, text: &str) -> Result<Sheet, Error> {
        crate::rows::read_rows_in(template, text).map(|(sheet, _)| sheet)
    }

    /// Parses a cell's text into one cell of the sheet; empty text blanks it.
    fn set_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        let indicator = self.template().indicator(id);
        let value = if text.trim().is_empty() {
            None
        } else {
            Some(indicator.kind.parse(text, indicator.unit_vi)?)
        };
        self.values[id.index()] = value;
        Ok(())
    }

    /// The value of one cell, `None` when blank or not of this template.
    #[must_use]
    pub fn cell(&self, id: CellId) -> Option<Printed> {
        self.value(id)
    }

    /// Checks every rule of the sheet's template and returns the findings,
    /// exactly as [`Report::validate`] does for a typed report.
    #[must_use]
    pub fn validate(&self) -> Findings {
        let template = self.template();
        run(
            template.rules,
            template.plan,
            self,
            None,
            &template.absent_cells_of(self.meta.period),
            None,
        )
    }

    /// Checks every rule and says what became of each.
    #[must_use]
    pub fn check(&self) -> Evaluation {
        let template = self.template();
        let mut outcomes = Vec::with_capacity(template.rules.len());
        let findings = run(
            template.rules,
            template.plan,
            self,
            None,
            &template.absent_cells_of(self.meta.period),
            Some(&mut outcomes),
        );
        Evaluation { findings, outcomes }
    }
}

impl crate::figures::Sealed for Sheet {}

impl Figures for Sheet {
    fn meta(&self) -> &ReportMeta {
        &self.meta
    }

    fn blank(meta: ReportMeta) -> Sheet {
        Sheet::new(meta)
    }

    fn each_figure(&self, mut each: impl FnMut(usize, Option<Printed>)) {
        for (index, &value) in self.values.iter().enumerate() {
            each(index, value);
        }
    }

    fn set_figure(&mut self, id: CellId, value: Option<Printed>) -> Result<(), CellProblem> {
        let template = self.template();
        if !std::ptr::eq(id.catalogue(), template.catalogue) {
            return Err(CellProblem::UnknownStt);
        }
        let indicator = template.indicator(id);
        if let Some(value) = value {
            indicator.kind.holds(value, indicator.unit_vi)?;
        }
        match self.values.get_mut(id.index()) {
            Some(slot) => {
                *slot = value;
                Ok(())
            }
            None => Err(CellProblem::UnknownStt),
        }
    }

    fn findings(&self) -> Findings {
        self.validate()
    }
}

impl Source for Sheet {
    fn reference(&self) -> crate::reference::Reference {
        self.meta.reference
    }

    fn value(&self, id: CellId) -> Option<Printed> {
        if !std::ptr::eq(id.catalogue(), self.template().catalogue) {
            return None;
        }
        self.values.get(id.index()).copied().flatten()
    }
}

impl From<&Report> for Sheet {
    /// The typed report's cells, under its template.
    fn from(report: &Report) -> Sheet {
        Sheet {
            meta: report.meta.clone(),
            values: report.cells().0.to_vec(),
        }
    }
}

/// A sheet is written as a typed report is: `{"meta": …, "form1": {key:
/// value, …}, …}`, counts and codes as JSON numbers, percentages and
/// amounts as strings of their printed digits (`"99.3"`), a blank as
/// `null`; what [`Sheet::from_json_in`] and the rule consumers read.
impl serde::Serialize for Sheet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Form<'a>(&'a Sheet, &'static crate::catalogue::FormInfo);
        impl serde::Serialize for Form<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                for indicator in self.1.indicators() {
                    let value = self.0.value(indicator.id);
                    match (indicator.kind, value) {
                        (_, None) => map.serialize_entry(indicator.key, &None::<()>)?,
                        (ValueKind::Count | ValueKind::Code { .. }, Some(value)) => {
                            map.serialize_entry(indicator.key, &value.mantissa)?;
                        }
                        (ValueKind::Percent | ValueKind::MillionVnd, Some(value)) => {
                            map.serialize_entry(indicator.key, &value.to_decimal().to_string())?;
                        }
                    }
                }
                map.end()
            }
        }
        let template = self.template();
        let mut map = serializer.serialize_map(Some(template.catalogue.forms.len() + 1))?;
        map.serialize_entry("meta", &self.meta)?;
        for form in template.catalogue.forms {
            map.serialize_entry(form.key, &Form(self, form))?;
        }
        map.end()
    }
}

impl Sheet {
    /// Reads a sheet of `template` from JSON as [`Sheet`] serializes it,
    /// every problem reported at once. The metadata's `template` names
    /// `template` (or is left out).
    ///
    /// # Errors
    /// [`Error::Json`] listing each problem with its path, the cell and the
    /// raw text: an unknown form or key, a value that is not one of the
    /// indicator's kind, a document past [`MAX_DOCUMENT_BYTES`](crate::limits::MAX_DOCUMENT_BYTES)
    /// or nested deeper than [`MAX_JSON_DEPTH`](crate::limits::MAX_JSON_DEPTH); the
    /// metadata's problems as [`Error::Meta`].
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Sheet, TemplateVersion};
    /// let sheet = Sheet::from(&samples::bac_giang_2023_q3());
    /// let json = serde_json::to_string(&sheet).unwrap();
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(Sheet::from_json_in(template, &json).unwrap(), sheet);
    /// ```
    #[allow(clippy::too_many_lines)] // one pass over the document, problem by problem
    pub fn from_json_in(template: &'static Template, text: &str) -> Result<Sheet, Error> {
        use crate::error::{JsonProblem, Problems};
        use serde_json::value::RawValue;
        use std::collections::BTreeMap;

        let problem =
            |path: &str, cell: Option<CellId>, raw: &str, (vi, en): (String, String)| JsonProblem {
                path: path.to_owned(),
                cell,
                raw: crate::error::echo(raw),
                line: None,
                message_en: en,
                message_vi: vi,
            };
        let mut problems = Problems::new();
        if let Some(too_much) = crate::json::too_large(text).or_else(|| crate::json::too_deep(text))
        {
            problems.push(too_much);
            return Err(Error::Json(problems));
        }
        let document: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
            Ok(document) => document,
            Err(error) => {
                problems.push(problem(
                    "",
                    None,
                    "",
                    (
                        format!("JSON không đọc được: {error}"),
                        format!("the JSON cannot be read: {error}"),
                    ),
                ));
                return Err(Error::Json(problems));
            }
        };
        let mut meta = ReportMeta {
            template: template.version(),
            ..ReportMeta::default()
        };
        if let Some(raw) = document.get("meta") {
            let mut fields: BTreeMap<String, &RawValue> =
                serde_json::from_str(raw.get()).unwrap_or_default();
            let named = fields.remove("template");
            match named.map(|raw| serde_json::from_str::<String>(raw.get())) {
                None => {}
                Some(Ok(name)) if name == template.legal_basis.name => {}
                Some(_) => problems.push(problem(
                    "meta.template",
                    None,
                    named.map_or("", |raw| raw.get()),
                    (
                        format!("mẫu biểu phải là \"{}\"", template.legal_basis.name),
                        format!("the template must be \"{}\"", template.legal_basis.name),
                    ),
                )),
            }
            // The rest is read as any report's metadata, under a template
            // this build knows; the template is then this one.
            let known = serde_json::value::to_raw_value(TemplateVersion::Bnv581Of2022.name())
                .unwrap_or_default();
            fields.insert("template".to_owned(), &known);
            let rest = serde_json::to_string(&fields).unwrap_or_default();
            match serde_json::from_str::<ReportMeta>(&rest) {
                Ok(read) => {
                    meta = ReportMeta {
                        template: template.version(),
                        ..read
                    };
                }
                Err(error) => problems.push(problem(
                    "meta",
                    None,
                    raw.get(),
                    (
                        format!("meta không đọc được: {error}"),
                        format!("meta cannot be read: {error}"),
                    ),
                )),
            }
        }
        let meta_problems = meta.problems();
        let mut sheet = Sheet::new(meta);
        for (key, raw) in &document {
            if key == "meta" {
                continue;
            }
            let Some(form) = template.catalogue.forms.iter().find(|form| form.key == key) else {
                problems.push(problem(
                    key,
                    None,
                    raw.get(),
                    (
                        format!(
                            "mẫu biểu {} không có biểu `{}`",
                            template.legal_basis.name,
                            crate::error::shown(key)
                        ),
                        format!(
                            "the template {} has no form `{}`",
                            template.legal_basis.name,
                            crate::error::shown(key)
                        ),
                    ),
                ));
                continue;
            };
            let Ok(values) = serde_json::from_str::<BTreeMap<String, &RawValue>>(raw.get()) else {
                {
                    problems.push(problem(
                        key,
                        None,
                        raw.get(),
                        (
                            "một biểu mẫu là một đối tượng JSON ({\"khóa chỉ tiêu\": giá trị, …})"
                                .to_owned(),
                            "a form is a JSON object ({\"indicator key\": value, …})".to_owned(),
                        ),
                    ));
                    continue;
                }
            };
            for (name, value) in values {
                let path = format!("{key}.{}", crate::error::shown(&name));
                let Some(indicator) = form.indicators().iter().find(|i| i.key == name) else {
                    problems.push(problem(
                        &path,
                        None,
                        value.get(),
                        (
                            format!(
                                "biểu mẫu {} không có trường `{}`",
                                form.number,
                                crate::error::shown(&name)
                            ),
                            format!(
                                "form {} has no field `{}`",
                                form.number,
                                crate::error::shown(&name)
                            ),
                        ),
                    ));
                    continue;
                };
                let text = value.get().trim();
                let text = serde_json::from_str::<String>(text)
                    .ok()
                    .map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned);
                if text == "null" && value.get().trim() == "null" {
                    continue;
                }
                if let Err(cell_problem) = sheet.set_json_text(indicator, &text) {
                    problems.push(problem(
                        &path,
                        Some(indicator.id),
                        value.get(),
                        (
                            cell_problem.message_vi(indicator.unit_vi).to_string(),
                            cell_problem.message_en(indicator.unit_vi).to_string(),
                        ),
                    ));
                }
            }
        }
        if problems.total() > 0 {
            return Err(Error::Json(problems));
        }
        if !meta_problems.is_empty() {
            return Err(Error::Meta(meta_problems));
        }
        Ok(sheet)
    }

    /// One cell from its JSON text (a number, or a string's content): a
    /// count or code as digits, a percentage or amount with a decimal point.
    fn set_json_text(
        &mut self,
        indicator: &'static crate::catalogue::Indicator,
        text: &str,
    ) -> Result<(), CellProblem> {
        use crate::number::NumberError;
        let value = match indicator.kind {
            ValueKind::Count | ValueKind::Code { .. } => {
                let whole: u64 = text.parse().map_err(|_| {
                    CellProblem::NotANumber(if text.starts_with('-') {
                        NumberError::NegativeCount
                    } else {
                        NumberError::FractionalCount
                    })
                })?;
                if let ValueKind::Code { legend } = indicator.kind {
                    if !legend.iter().any(|value| u64::from(value.code) == whole) {
                        return indicator.kind.parse(text, indicator.unit_vi).map(|_| ());
                    }
                }
                Printed::whole(i128::from(whole))
            }
            ValueKind::Percent | ValueKind::MillionVnd => {
                // As the typed report reads it (and the schema's pattern
                // says): a leading `-` is allowed, a percentage or amount
                // may be negative (a reduction that is an increase).
                let decimal = crate::unit::parse_json_decimal(text).map_err(|_| {
                    CellProblem::NotANumber(if text.is_empty() {
                        NumberError::Empty
                    } else {
                        NumberError::BadDecimalMark
                    })
                })?;
                Printed {
                    mantissa: decimal.mantissa(),
                    decimals: decimal.scale(),
                }
            }
        };
        self.values[indicator.id.index()] = Some(value);
        Ok(())
    }
}

impl crate::rows::ReadInto for Sheet {
    fn blank(template: &'static Template) -> Self {
        Sheet::new(ReportMeta {
            template: template.version(),
            ..ReportMeta::default()
        })
    }

    fn set_cell_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        self.set_text(id, text)
    }

    fn set_meta(&mut self, meta: ReportMeta) {
        self.meta = meta;
    }
}
