//! Who reports, for which period, under which template: a report's
//! metadata, whatever its template, and a body's identity.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::{Level, Period, Term};
use crate::reference::Reference;
pub use crate::template::TemplateVersion;

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
    /// The metadata as the `#!` lines the readers of rows, printed forms
    /// and documents read back ([`read_meta`](crate::rows::read_meta)):
    /// the body (its white space made single spaces), the level, the
    /// period, the template and the reference counts, each only when
    /// given. What a document written by this crate carries so that it
    /// reads back as it was (the annotated workbook).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{rows, samples};
    ///
    /// let meta = samples::bac_giang_2023_q3().meta;
    /// let lines = meta.metadata_lines();
    /// assert_eq!(lines[..3], ["#! body: UBND tỉnh Bắc Giang", "#! level: province", "#! period: 2023 Q3"]);
    /// assert_eq!(rows::read_meta(&lines.join("\n"))?, meta);
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    #[must_use]
    pub fn metadata_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let body = self.body.split_whitespace().collect::<Vec<_>>().join(" ");
        if !body.is_empty() {
            lines.push(format!("#! body: {body}"));
        }
        if let Some(level) = self.level {
            lines.push(format!("#! level: {}", level.name_en()));
        }
        if let Some(period) = self.period {
            let term = match period.term {
                Term::Q1 => "Q1",
                Term::HalfYear => "H1",
                Term::Q3 => "Q3",
                Term::Year => "year",
            };
            lines.push(format!("#! period: {} {term}", period.year));
        }
        lines.push(format!("#! template: {}", self.template.name()));
        for (key, count) in [
            ("departments", self.reference.departments),
            ("districts", self.reference.districts),
            ("communes", self.reference.communes),
        ] {
            if let Some(count) = count {
                lines.push(format!("#! {key}: {count}"));
            }
        }
        lines
    }

    /// What the readers refuse in the metadata: a year outside
    /// [`REPORT_YEARS`](crate::limits::REPORT_YEARS) (the same range for JSON, `#!`
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
    pub fn problems(&self) -> Vec<crate::problem::MetaProblem> {
        let Some(period) = self.period else {
            return Vec::new();
        };
        if !crate::limits::REPORT_YEARS.contains(&period.year) {
            return vec![crate::problem::MetaProblem::YearOutOfRange { year: period.year }];
        }
        let template = self.template.template();
        match self.level {
            Some(level) if !template.levels.contains(&level) => {
                vec![crate::problem::MetaProblem::LevelNotInTemplate {
                    level,
                    template: template.legal_basis.name,
                }]
            }
            Some(Level::District) if !template.has_districts(period) => {
                vec![crate::problem::MetaProblem::NoDistrictLevel {
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
