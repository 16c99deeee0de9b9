//! A whole report: who reports, for which period, under which template, and
//! its seven forms.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{CELL_COUNT, CellId};
use crate::error::CellProblem;
use crate::form::{Form1, Form2, Form3, Form4, Form5, Form6, Form7};
pub use crate::period::{CalendarDate, Level, Period, Term};
use crate::reference::Reference;
pub use crate::template::TemplateVersion;
use crate::unit::Printed;

/// A periodic administrative-reform report: its metadata and its seven forms.
///
/// Build one from rows with [`Report::from_rows`], from JSON with serde, or
/// field by field. Validate it with [`Report::validate`].
///
/// # Example
/// ```
/// use cchc_forms::samples;
///
/// let report = samples::bac_giang_2023_q3();
/// assert_eq!(report.form3.resolved_departments.map(|c| c.get()), Some(54_106));
/// assert_eq!(report.form1.plan_completion_rate, None); // blank in the source
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Who reports, for which period, under which template.
    pub meta: ReportMeta,
    /// Biểu mẫu 1: direction and management of administrative reform.
    pub form1: Form1,
    /// Biểu mẫu 2: institutional reform.
    pub form2: Form2,
    /// Biểu mẫu 3: administrative-procedure reform.
    pub form3: Form3,
    /// Biểu mẫu 4: organisational reform.
    pub form4: Form4,
    /// Biểu mẫu 5: civil-service reform.
    pub form5: Form5,
    /// Biểu mẫu 6: public-finance reform.
    pub form6: Form6,
    /// Biểu mẫu 7: e-government and digital government.
    pub form7: Form7,
}

/// Runs `$body` with `$form` bound to the form of `$report` numbered `$number`
/// (borrowed as `&` or `&mut`) and `$Form` to its type; `$otherwise` for a
/// number that is not 1 to 7.
macro_rules! with_form {
    ([$($borrow:tt)+] $report:expr, $number:expr, |$form:ident, $Form:ident| $body:expr, $otherwise:expr) => {
        with_form!(@each [$($borrow)+] $report, $number, $form, $Form, $body, $otherwise;
            1 form1 Form1, 2 form2 Form2, 3 form3 Form3, 4 form4 Form4,
            5 form5 Form5, 6 form6 Form6, 7 form7 Form7)
    };
    (@each [&] $report:expr, $number:expr, $form:ident, $Form:ident, $body:expr, $otherwise:expr;
        $($n:literal $field:ident $Type:ident),*) => {
        match $number {
            $($n => {
                type $Form = $Type;
                let $form = &$report.$field;
                $body
            })*
            _ => $otherwise,
        }
    };
    (@each [&mut] $report:expr, $number:expr, $form:ident, $Form:ident, $body:expr, $otherwise:expr;
        $($n:literal $field:ident $Type:ident),*) => {
        match $number {
            $($n => {
                type $Form = $Type;
                let $form = &mut $report.$field;
                $body
            })*
            _ => $otherwise,
        }
    };
}

pub(crate) use with_form;

impl Report {
    /// An empty report (every cell blank) with this metadata.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Report, ReportMeta, catalogue::CellId};
    /// let report = Report::new(ReportMeta::default());
    /// assert_eq!(report.cell(CellId::of(1, "1")), None);
    /// ```
    #[must_use]
    pub fn new(meta: ReportMeta) -> Self {
        Self {
            meta,
            form1: Form1::default(),
            form2: Form2::default(),
            form3: Form3::default(),
            form4: Form4::default(),
            form5: Form5::default(),
            form6: Form6::default(),
            form7: Form7::default(),
        }
    }

    /// The value of one cell as the checks see it (`None` when blank).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples, unit::Printed};
    /// let report = samples::bac_giang_2023_q3();
    /// let rate = report.cell(CellId::of(3, "3.1"));
    /// assert_eq!(rate, Some(Printed { mantissa: 993, decimals: 1 })); // 99,3
    /// ```
    #[must_use]
    pub fn cell(&self, id: CellId) -> Option<Printed> {
        let row = id.row_in_form();
        with_form!(
            [&] self,
            id.indicator().form,
            |form, Form| Form::GET.get(row).and_then(|get| get(form)),
            None
        )
    }

    /// Every cell as the checks see them, indexed by [`CellId`].
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples};
    /// let cells = samples::bac_giang_2023_q3().cells();
    /// assert_eq!(cells[CellId::of(2, "1")].map(|v| v.mantissa), Some(37));
    /// ```
    #[must_use]
    pub fn cells(&self) -> Cells {
        let mut cells = Cells([None; CELL_COUNT]);
        self.read_cells(&mut cells);
        cells
    }

    /// Every cell as the checks see them, written into `cells` (no copy of
    /// the whole array on the way).
    pub(crate) fn read_cells(&self, cells: &mut Cells) {
        use crate::catalogue::FORM_OFFSETS as AT;
        let cells = &mut cells.0;
        self.form1.read_all(&mut cells[AT[0]..AT[1]]);
        self.form2.read_all(&mut cells[AT[1]..AT[2]]);
        self.form3.read_all(&mut cells[AT[2]..AT[3]]);
        self.form4.read_all(&mut cells[AT[3]..AT[4]]);
        self.form5.read_all(&mut cells[AT[4]..AT[5]]);
        self.form6.read_all(&mut cells[AT[5]..AT[6]]);
        self.form7.read_all(&mut cells[AT[6]..AT[7]]);
    }

    /// Sets one cell from printed digits, or blanks it with `None`.
    ///
    /// # Errors
    /// A [`CellProblem`] when the cell's type cannot hold the value
    /// (decimals or a sign on a count, a code outside its legend, a decimal
    /// out of range); the report is then unchanged.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples, unit::Printed};
    /// let mut report = samples::bac_giang_2023_q3();
    /// let rate = CellId::of(1, "2");
    /// report.set_cell(rate, Some(Printed { mantissa: 7143, decimals: 2 }))?;
    /// assert_eq!(report.form1.plan_completion_rate.map(|p| p.to_string()).as_deref(), Some("71,43"));
    /// assert!(report.set_cell(CellId::of(1, "1"), Some(Printed { mantissa: 15, decimals: 1 })).is_err());
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    pub fn set_cell(&mut self, id: CellId, value: Option<Printed>) -> Result<(), CellProblem> {
        let row = id.row_in_form();
        with_form!(
            [&mut] self,
            id.indicator().form,
            |form, Form| match Form::SET.get(row) {
                Some(set) => set(form, value),
                None => Err(CellProblem::UnknownStt),
            },
            Err(CellProblem::UnknownForm)
        )
    }

    /// Parses a cell's text into one cell; empty text (or only white space)
    /// blanks it.
    ///
    /// # Errors
    /// A [`CellProblem`] when the text is not a value of the cell's type;
    /// the report is then unchanged.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, Report, ReportMeta};
    /// let mut report = Report::new(ReportMeta::default());
    /// report.set_cell_text(CellId::of(3, "3.1.1"), "54.106")?;
    /// assert_eq!(report.cell_text(CellId::of(3, "3.1.1")).as_deref(), Some("54.106"));
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    pub fn set_cell_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        if text.trim().is_empty() {
            return self.set_cell(id, None);
        }
        let row = id.row_in_form();
        with_form!(
            [&mut] self,
            id.indicator().form,
            |form, Form| match Form::PARSE.get(row) {
                Some(parse) => parse(form, text),
                None => Err(CellProblem::UnknownStt),
            },
            Err(CellProblem::UnknownForm)
        )
    }

    /// A cell printed the Vietnamese way (`54.106`, `99,3`), `None` when blank.
    #[must_use]
    pub fn cell_text(&self, id: CellId) -> Option<String> {
        struct CellText<'a>(&'a Report, CellId);
        impl fmt::Display for CellText<'_> {
            fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                let row = self.1.row_in_form();
                with_form!(
                    [&] self.0,
                    self.1.indicator().form,
                    |form, Form| Form::WRITE
                        .get(row)
                        .and_then(|write| write(form, out))
                        .unwrap_or(Ok(())),
                    Ok(())
                )
            }
        }
        self.cell(id)?;
        Some(CellText(self, id).to_string())
    }
}

/// Every cell of a report as the checks see them, indexed by [`CellId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells(pub [Option<Printed>; CELL_COUNT]);

impl std::ops::Index<CellId> for Cells {
    type Output = Option<Printed>;

    fn index(&self, id: CellId) -> &Option<Printed> {
        &self.0[id.index()]
    }
}

/// Who reports, for which period, under which template.
///
/// What a document does not say is not invented: a missing level or period
/// is `None` ("not given"), a missing body the empty string. In JSON a
/// missing `body`, `level` or `period` reads as not given, and a field not
/// given is not written.
///
/// # Example
/// ```
/// use cchc_forms::{Level, Period, ReportMeta, Term};
/// let meta: ReportMeta = serde_json::from_str(r#"{"template": "581/BNV-CCHC/2022"}"#).unwrap();
/// assert_eq!(meta, ReportMeta::default());
/// assert_eq!((meta.body.as_str(), meta.level, meta.period), ("", None, None));
/// assert_eq!(serde_json::to_string(&meta).unwrap(), r#"{"body":"","template":"581/BNV-CCHC/2022"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// The reporting body as it names itself (`UBND tỉnh Bắc Giang`); empty
    /// when not given.
    #[serde(default)]
    pub body: String,
    /// The body's level of government; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The period reported on; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The template the forms follow.
    pub template: TemplateVersion,
    /// How many departments, districts and communes the body has, where
    /// the caller knows (never printed on the forms; absent from JSON when
    /// none is given). The shares over them are checked only with them.
    #[serde(default, skip_serializing_if = "Reference::is_empty")]
    pub reference: Reference,
}

/// A body's identity, as grouping compares it: its name after Unicode NFC
/// normalisation, case folding and white-space folding.
///
/// "UBND TỈNH BẮC GIANG", "Ubnd  tỉnh Bắc Giang" and the same name typed in
/// decomposed Unicode (a base letter then its combining marks) are one
/// body. White space of any kind (a tab, a no-break space) counts as one
/// space, none at either end, and invisible characters (a zero-width space,
/// a soft hyphen, a byte-order mark) count as nothing. The two spellings of
/// a tone on a closing `oa`, `oe` or `uy` (`Hòa`/`Hoà`, `Thủy`/`Thuỷ`) are
/// one, and `Ủy ban nhân dân` is `UBND`. A name that is empty
/// once folded is not a body: [`BodyKey::of`] gives `None` ("not given"),
/// and two reports that give no body are never taken for one body.
///
/// Every grouping of reports by body uses it:
/// [`Series::group`](crate::series::Series::group) (and so
/// [`check_reports`](crate::series::check_reports)) and
/// [`aggregate`](crate::aggregate::aggregate)'s refusal of a body given
/// twice.
///
/// # Example
/// ```
/// use cchc_forms::BodyKey;
/// let upper = BodyKey::of("UBND TỈNH BẮC GIANG");
/// let decomposed = BodyKey::of("Ubnd  tỉnh Ba\u{306}\u{301}c Giang");
/// assert!(upper.is_some());
/// assert_eq!(upper, decomposed);
/// assert_eq!(upper.unwrap().as_str(), "ubnd tỉnh bắc giang");
/// assert_ne!(BodyKey::of("UBND tỉnh Bắc Giang"), BodyKey::of("UBND tỉnh Bắc Ninh"));
/// assert_eq!(BodyKey::of(" \u{a0}\t"), None); // not given
/// // The tone mark on either vowel, and "UBND" spelled out.
/// assert_eq!(BodyKey::of("UBND tỉnh Thanh Hóa"), BodyKey::of("Ủy ban nhân dân tỉnh Thanh Hoá"));
/// assert_eq!(BodyKey::of("Sở Tài nguyên và Thủy lợi"), BodyKey::of("Sở Tài nguyên và Thuỷ lợi"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyKey(String);

impl BodyKey {
    /// The identity of the body named `name`, or `None` when the name is
    /// empty (or only white space and invisible characters): not given.
    ///
    /// Time and memory are linear in the name.
    #[must_use]
    pub fn of(name: &str) -> Option<BodyKey> {
        use unicode_normalization::{IsNormalized, UnicodeNormalization as _, is_nfc_quick};
        let mut key = String::with_capacity(name.len());
        let mut space = false;
        // Whether lower case made two characters of one (`İ`), which may
        // need composing again; Vietnamese letters stay one, composed.
        let mut recompose = false;
        let mut fold = |character: char| {
            if character.is_ascii_alphanumeric() {
                if space {
                    key.push(' ');
                    space = false;
                }
                key.push(character.to_ascii_lowercase());
            } else if character.is_whitespace() {
                space = !key.is_empty();
            } else if !crate::error::is_invisible(character) {
                if space {
                    key.push(' ');
                    space = false;
                }
                let lower = character.to_lowercase();
                recompose |= lower.len() > 1;
                key.extend(lower);
            }
        };
        // NFC first, so that a decomposed letter folds as its composed
        // form (a name already in NFC, the usual case, is not copied).
        if is_nfc_quick(name.chars()) == IsNormalized::Yes {
            name.chars().for_each(&mut fold);
        } else {
            name.nfc().for_each(&mut fold);
        }
        if key.is_empty() {
            return None;
        }
        if recompose {
            key = key.nfc().collect();
        }
        if let Some(moved) = old_style_tones(&key) {
            key = moved;
        }
        // "Ủy ban nhân dân" is written "UBND" in a body's name.
        if key.contains("uỷ ban nhân dân") {
            let words: Vec<&str> = key.split(' ').collect();
            let mut out: Vec<&str> = Vec::with_capacity(words.len());
            let mut at = 0;
            while at < words.len() {
                if words[at..].starts_with(&["uỷ", "ban", "nhân", "dân"]) {
                    out.push("ubnd");
                    at += 4;
                } else {
                    out.push(words[at]);
                    at += 1;
                }
            }
            key = out.join(" ");
        }
        Some(BodyKey(key))
    }

    /// The folded name (NFC, lower case, single spaces, the tone mark of a
    /// closing `oa`, `oe`, `uy` on its second vowel, `ủy ban nhân dân` as
    /// `ubnd`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The vowels a tone sits on, composed, by tone (grave, acute, tilde, hook,
/// dot below): the plain vowel first.
const TONED: [[char; 6]; 5] = [
    ['o', 'ò', 'ó', 'õ', 'ỏ', 'ọ'],
    ['u', 'ù', 'ú', 'ũ', 'ủ', 'ụ'],
    ['a', 'à', 'á', 'ã', 'ả', 'ạ'],
    ['e', 'è', 'é', 'ẽ', 'ẻ', 'ẹ'],
    ['y', 'ỳ', 'ý', 'ỹ', 'ỷ', 'ỵ'],
];

/// A folded name (lower case, NFC, words split by one space) with the tone
/// of each word's closing `oa`, `oe` or `uy` on the second vowel, as the old
/// spelling puts it (`hoà`, `khoẻ`, `thuỷ`): the new spelling puts it on
/// the first (`hòa`, `khỏe`, `thủy`), and a name is written either way
/// (`Thanh Hoá`, `Thanh Hóa`). Not after `q` (`quý`: the u is the
/// consonant's). `None` when no word has such a tone: nothing to move.
fn old_style_tones(key: &str) -> Option<String> {
    let tone_of = |c: char, row: usize| TONED[row][1..].iter().position(|&t| t == c);
    // Only a word ending in a plain a, e or y after a toned o or u can
    // change: most names have none, and are not copied.
    let may_move = key.split(' ').any(|word| {
        let mut letters = word.chars().rev();
        matches!(
            (letters.next(), letters.next()),
            (Some('a' | 'e'), Some(first)) if tone_of(first, 0).is_some()
        ) || matches!(
            (word.chars().next_back(), word.chars().rev().nth(1)),
            (Some('y'), Some(first)) if tone_of(first, 1).is_some()
        )
    });
    if !may_move {
        return None;
    }
    let mut out = String::with_capacity(key.len());
    for (at, word) in key.split(' ').enumerate() {
        if at > 0 {
            out.push(' ');
        }
        let mut letters = word.chars().rev();
        let (last, first, before) = (letters.next(), letters.next(), letters.next());
        let moved = match (first, last) {
            (Some(first), Some(last)) if before != Some('q') => {
                let pair = match last {
                    'a' => tone_of(first, 0).map(|tone| (0, 2, tone)),
                    'e' => tone_of(first, 0).map(|tone| (0, 3, tone)),
                    'y' => tone_of(first, 1).map(|tone| (1, 4, tone)),
                    _ => None,
                };
                pair.map(|(vowel, next, tone)| (first, TONED[vowel][0], TONED[next][tone + 1]))
            }
            _ => None,
        };
        match moved {
            Some((first, plain, toned)) => {
                let stem = &word[..word.len() - first.len_utf8() - 1];
                out.push_str(stem);
                out.push(plain);
                out.push(toned);
            }
            None => out.push_str(word),
        }
    }
    Some(out)
}

impl ReportMeta {
    /// The body's identity for grouping ([`BodyKey::of`] its name): `None`
    /// when the body is not given.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, BodyKey};
    /// let meta = samples::bac_giang_2023_q3().meta;
    /// assert_eq!(meta.body_key(), BodyKey::of("ubnd tỉnh bắc giang"));
    /// ```
    #[must_use]
    pub fn body_key(&self) -> Option<BodyKey> {
        BodyKey::of(&self.body)
    }
}

impl ReportMeta {
    /// Metadata for `body` at `level` for `period`, under the current template.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Level, Period, ReportMeta, Term, TemplateVersion};
    /// let meta = ReportMeta::new("UBND tỉnh Bắc Giang", Level::Province, Period::new(2023, Term::Q3));
    /// assert_eq!(meta.template, TemplateVersion::Bnv581Of2022);
    /// assert_eq!(meta.period, Some(Period::new(2023, Term::Q3)));
    /// ```
    #[must_use]
    pub fn new(body: impl Into<String>, level: Level, period: Period) -> Self {
        Self {
            body: body.into(),
            level: Some(level),
            period: Some(period),
            template: TemplateVersion::Bnv581Of2022,
            reference: Reference::NONE,
        }
    }
}

impl ReportMeta {
    /// What the readers refuse in the metadata: a year outside
    /// [`REPORT_YEARS`](crate::REPORT_YEARS) (the same range for JSON, `#!`
    /// lines and printed titles), and what the template the metadata names
    /// refuses: a `district` level for a period whose data window starts on
    /// or after 1 July 2025 (there is no district level since).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Level, Period, ReportMeta, Term};
    /// let q3_2025 = ReportMeta::new("UBND huyện Yên Dũng", Level::District, Period::new(2025, Term::Q3));
    /// assert!(q3_2025.problems().is_empty());
    /// let q1_2026 = ReportMeta::new("UBND huyện Yên Dũng", Level::District, Period::new(2026, Term::Q1));
    /// assert_eq!(q1_2026.problems().len(), 1);
    /// let typo = ReportMeta::new("UBND tỉnh Bắc Giang", Level::Province, Period::new(2203, Term::Q3));
    /// assert_eq!(typo.problems(), [cchc_forms::MetaProblem::YearOutOfRange { year: 2203 }]);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<crate::MetaProblem> {
        let Some(period) = self.period else {
            return Vec::new();
        };
        if !crate::REPORT_YEARS.contains(&period.year) {
            return vec![crate::MetaProblem::YearOutOfRange { year: period.year }];
        }
        let template = self.template.template();
        match self.level {
            Some(level) if !template.levels.contains(&level) => {
                vec![crate::MetaProblem::LevelNotInTemplate {
                    level,
                    template: template.legal_basis.name,
                }]
            }
            Some(Level::District) if !template.has_districts(period) => {
                vec![crate::MetaProblem::NoDistrictLevel {
                    year: period.year,
                    term: period.term,
                }]
            }
            _ => Vec::new(),
        }
    }
}

impl Default for ReportMeta {
    /// Nothing given: no body, no level, no period; the current template.
    fn default() -> Self {
        Self {
            body: String::new(),
            level: None,
            period: None,
            template: TemplateVersion::Bnv581Of2022,
            reference: Reference::NONE,
        }
    }
}
