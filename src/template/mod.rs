//! Templates: which forms, rows and rules a report follows, as values.
//!
//! The forms a body attaches to its report are set by guidance of the
//! Ministry of Home Affairs, and the guidance changes. A [`Template`] is one
//! such set: its catalogue (forms, indicators, headings, units), its rule
//! table, its legal basis and the periods it applies to. A report names its
//! template in [`ReportMeta::template`](crate::meta::ReportMeta), a
//! [`TemplateVersion`]: a handle on the template value, compared by
//! identity. No registry is kept: a reader or check is given the template
//! (or finds it through the handle), and the templates this crate ships are
//! named as constants ([`TemplateVersion::ALL`]).
//!
//! | version | legal basis | forms | indicators | rules |
//! |---|---|---|---|---|
//! | [`TemplateVersion::Bnv581Of2022`] | Công văn 581/BNV-CCHC of 21/02/2022 | 7 | 125 | see [`crate::bnv581::RULES`] |
//!
//! # Rows that apply for some periods only
//! Each indicator says from and until when it applies
//! ([`Indicator::applies`](crate::catalogue::Indicator)). Since
//! [`DISTRICT_LEVEL_ABOLISHED`] (1 July 2025) Vietnam's local government has
//! two tiers, province and commune: the rows that exist only at district
//! level do not apply to a report whose reporting window starts on or after
//! that day. Q3/2025 (window from 15/06/2025) and the year 2025 (from
//! 15/12/2024) still have district rows; Q1/2026 (from 15/12/2025) has none.
//! For a report without them, a blank (or 0) district row is normal, any
//! other value there is an error (`not_applicable:…`), and the rules over
//! levels use the levels that exist: a sum over levels leaves the district
//! out and is checked as "of which" (as with any part reported blank), a
//! level range uses two levels, and a rule about a district row alone (its
//! ratio, its bounds) is not evaluated. A `district` level in the metadata
//! of such a report is refused.
//!
//! # A template of one's own
//! A downstream crate defines its template with a [`TemplateBuilder`]:
//! legal basis, windows ([`Windows`]) and levels, forms, rows
//! ([`Indicator`]s) and headings, and rules written with the families'
//! constructors, cells named `"form/STT"`. [`TemplateBuilder::build`]
//! reports every mistake of the definition at once and returns a
//! `&'static Template`; a report of it is a [`Sheet`](crate::sheet::Sheet) whose
//! metadata names it ([`Template::version`]), read from rows or from JSON
//! ([`Sheet::from_json_in`](crate::sheet::Sheet::from_json_in)), validated, its
//! findings read back with
//! [`Findings::from_json_in`](crate::finding::Findings::from_json_in), and its
//! schemas and `rules.json` generated with
//! [`schema::template_report_schema`](crate::schema::template_report_schema)
//! and [`schema::template_rules_data`](crate::schema::template_rules_data).
//! `tests/template_of_its_own.rs` is a worked example.
//!
//! # Adding the next official template to this crate
//! Beside [`crate::bnv581`]: write its forms as typed tables (the
//! `form_table!` machinery of `src/form.rs`), its rules with the `rules!`
//! table, build the catalogue with the `catalogue!` macro, make the
//! `static` [`Template`] and name it with a [`TemplateVersion`] constant
//! added to [`TemplateVersion::ALL`]. Nothing else in the crate compares
//! templates. The crate's unit tests define a second, test-only template
//! this way and run it through import, validation, findings and schemas.
//!
//! # Example
//! ```
//! use cchc_forms::{Period, Term, TemplateVersion};
//!
//! let template = TemplateVersion::Bnv581Of2022.template();
//! assert_eq!(template.catalogue.indicators.len(), 125);
//! assert_eq!(template.legal_basis.document, "Công văn 581/BNV-CCHC");
//! let district_procedures = template.cell(3, "1.4.2").unwrap();
//! assert!(template.applies(district_procedures, Period::new(2025, Term::Q3)));
//! assert!(template.applies(district_procedures, Period::new(2025, Term::Year)));
//! assert!(!template.applies(district_procedures, Period::new(2026, Term::Q1)));
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::catalogue::CellSet;
use crate::catalogue::{Catalogue, CellId, FormInfo, Heading, Indicator};
use crate::check::Rule;
use crate::finding::{FindingEntry, Findings, RuleId};
pub use crate::period::{Applicability, DISTRICT_LEVEL_ABOLISHED, WHILE_DISTRICTS_EXIST, Windows};
use crate::period::{CalendarDate, Level, Period};

/// Which template a report, a cell or a rule follows: a handle on one
/// [`Template`], compared by identity.
///
/// [`TemplateVersion::template`] gives the template itself. The crate's own
/// templates are named as constants ([`TemplateVersion::Bnv581Of2022`]); a
/// template defined outside the crate (see [`TemplateBuilder`]) gets its
/// handle from [`Template::version`]. Two handles are equal when they name
/// the same template value (a `static`, or what [`TemplateBuilder::build`]
/// returns); templates are never compared field by field.
///
/// It serializes as the template's short name (`"581/BNV-CCHC/2022"`), and
/// deserializes from the names of the templates this crate ships
/// ([`TemplateVersion::ALL`]); a reader given a template of its own accepts
/// that template's name too.
#[derive(Clone, Copy)]
pub struct TemplateVersion(&'static Template);

impl TemplateVersion {
    /// The handle of `template`.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::TemplateVersion;
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(TemplateVersion::of(template), TemplateVersion::Bnv581Of2022);
    /// ```
    #[must_use]
    pub const fn of(template: &'static Template) -> TemplateVersion {
        TemplateVersion(template)
    }

    /// The template itself: its catalogue, rules, legal basis and periods.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::TemplateVersion;
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(template.version(), TemplateVersion::Bnv581Of2022);
    /// assert_eq!(template.catalogue.forms.len(), 7);
    /// ```
    #[must_use]
    pub const fn template(self) -> &'static Template {
        self.0
    }

    /// The template's short name, as reports and findings carry it
    /// (`581/BNV-CCHC/2022`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.0.legal_basis.name
    }

    /// The template among [`TemplateVersion::ALL`] and `also` whose short
    /// name is `name`.
    #[must_use]
    pub fn named(name: &str, also: Option<TemplateVersion>) -> Option<TemplateVersion> {
        also.into_iter()
            .chain(TemplateVersion::ALL.iter().copied())
            .find(|version| version.name() == name)
    }
}

impl PartialEq for TemplateVersion {
    fn eq(&self, other: &TemplateVersion) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for TemplateVersion {}

impl std::hash::Hash for TemplateVersion {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl PartialOrd for TemplateVersion {
    fn partial_cmp(&self, other: &TemplateVersion) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TemplateVersion {
    /// By name, then (for two templates of one name) by where they are held.
    fn cmp(&self, other: &TemplateVersion) -> std::cmp::Ordering {
        self.name().cmp(other.name()).then_with(|| {
            std::ptr::from_ref(self.template()).cmp(&std::ptr::from_ref(other.template()))
        })
    }
}

impl fmt::Debug for TemplateVersion {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "TemplateVersion({:?})", self.name())
    }
}

impl fmt::Display for TemplateVersion {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.name())
    }
}

impl Serialize for TemplateVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TemplateVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = TemplateVersion;

            fn expecting(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                out.write_str("the short name of a template (\"581/BNV-CCHC/2022\")")
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<TemplateVersion, E> {
                TemplateVersion::named(name, None).ok_or_else(|| {
                    let known: Vec<&str> = TemplateVersion::ALL.iter().map(|v| v.name()).collect();
                    E::custom(format_args!(
                        "unknown template {name:?}; this build knows {}",
                        known.join(", ")
                    ))
                })
            }
        }
        deserializer.deserialize_str(Name)
    }
}

impl JsonSchema for TemplateVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TemplateVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = TemplateVersion::ALL.iter().map(|v| v.name()).collect();
        schemars::json_schema!({
            "description": "The template the report follows, by its short name.",
            "type": "string",
            "enum": names,
        })
    }
}

/// The legal document a template is set by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct LegalBasis {
    /// The document's number and kind, as cited (`Công văn 581/BNV-CCHC`).
    pub document: &'static str,
    /// Its date.
    pub date: CalendarDate,
    /// Who issued it.
    pub issuer: &'static str,
    /// A short name of the template, for messages (`581/BNV-CCHC/2022`).
    pub name: &'static str,
}

/// One report template: its catalogue, its rule table, its legal basis and
/// the periods it applies to.
///
/// Get one from [`TemplateVersion::template`]; every field is `'static`
/// data, so a template costs nothing to pass around.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The document that sets it.
    pub legal_basis: LegalBasis,
    /// The periods it applies to.
    pub applies: Applicability,
    /// Which days of data a report of each period covers.
    pub windows: Windows,
    /// The levels of government that report under it.
    pub levels: &'static [Level],
    /// Its forms, their indicators and headings.
    pub catalogue: &'static Catalogue,
    /// Its rules, in table order.
    pub rules: &'static [Rule],
    /// Its clean path compiled with the rules as constants, if it has one
    /// (the typed report's snapshot is laid out as 581's catalogue); without
    /// one, the rules are decided by dispatch.
    pub(crate) plan: Option<crate::check::plan::Plan>,
}

impl Template {
    /// Its handle: what its cells, rules and reports carry.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::TemplateVersion;
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(template.version(), TemplateVersion::Bnv581Of2022);
    /// ```
    #[must_use]
    pub const fn version(&'static self) -> TemplateVersion {
        TemplateVersion(self)
    }

    /// The cell of form `form` at row `stt` (a trailing dot and surrounding
    /// white space ignored), if the template has such an indicator.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, TemplateVersion};
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(template.cell(3, "3.1."), Some(CellId::of(3, "3.1")));
    /// assert_eq!(template.cell(3, "3"), None); // a heading
    /// ```
    #[must_use]
    pub fn cell(&self, form: u8, stt: &str) -> Option<CellId> {
        self.catalogue.cell(form, stt)
    }

    /// The heading of form `form` at row `stt`, if there is one.
    #[must_use]
    pub fn heading(&self, form: u8, stt: &str) -> Option<&'static Heading> {
        self.catalogue.heading(form, stt)
    }

    /// The form numbered `number`, if the template has it.
    #[must_use]
    pub fn form(&self, number: u8) -> Option<&'static FormInfo> {
        self.catalogue.form(number)
    }

    /// Its forms, in order.
    #[must_use]
    pub fn forms(&self) -> &'static [FormInfo] {
        self.catalogue.forms
    }

    /// Every indicator of its forms, in form and row order.
    #[must_use]
    pub fn indicators(&self) -> &'static [Indicator] {
        self.catalogue.indicators
    }

    /// The indicator of a cell of this template.
    ///
    /// # Panics
    /// When `id` is a cell of another template, which is a bug of the caller.
    #[must_use]
    pub fn indicator(&self, id: CellId) -> &'static Indicator {
        assert!(
            std::ptr::eq(id.catalogue(), self.catalogue),
            "a cell of another template"
        );
        &self.catalogue.indicators[id.index()]
    }

    /// The rule whose id is `id`, if the template has one.
    #[must_use]
    pub fn rule(&self, id: &str) -> Option<&'static Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// Whether the cell's row applies to a report of `period`.
    #[must_use]
    pub fn applies(&self, id: CellId, period: Period) -> bool {
        self.indicator(id)
            .applies
            .applies_from(self.windows.of(period).0)
    }

    /// The first and last day of the data a report of `period` covers under
    /// this template's windows.
    #[must_use]
    pub fn window(&self, period: Period) -> (CalendarDate, CalendarDate) {
        self.windows.of(period)
    }

    /// Whether a report of `period` under this template can come from a
    /// district: false when the template has district rows and `period`'s
    /// data window starts on or after 1 July 2025.
    #[must_use]
    pub fn has_districts(&self, period: Period) -> bool {
        !self
            .catalogue
            .indicators
            .iter()
            .any(|indicator| indicator.applies == WHILE_DISTRICTS_EXIST)
            || WHILE_DISTRICTS_EXIST.applies_from(self.windows.of(period).0)
    }

    /// The cells whose rows do not apply to a report of `period` (none for a
    /// period before 1 July 2025 under 581).
    ///
    /// A report whose period is not given has no absent cells: every row
    /// applies, so a value in a district row is checked like any other.
    #[must_use]
    pub fn absent_cells_of(&self, period: Option<Period>) -> CellSet {
        period.map_or(CellSet::EMPTY, |period| self.absent_cells(period))
    }

    /// The cells whose rows do not apply to a report of `period` (none for a
    /// period before 1 July 2025 under 581).
    #[must_use]
    pub fn absent_cells(&self, period: Period) -> CellSet {
        self.catalogue.absent_cells_from(self.windows.of(period).0)
    }
}

impl Findings {
    /// Reads findings of `template` from their JSON (an array of
    /// [`Finding`](crate::finding::Finding), as [`Findings`] serializes): each rule id and cell is
    /// looked up in `template`, so the findings of a template defined
    /// outside the crate read back as that template's, never as another's
    /// that happens to have a rule of the same id.
    ///
    /// # Errors
    /// When the text is not such an array, or names a rule or a cell that
    /// `template` does not have, or cells that are not the rule's.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Findings, TemplateVersion};
    /// let findings = samples::bac_giang_2023_q3().validate();
    /// let json = serde_json::to_string(&findings).unwrap();
    /// let template = TemplateVersion::Bnv581Of2022.template();
    /// assert_eq!(Findings::from_json_in(template, &json).unwrap(), findings);
    /// assert!(Findings::from_json_in(template, r#"[{"rule": "sum:9/9"}]"#).is_err());
    /// ```
    pub fn from_json_in(
        template: &'static Template,
        text: &str,
    ) -> Result<Findings, serde_json::Error> {
        use serde::de::Error as _;
        let entries: Vec<FindingEntry> = serde_json::from_str(text)?;
        entries
            .into_iter()
            .map(|entry| {
                let rule = RuleId::find_in(template.rules, &entry.rule).ok_or_else(|| {
                    serde_json::Error::custom(format_args!(
                        "template {} has no rule with the id {:?}",
                        template.legal_basis.name, entry.rule
                    ))
                })?;
                entry.resolve(rule).map_err(serde_json::Error::custom)
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Findings)
    }
}

mod builder;
#[cfg(test)]
mod trial;

pub use builder::{RowSpec, TemplateBuilder, TemplateError, When};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::CATALOGUE;
    use crate::catalogue::every_row_applies;
    use crate::period::Term;
    use crate::period::day_number;

    const fn date(year: i32, month: u8, day: u8) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn day_numbers_order_as_the_dates_do() {
        assert_eq!(day_number(date(2025, 6, 30)), 20_250_630);
        assert_eq!(day_number(date(2025, 7, 1)), 20_250_701);
        assert!(day_number(date(2024, 12, 31)) < day_number(date(2025, 1, 1)));
    }

    #[test]
    fn every_row_applies_from_the_latest_start_to_the_earliest_end() {
        // 581: the district rows apply to data windows starting up to
        // 30/06/2025, and no row has a start.
        let template = TemplateVersion::Bnv581Of2022.template();
        assert_eq!(template.catalogue.every_row_applies, (i64::MIN, 20_250_630));
        assert_eq!(every_row_applies(&CATALOGUE, &[]), (i64::MIN, i64::MAX));
        // Three rows of a template of one's own: one from 01/01/2024, one
        // from 01/07/2024 until 31/12/2027, one until 30/06/2026.
        let mut rows = [CATALOGUE[0], CATALOGUE[1], CATALOGUE[2]];
        let limit = |from, until| Applicability {
            from,
            until,
            ..Applicability::ALWAYS
        };
        rows[0].applies = limit(Some(date(2024, 1, 1)), None);
        rows[1].applies = limit(Some(date(2024, 7, 1)), Some(date(2027, 12, 31)));
        rows[2].applies = limit(None, Some(date(2026, 6, 30)));
        let ids = [rows[0].id, rows[1].id, rows[2].id];
        assert_eq!(every_row_applies(&rows, &ids), (20_240_701, 20_260_630));
        // In the other order, the same window.
        let reversed = [ids[2], ids[1], ids[0]];
        assert_eq!(
            every_row_applies(&rows, &reversed),
            (20_240_701, 20_260_630)
        );
        // The window's ends are days on which every row applies; the day
        // before and after are not.
        let applies_to_all =
            |day: CalendarDate| rows.iter().all(|row| row.applies.applies_from(day));
        assert!(applies_to_all(date(2024, 7, 1)) && applies_to_all(date(2026, 6, 30)));
        assert!(!applies_to_all(date(2024, 6, 30)) && !applies_to_all(date(2026, 7, 1)));
    }

    #[test]
    fn the_cut_over_leaves_the_district_rows_out_from_q1_2026() {
        let template = TemplateVersion::Bnv581Of2022.template();
        let absent = template.absent_cells(Period::new(2026, Term::Q1));
        let district = template.cell(3, "1.4.2").expect("a row of 581");
        assert!(absent.contains(district));
        assert!(!absent.contains(template.cell(3, "1.4.1").expect("a row of 581")));
        assert!(
            template
                .absent_cells(Period::new(2025, Term::Year))
                .is_empty()
        );
    }
}
