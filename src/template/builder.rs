//! Templates defined at run time, outside the crate.
//!
//! The crate's own templates are written as `static` tables checked at
//! compile time. A downstream crate (a province's own rows, the successor
//! of the 581 forms) defines its template with a [`TemplateBuilder`]: its
//! legal basis, windows and levels, its forms, rows and headings, and its
//! rules, written with the families' constructors and cells named
//! `"form/STT"` as a reviewer reads them off the printed forms. [`build`]
//! checks the whole definition, reports every problem at once, and returns
//! a `&'static Template` that every path of the crate takes as it takes
//! 581: [`Sheet`](crate::sheet::Sheet) readers and validation, localisation,
//! series, aggregation, strategies and schema generation.
//!
//! A built template lives as long as the program (it is leaked once, as a
//! `static` would be): build each template once, at start-up.
//!
//! [`build`]: TemplateBuilder::build
//!
//! # Example
//! ```
//! use cchc_forms::catalogue::Indicator;
//! use cchc_forms::template::{LegalBasis, TemplateBuilder, Windows};
//! use cchc_forms::unit::ValueKind;
//! use cchc_forms::{CalendarDate, Level, Period, ReportMeta, Row, Severity, Sheet, Term};
//!
//! let template = TemplateBuilder::new(LegalBasis {
//!     document: "Biểu mẫu thử nghiệm",
//!     date: CalendarDate { year: 2026, month: 1, day: 1 },
//!     issuer: "A downstream crate",
//!     name: "example/online",
//! })
//! .windows(Windows::Calendar)
//! .levels(&[Level::Province, Level::Commune])
//! .form(1, "form1", "Dịch vụ công trực tuyến", "Online services")
//! .row(Indicator::count(1, "1", "dossiers", "Tổng số hồ sơ", "Dossiers", "Hồ sơ", "dossiers"))
//! .row(Indicator::count(1, "2", "online", "Hồ sơ trực tuyến", "Online dossiers", "Hồ sơ", "dossiers"))
//! .row(Indicator::percent(1, "3", "online_rate", "Tỷ lệ hồ sơ trực tuyến", "Share online"))
//! .ratio("1/3", "1/2", "1/1")
//! .part(Severity::Error, &["1/2"], "1/1", ("Một phần.", "A part."))
//! .build()?;
//!
//! let meta = ReportMeta {
//!     template: template.version(),
//!     ..ReportMeta::new("UBND tỉnh A", Level::Province, Period::new(2026, Term::Q1))
//! };
//! let sheet = Sheet::from_rows(meta, [
//!     Row::new(1, "1", "200"),
//!     Row::new(1, "2", "150"),
//!     Row::new(1, "3", "80"),
//! ])?;
//! let findings = sheet.validate();
//! assert_eq!(findings[0].rule, "ratio:1/3");
//! assert_eq!(findings[0].computed.map(|c| c.to_string()).as_deref(), Some("75.0000"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::catalogue::{Catalogue, CatalogueRef, CellId, FormInfo, Heading, Indicator};
use crate::check::implies::ConditionKind;
use crate::check::rules::{Notes, derivable_limits};
use crate::check::{
    AcrossForms, Bound, Conditional, Covers, Derivable, Full, Implies, LevelRange, NotApplicable,
    PartWhole, Ratio, Rule, Share, Sum,
};
use crate::finding::Severity;
use crate::period::Level;
use crate::template::{Applicability, LegalBasis, Template, Windows};

/// A row as a [`TemplateBuilder`] takes it: an [`Indicator`], made with
/// its constructors ([`Indicator::count`], [`Indicator::percent`],
/// [`Indicator::million_vnd`], [`Indicator::code`]); the builder gives it
/// its place in the template's catalogue. (The name the builder's rows had
/// before they were indicators.)
pub type RowSpec = Indicator;

/// A condition of an implication, on cells named `"form/STT"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The cells add up to at least 1.
    Positive(&'static [&'static str]),
    /// The cells add up to 0.
    Zero(&'static [&'static str]),
    /// The cell holds this code.
    Code(&'static str, u8),
    /// The cell is reported.
    Reported(&'static str),
    /// The cell is blank.
    Blank(&'static str),
}

impl When {
    fn parts(self) -> (ConditionKind, Vec<&'static str>, u8, String) {
        let plus = |cells: &[&str]| cells.join("+");
        match self {
            When::Positive(cells) => (
                ConditionKind::Positive,
                cells.to_vec(),
                0,
                format!("{}>=1", plus(cells)),
            ),
            When::Zero(cells) => (
                ConditionKind::Zero,
                cells.to_vec(),
                0,
                format!("{}==0", plus(cells)),
            ),
            When::Code(cell, code) => (
                ConditionKind::Code,
                vec![cell],
                code,
                format!("{cell}=={code}"),
            ),
            When::Reported(cell) => (
                ConditionKind::Reported,
                vec![cell],
                0,
                format!("{cell}:reported"),
            ),
            When::Blank(cell) => (ConditionKind::Blank, vec![cell], 0, format!("{cell}:blank")),
        }
    }
}

/// A rule as written, its cells still named `"form/STT"`.
#[derive(Debug, Clone)]
struct Written {
    id: String,
    severity: Severity,
    cells: Vec<&'static str>,
    make: Make,
    /// For an implication, how many of the cells its premise reads.
    premise: Option<usize>,
    notes: (&'static str, &'static str),
}

/// How a written rule is made once its cells are resolved: its family's
/// own constructor (`Ratio::rule`, …), with the rule's parameters.
#[derive(Clone)]
struct Make(Arc<MakeRule>);

/// A family's constructor of a rule: from its id, severity, cells and notes.
type MakeRule = dyn Fn(&'static str, Severity, &'static [CellId], Notes) -> Rule + Send + Sync;

impl Make {
    fn new(
        make: impl Fn(&'static str, Severity, &'static [CellId], Notes) -> Rule + Send + Sync + 'static,
    ) -> Make {
        Make(Arc::new(make))
    }
}

impl fmt::Debug for Make {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str("Make")
    }
}

/// What is wrong with a template's definition: every problem found, each
/// in English and Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Each problem, in English.
    pub problems_en: Vec<String>,
    /// Each problem, in Vietnamese, in the same order.
    pub problems_vi: Vec<String>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            out,
            "the template cannot be built (mẫu biểu không dựng được): "
        )?;
        for (index, (en, vi)) in self.problems_en.iter().zip(&self.problems_vi).enumerate() {
            if index > 0 {
                out.write_str("; ")?;
            }
            write!(out, "{en} ({vi})")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

/// Defines a template at run time: see [`crate::template`].
#[derive(Debug, Clone)]
#[must_use]
pub struct TemplateBuilder {
    legal_basis: LegalBasis,
    applies: Applicability,
    windows: Windows,
    levels: Vec<Level>,
    forms: Vec<FormInfo>,
    rows: Vec<Indicator>,
    headings: Vec<Heading>,
    rules: Vec<Written>,
    /// Rules whose twins (`derivable`, `full`) follow the table, as the
    /// crate's tables write them.
    ratios: Vec<[&'static str; 3]>,
}

impl TemplateBuilder {
    /// A template set by `legal_basis`, with administrative windows, every
    /// level, and no forms yet.
    pub fn new(legal_basis: LegalBasis) -> TemplateBuilder {
        TemplateBuilder {
            legal_basis,
            applies: Applicability::ALWAYS,
            windows: Windows::Administrative,
            levels: Level::ALL.to_vec(),
            forms: Vec::new(),
            rows: Vec::new(),
            headings: Vec::new(),
            rules: Vec::new(),
            ratios: Vec::new(),
        }
    }

    /// The periods the template applies to.
    pub fn applies(mut self, applies: Applicability) -> TemplateBuilder {
        self.applies = applies;
        self
    }

    /// Its reporting windows.
    pub fn windows(mut self, windows: Windows) -> TemplateBuilder {
        self.windows = windows;
        self
    }

    /// The levels of government that report under it.
    pub fn levels(mut self, levels: &[Level]) -> TemplateBuilder {
        self.levels = levels.to_vec();
        self
    }

    /// A form: its number, its key in JSON (`form1`) and its title.
    pub fn form(
        mut self,
        number: u8,
        key: &'static str,
        title_vi: &'static str,
        title_en: &'static str,
    ) -> TemplateBuilder {
        self.forms.push(FormInfo {
            catalogue: CatalogueRef::UNNUMBERED,
            number,
            key,
            title_vi,
            title_en,
        });
        self
    }

    /// A row that holds a value, after the rows of its form given so far
    /// (its [`id`](Indicator::id) is given when the template is built).
    pub fn row(mut self, row: Indicator) -> TemplateBuilder {
        self.rows.push(row);
        self
    }

    /// A heading row of a form (it holds no value).
    pub fn heading(
        mut self,
        form: u8,
        stt: &'static str,
        label_vi: &'static str,
        name_en: &'static str,
    ) -> TemplateBuilder {
        self.headings.push(Heading {
            form,
            stt,
            label_vi,
            name_en,
            cumulative: false,
        });
        self
    }

    fn written(
        mut self,
        id: String,
        severity: Severity,
        cells: Vec<&'static str>,
        make: Make,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        self.rules.push(Written {
            id,
            severity,
            cells,
            make,
            premise: None,
            notes,
        });
        self
    }

    /// A percentage against its numerator and denominator
    /// (`ratio:1/3`), with its `derivable` and `full` notes, as every
    /// ratio of the crate's tables has them.
    pub fn ratio(
        mut self,
        rate: &'static str,
        numerator: &'static str,
        denominator: &'static str,
    ) -> TemplateBuilder {
        self.ratios.push([rate, numerator, denominator]);
        self
    }

    /// A total against an exhaustive breakdown (`sum:1/1`), an error
    /// either way.
    pub fn sum(
        self,
        total: &'static str,
        parts: &[&'static str],
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        self.sum_directed(total, parts, Severity::Error, Severity::Error, notes)
    }

    /// A total against its breakdown, with the severity of parts adding up
    /// to more (`above`) and to less (`below`) than the total.
    pub fn sum_directed(
        self,
        total: &'static str,
        parts: &[&'static str],
        above: Severity,
        below: Severity,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(total)
            .chain(parts.iter().copied())
            .collect();
        self.written(
            format!("sum:{total}"),
            Severity::Error,
            cells,
            Make::new(move |id, _, cells, notes| Sum::rule(id, cells, notes, above, below)),
            notes,
        )
    }

    /// Parts at most their whole (`part:1/2<=1/1`).
    pub fn part(
        self,
        severity: Severity,
        parts: &[&'static str],
        whole: &'static str,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(whole)
            .chain(parts.iter().copied())
            .collect();
        self.written(
            format!("part:{}<={whole}", parts.join("+")),
            severity,
            cells,
            Make::new(PartWhole::rule),
            notes,
        )
    }

    /// A value within `[min, max]` (`bound:1/3:0..100`; `_` for no limit).
    pub fn bound(
        self,
        severity: Severity,
        cell: &'static str,
        min: Option<i64>,
        max: Option<i64>,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let limit = |limit: Option<i64>| limit.map_or_else(|| "_".to_owned(), |l| l.to_string());
        self.written(
            format!("bound:{cell}:{}..{}", limit(min), limit(max)),
            severity,
            vec![cell],
            Make::new(move |id, severity, cells, notes| {
                Bound::rule(id, severity, cells, notes, min, max)
            }),
            notes,
        )
    }

    /// A code that means "not done" (`when`) against the rows that say how
    /// it was done (`conditional:1/5==2`).
    pub fn conditional(
        self,
        code: &'static str,
        when: u8,
        dependents: &[&'static str],
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(code)
            .chain(dependents.iter().copied())
            .collect();
        self.written(
            format!("conditional:{code}=={when}"),
            Severity::Error,
            cells,
            Make::new(move |id, severity, cells, notes| {
                Conditional::rule(id, severity, cells, notes, when)
            }),
            notes,
        )
    }

    /// When one condition holds, another must (`implies:…=>…`).
    pub fn implies(
        self,
        severity: Severity,
        premise: When,
        conclusion: When,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let (kind, premise_cells, code, premise_id) = premise.parts();
        let (then_kind, conclusion_cells, then_code, conclusion_id) = conclusion.parts();
        let count = premise_cells.len();
        let cells = premise_cells.into_iter().chain(conclusion_cells).collect();
        let mut builder = self.written(
            format!("implies:{premise_id}=>{conclusion_id}"),
            severity,
            cells,
            Make::new(move |id, severity, cells, notes| {
                Implies::rule(
                    id,
                    severity,
                    cells,
                    notes,
                    (kind, count, code),
                    (then_kind, then_code),
                )
            }),
            notes,
        );
        if let Some(written) = builder.rules.last_mut() {
            written.premise = Some(count);
        }
        builder
    }

    /// An overall rate within the range of its per-level rates
    /// (`level_range:1/3`).
    pub fn level_range(
        self,
        overall: &'static str,
        levels: &[&'static str],
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(overall)
            .chain(levels.iter().copied())
            .collect();
        self.written(
            format!("level_range:{overall}"),
            Severity::Error,
            cells,
            Make::new(LevelRange::rule),
            notes,
        )
    }

    /// Rows of one form at most a row of another (`across:2/1<=1/1`), a
    /// warning.
    pub fn across_part(
        self,
        parts: &[&'static str],
        whole: &'static str,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(whole)
            .chain(parts.iter().copied())
            .collect();
        self.written(
            format!("across:{}<={whole}", parts.join("+")),
            Severity::Warning,
            cells,
            Make::new(AcrossForms::part_of),
            notes,
        )
    }

    /// The same quantity on two forms (`across:1/1==2/1`), a warning.
    pub fn across_same(
        self,
        left: &'static str,
        right: &'static str,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        self.written(
            format!("across:{left}=={right}"),
            Severity::Warning,
            vec![left, right],
            Make::new(AcrossForms::same),
            notes,
        )
    }

    /// A count at most the sum of the counts each of its items adds to
    /// (`covers:1/4<=1/1+1/2`).
    pub fn covers(
        self,
        covered: &'static str,
        covering: &[&'static str],
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        let cells = std::iter::once(covered)
            .chain(covering.iter().copied())
            .collect();
        self.written(
            format!("covers:{covered}<={}", covering.join("+")),
            Severity::Error,
            cells,
            Make::new(Covers::rule),
            notes,
        )
    }

    /// A share of a small population held in another row (`share:1/3`),
    /// a warning.
    pub fn share_of_row(
        self,
        share: &'static str,
        of: &'static str,
        notes: (&'static str, &'static str),
    ) -> TemplateBuilder {
        self.written(
            format!("share:{share}"),
            Severity::Warning,
            vec![share, of],
            Make::new(Share::of_row),
            notes,
        )
    }

    /// Checks the definition and makes the template.
    ///
    /// # Errors
    /// A [`TemplateError`] listing every problem: no form or no row, a form
    /// number given twice or not in ascending order, a row or heading of
    /// a form not given, an STT given twice in a form, a rule naming a cell
    /// that is not a row of the template (written `"form/STT"`), a rule id
    /// given twice, more than 255 rows or 256 rules.
    #[allow(clippy::too_many_lines)] // one recipe: check, number, resolve, leak
    pub fn build(self) -> Result<&'static Template, TemplateError> {
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut problem = |en: String, vi: String| problems.push((en, vi));
        if self.forms.is_empty() {
            problem(
                "a template has at least one form".into(),
                "mẫu biểu có ít nhất một biểu mẫu".into(),
            );
        }
        for pair in self.forms.windows(2) {
            if pair[0].number >= pair[1].number {
                problem(
                    format!(
                        "form {} is given after form {}: give the forms once each, in ascending order",
                        pair[1].number, pair[0].number
                    ),
                    format!(
                        "biểu mẫu {} được khai sau biểu mẫu {}: khai mỗi biểu mẫu một lần, theo thứ tự tăng dần",
                        pair[1].number, pair[0].number
                    ),
                );
            }
        }
        // The rows in form order (each form's rows in the order given).
        let mut rows: Vec<Indicator> = Vec::with_capacity(self.rows.len());
        for form in &self.forms {
            rows.extend(self.rows.iter().filter(|row| row.form == form.number));
        }
        for row in &self.rows {
            if !self.forms.iter().any(|form| form.number == row.form) {
                problem(
                    format!(
                        "row {} names form {}, which is not given",
                        row.stt, row.form
                    ),
                    format!(
                        "dòng {} thuộc biểu mẫu {}, biểu mẫu này chưa được khai",
                        row.stt, row.form
                    ),
                );
            }
        }
        for heading in &self.headings {
            if !self.forms.iter().any(|form| form.number == heading.form) {
                problem(
                    format!(
                        "heading {} names form {}, which is not given",
                        heading.stt, heading.form
                    ),
                    format!(
                        "đề mục {} thuộc biểu mẫu {}, biểu mẫu này chưa được khai",
                        heading.stt, heading.form
                    ),
                );
            }
        }
        for (index, row) in rows.iter().enumerate() {
            let twice = rows[..index]
                .iter()
                .any(|other| other.form == row.form && other.stt == row.stt)
                || self
                    .headings
                    .iter()
                    .any(|heading| heading.form == row.form && heading.stt == row.stt);
            if twice {
                problem(
                    format!("form {} has row {} twice", row.form, row.stt),
                    format!("biểu mẫu {} có dòng {} hai lần", row.form, row.stt),
                );
            }
        }
        if rows.is_empty() {
            problem(
                "a template has at least one row that holds a value".into(),
                "mẫu biểu có ít nhất một chỉ tiêu".into(),
            );
        }
        if rows.len() > usize::from(u8::MAX) {
            problem(
                format!("{} rows: a template has at most 255", rows.len()),
                format!("{} chỉ tiêu: mẫu biểu có tối đa 255", rows.len()),
            );
        }

        // The handle the catalogue's cells carry: a catalogue with no rows
        // that forwards to the one built below, once it is.
        let built: &'static OnceLock<&'static Catalogue> = Box::leak(Box::new(OnceLock::new()));
        let empty = |built| Catalogue {
            forms: &[],
            indicators: &[],
            headings: &[],
            limited: &[],
            every_row_applies: (i64::MIN, i64::MAX),
            built,
        };
        let version = CatalogueRef::of(Box::leak(Box::new(empty(Some(built)))));

        let indicators: Vec<Indicator> = rows
            .iter()
            .take(usize::from(u8::MAX))
            .enumerate()
            .map(|(index, row)| Indicator {
                id: CellId::new(version, index),
                inapplicable_rule: if row.applies.is_limited() {
                    String::leak(format!("not_applicable:{}/{}", row.form, row.stt))
                } else {
                    ""
                },
                ..*row
            })
            .collect();
        let cell = |name: &str| -> Option<CellId> {
            let (form, stt) = name.split_once('/')?;
            let form: u8 = form.parse().ok()?;
            let stt = crate::catalogue::normalize_stt(stt);
            indicators
                .iter()
                .find(|indicator| indicator.form == form && indicator.stt == stt)
                .map(|indicator| indicator.id)
        };

        let mut written = self.rules;
        // A ratio's twins, in the order the crate's tables give them: the
        // ratios first, their `derivable` notes, the rest, then `full`.
        let mut ordered: Vec<Written> = Vec::with_capacity(written.len() + 3 * self.ratios.len());
        let twin = |prefix: &str,
                    [rate, numerator, denominator]: [&'static str; 3],
                    make,
                    severity| Written {
            id: format!("{prefix}:{rate}"),
            severity,
            cells: vec![rate, numerator, denominator],
            make,
            premise: None,
            notes: ("", ""),
        };
        for &ratio in &self.ratios {
            ordered.push(twin(
                "ratio",
                ratio,
                Make::new(Ratio::rule),
                Severity::Error,
            ));
        }
        for &ratio in &self.ratios {
            let make = Make::new(Derivable::rule);
            ordered.push(twin("derivable", ratio, make, Severity::Info));
        }
        ordered.append(&mut written);
        for &ratio in &self.ratios {
            ordered.push(twin("full", ratio, Make::new(Full::rule), Severity::Info));
        }

        let mut rules: Vec<Rule> = Vec::with_capacity(ordered.len());
        for written in &ordered {
            let mut ids = Vec::with_capacity(written.cells.len());
            for name in &written.cells {
                match cell(name) {
                    Some(id) => ids.push(id),
                    None => problem(
                        format!(
                            "rule {} names {name}, which is not a row of the template (cells are written \"form/STT\")",
                            written.id
                        ),
                        format!(
                            "quy tắc {} nêu {name}, không phải một chỉ tiêu của mẫu biểu (ô được ghi \"biểu/STT\")",
                            written.id
                        ),
                    ),
                }
            }
            if ids.len() < written.cells.len() {
                continue;
            }
            if ids.len() > crate::finding::CellList::CAPACITY {
                problem(
                    format!(
                        "rule {} reads {} cells: a rule reads at most {}",
                        written.id,
                        ids.len(),
                        crate::finding::CellList::CAPACITY
                    ),
                    format!(
                        "quy tắc {} đọc {} ô: một quy tắc đọc tối đa {}",
                        written.id,
                        ids.len(),
                        crate::finding::CellList::CAPACITY
                    ),
                );
                continue;
            }
            if rules.iter().any(|rule| rule.id == written.id) {
                problem(
                    format!("the rule {} is given twice", written.id),
                    format!("quy tắc {} được khai hai lần", written.id),
                );
                continue;
            }
            if let Some(count) = written.premise {
                if count == 0 || count >= ids.len() {
                    problem(
                        format!("rule {}: a condition reads at least one cell", written.id),
                        format!("quy tắc {}: một điều kiện đọc ít nhất một ô", written.id),
                    );
                    continue;
                }
            }
            rules.push((written.make.0)(
                String::leak(written.id.clone()),
                written.severity,
                Vec::leak(ids),
                written.notes,
            ));
        }
        for index in 0..rules.len() {
            rules[index].check = derivable_limits(&rules, index);
        }
        let limited: Vec<CellId> = indicators
            .iter()
            .filter(|indicator| indicator.applies.is_limited())
            .map(|indicator| indicator.id)
            .collect();
        let limited: &'static [CellId] = Vec::leak(limited);
        if rules.len() + limited.len() > 256 {
            problem(
                format!(
                    "{} rules: a template has at most 256",
                    rules.len() + limited.len()
                ),
                format!(
                    "{} quy tắc: mẫu biểu có tối đa 256",
                    rules.len() + limited.len()
                ),
            );
        }
        if !problems.is_empty() {
            let (problems_en, problems_vi) = problems.into_iter().unzip();
            return Err(TemplateError {
                problems_en,
                problems_vi,
            });
        }
        let indicators: &'static [Indicator] = Vec::leak(indicators);
        for id in limited {
            rules.push(NotApplicable::rule(*id, indicators));
        }
        let forms: Vec<FormInfo> = self
            .forms
            .iter()
            .map(|form| FormInfo {
                catalogue: version,
                ..*form
            })
            .collect();
        let mut headings = Vec::with_capacity(self.headings.len());
        for form in &self.forms {
            headings.extend(self.headings.iter().filter(|h| h.form == form.number));
        }
        let catalogue: &'static Catalogue = Box::leak(Box::new(Catalogue {
            forms: Vec::leak(forms),
            indicators,
            headings: Vec::leak(headings),
            limited,
            every_row_applies: crate::catalogue::every_row_applies(indicators, limited),
            built: Some(built),
        }));
        let _ = built.set(catalogue);
        Ok(Box::leak(Box::new(Template {
            legal_basis: self.legal_basis,
            applies: self.applies,
            windows: self.windows,
            levels: Vec::leak(self.levels),
            catalogue,
            rules: Vec::leak(rules),
            plan: None,
        })))
    }
}
