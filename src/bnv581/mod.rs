//! The template of Công văn 581/BNV-CCHC of 21/02/2022: the seven forms of
//! the Ministry of Home Affairs' periodic administrative-reform reports, as
//! one template among others.
//!
//! Everything that is 581's and no other template's lives here: its seven
//! form tables, the catalogue numbered from them ([`CATALOGUE`], [`FORMS`],
//! [`HEADINGS`]), its rule table ([`RULES`]) with its compiled clean path,
//! the typed [`Report`] with [`Form1`] to [`Form7`], and the template value
//! [`BNV_581`] that ties them ([`TemplateVersion::Bnv581Of2022`](crate::template::TemplateVersion::Bnv581Of2022)). The rest
//! of the crate works on the template it is given.
//!
//! Each form's file is one form, written as a `form_table!` invocation whose
//! rows read like the printed form: STT, field name, type (which gives the
//! unit), the printed "Lũy kế" flag, how the row behaves over time and how
//! it adds up across bodies (its period class and aggregation class, with
//! the reasoning for the rows where it is not obvious), the Vietnamese label
//! as printed and an English name. Everything else derives from these tables: the form structs and
//! their documented fields, the [catalogue](crate::catalogue), row import
//! and export, and the schema keywords.
//!
//! Every field is an `Option`: `None` is a blank cell ("not reported"), which
//! is not zero.
//!
//! | form | struct | title |
//! |---|---|---|
//! | 1 | [`Form1`] | Công tác chỉ đạo điều hành CCHC |
//! | 2 | [`Form2`] | Cải cách thể chế |
//! | 3 | [`Form3`] | Cải cách thủ tục hành chính |
//! | 4 | [`Form4`] | Cải cách tổ chức bộ máy |
//! | 5 | [`Form5`] | Cải cách chế độ công vụ |
//! | 6 | [`Form6`] | Cải cách tài chính công |
//! | 7 | [`Form7`] | Xây dựng và phát triển Chính quyền điện tử, Chính quyền số |

use crate::catalogue::{CellId, Heading, catalogue, find_in, normalize_stt};
use crate::finding::{Finding, FindingEntry, RuleId};

mod batch;
#[cfg(test)]
mod clean_path_edges;
mod form1;
mod form2;
mod form3;
mod form4;
mod form5;
mod form6;
mod form7;
mod report;
mod rules;

pub use batch::validate_all;
pub use form1::Form1;
pub use form2::Form2;
pub use form3::Form3;
pub use form4::Form4;
pub use form5::Form5;
pub use form6::Form6;
pub use form7::Form7;
pub(crate) use report::with_form;
pub use report::{Cells, Report};
#[cfg(test)]
pub(crate) use report::{SNAPSHOT_LEN, Snapshotted};
pub use rules::{RULE_COUNT, RULES};
#[cfg(test)]
pub(crate) use rules::{cell, clean_path};

catalogue! {
    BNV_581_CATALOGUE;
    Form1, Form2, Form3, Form4, Form5, Form6, Form7
}

/// The template of Công văn 581/BNV-CCHC of 21/02/2022: the seven forms of
/// this module, their catalogue and [`RULES`].
pub static BNV_581: crate::template::Template = crate::template::Template {
    legal_basis: crate::template::LegalBasis {
        document: "Công văn 581/BNV-CCHC",
        date: crate::period::CalendarDate {
            year: 2022,
            month: 2,
            day: 21,
        },
        issuer: "Bộ Nội vụ (Ministry of Home Affairs)",
        name: "581/BNV-CCHC/2022",
    },
    applies: crate::template::Applicability {
        from: Some(crate::period::CalendarDate {
            year: 2021,
            month: 12,
            day: 15,
        }),
        until: None,
        reason_en: "reports from Q1/2022 on",
        reason_vi: "báo cáo từ quý I/2022",
    },
    windows: crate::template::Windows::Administrative,
    levels: &crate::period::Level::ALL,
    catalogue: &BNV_581_CATALOGUE,
    rules: &RULES,
    plan: Some(rules::clean_path),
};

#[allow(non_upper_case_globals)] // named as the enum variant it was
impl crate::template::TemplateVersion {
    /// The template of Công văn 581/BNV-CCHC of 21/02/2022 (Ministry of Home
    /// Affairs guidance on periodic administrative-reform reports).
    pub const Bnv581Of2022: crate::template::TemplateVersion =
        crate::template::TemplateVersion::of(&BNV_581);

    /// The templates this crate ships, oldest first: the names a report's
    /// `template` may give without a template of the caller's own.
    pub const ALL: &'static [crate::template::TemplateVersion] =
        &[crate::template::TemplateVersion::Bnv581Of2022];
}

impl CellId {
    /// The cell of the 581 template of form `form` at row `stt` (written
    /// without a trailing dot).
    ///
    /// # Panics
    /// When there is no such indicator; in a `const` item this is a compile
    /// error. Use [`CellId::find`] for untrusted input, and
    /// [`Template::cell`](crate::template::Template::cell) for any template.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::CellId;
    /// const RATE: CellId = CellId::of(3, "3.1");
    /// assert_eq!(RATE.indicator().unit_vi, "%");
    /// ```
    #[must_use]
    pub const fn of(form: u8, stt: &str) -> CellId {
        match Self::find(form, stt) {
            Some(id) => id,
            None => panic!("no indicator with this form and STT"),
        }
    }

    /// The cell of the 581 template of form `form` at row `stt`, if there
    /// is one. The STT may end with a dot (`1.1.` is `1.1`) and be
    /// surrounded by white space.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::CellId;
    /// assert_eq!(CellId::find(2, " 1.1. "), Some(CellId::of(2, "1.1")));
    /// assert_eq!(CellId::find(2, "2"), None); // a heading
    /// ```
    #[must_use]
    pub const fn find(form: u8, stt: &str) -> Option<CellId> {
        find_in(&CATALOGUE, form, stt)
    }

    /// The cell at a position of [`CATALOGUE`] (the 581 template), if it is
    /// in range.
    #[must_use]
    pub fn from_index(index: usize) -> Option<CellId> {
        CATALOGUE.get(index).map(|indicator| indicator.id)
    }
}

/// A cell reads from `{"form": 3, "stt": "3.1"}`, a cell of the 581
/// template.
impl<'de> serde::Deserialize<'de> for CellId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct CellRef {
            form: u8,
            stt: String,
        }
        let cell = <CellRef as serde::Deserialize>::deserialize(deserializer)?;
        CellId::find(cell.form, &cell.stt).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "form {} has no indicator with STT {:?}",
                cell.form, cell.stt
            ))
        })
    }
}

impl RuleId {
    /// The rule of the 581 template whose id is `id`
    /// ([`RuleId::find_in`] for any template).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::RuleId;
    /// assert_eq!(RuleId::find("sum:3/1.4").map(|rule| rule.as_str()), Some("sum:3/1.4"));
    /// assert_eq!(RuleId::find("sum:9/9"), None);
    /// ```
    #[must_use]
    pub fn find(id: &str) -> Option<RuleId> {
        RuleId::find_in(&RULES, id)
    }
}

/// A rule id reads as a rule of the 581 template; the findings of another
/// template read with [`Findings::from_json_in`](crate::finding::Findings::from_json_in).
impl<'de> serde::Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = RuleId;

            fn expecting(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                out.write_str("the id of a rule of cchc_forms::bnv581::RULES")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<RuleId, E> {
                RuleId::find(id).ok_or_else(|| E::custom(format_args!("no rule has the id {id:?}")))
            }
        }
        deserializer.deserialize_str(Id)
    }
}

impl schemars::JsonSchema for RuleId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        schemars::json_schema!({
            "type": "string",
            "enum": ids,
        })
    }
}

/// A finding reads as a finding of the 581 template;
/// [`Findings::from_json_in`](crate::finding::Findings::from_json_in) reads the
/// findings of any template.
impl<'de> serde::Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entry = FindingEntry::deserialize(deserializer)?;
        let rule = RuleId::find(&entry.rule).ok_or_else(|| {
            serde::de::Error::custom(format_args!("no rule has the id {:?}", entry.rule))
        })?;
        entry.resolve(rule).map_err(serde::de::Error::custom)
    }
}

/// What a form's row is, looked up by its STT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row that holds a value.
    Indicator(CellId),
    /// A heading.
    Heading(&'static Heading),
}

/// Looks up a row of a 581 form by its STT (trailing dot and white space
/// ignored).
///
/// # Example
/// ```
/// use cchc_forms::bnv581::{lookup, RowKind};
/// use cchc_forms::catalogue::CellId;
/// assert_eq!(lookup(1, "3.1"), Some(RowKind::Indicator(CellId::of(1, "3.1"))));
/// assert!(matches!(lookup(1, "3."), Some(RowKind::Heading(_))));
/// assert_eq!(lookup(8, "1"), None);
/// ```
#[must_use]
pub fn lookup(form: u8, stt: &str) -> Option<RowKind> {
    if let Some(id) = CellId::find(form, stt) {
        return Some(RowKind::Indicator(id));
    }
    let stt = normalize_stt(stt);
    HEADINGS
        .iter()
        .find(|heading| heading.form == form && heading.stt == stt)
        .map(RowKind::Heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_is_found_in_its_form() {
        // `find_in` halves to a form's first indicator: they are in form order.
        assert!(
            CATALOGUE
                .windows(2)
                .all(|pair| pair[0].form <= pair[1].form)
        );
        for indicator in &CATALOGUE {
            assert_eq!(
                CellId::find(indicator.form, indicator.stt),
                Some(indicator.id)
            );
            let dotted = format!("{}.", indicator.stt);
            assert_eq!(CellId::find(indicator.form, &dotted), Some(indicator.id));
        }
        assert_eq!(CellId::find(0, "1"), None);
        assert_eq!(CellId::find(8, "1"), None);
    }
}
