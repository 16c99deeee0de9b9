//! [Proptest](https://docs.rs/proptest) strategies for reports: valid by
//! construction, broken by construction, and anything at all.
//!
//! Enabled by the `proptest` feature (off by default). A crate that consumes
//! reports tests itself against them with, in its `Cargo.toml`:
//!
//! ```toml
//! [dev-dependencies]
//! cchc-forms = { version = "0.1", features = ["proptest"] }
//! proptest = "1.6"
//! ```
//!
//! | strategy | yields |
//! |---|---|
//! | [`valid_report`] (also `any::<Report>()`) | reports that break no rule: [`Report::validate`] finds no error and no warning |
//! | [`broken_report`] | reports that break exactly one chosen [`Invariant`], by a clear margin |
//! | [`any_broken_report`] | an invariant, chosen at random, and a report that breaks it |
//! | [`any_report`] | reports whose cells hold anything their types can hold, consistent or not |
//! | [`valid_series`] | one body's four reports of a year (Q1, half-year, Q3, year) consistent across reports: [`check_reports`](crate::series::check_reports) finds nothing |
//! | [`broken_series`] | the same, broken at one chosen [`AcrossCheck`]: exactly that finding |
//! | [`report_meta`] | report metadata |
//! | [`valid_sheet`] | sheets of any template (one defined outside the crate too) that break none of its rules |
//! | [`broken_sheet`] | sheets of any template that break one chosen rule of it |
//! | [`any_sheet`] | sheets of any template holding anything their cells' types can hold |
//! | [`sheet_meta`] | metadata of a report of any template: its levels, periods it applies to |
//! | [`decimal`] | decimals the parser accepts, with their printed precision |
//!
//! # Any template
//! The strategies for [`Report`] are 581's; the same generators make
//! [`Sheet`]s of any [`Template`], the 581 one or one built with
//! [`TemplateBuilder`](crate::template::TemplateBuilder): they read the
//! template's catalogue (kinds, legends, rows that apply to the period under
//! the template's windows) and its rule table, and nothing of 581's. So a
//! crate with a template of its own tests its code against valid sheets of
//! it and against sheets broken at each of its rules:
//!
//! ```
//! use cchc_forms::strategies::{broken_sheet, valid_sheet};
//! use cchc_forms::catalogue::Indicator;
//! use cchc_forms::template::{LegalBasis, Template, TemplateBuilder};
//! use cchc_forms::{CalendarDate, RuleId, Severity};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let template: &'static Template = TemplateBuilder::new(LegalBasis {
//!     document: "Mẫu thử",
//!     date: CalendarDate { year: 2026, month: 1, day: 1 },
//!     issuer: "an example",
//!     name: "example/2026",
//! })
//! .form(1, "form1", "Hồ sơ", "Dossiers")
//! .row(Indicator::count(1, "1", "received", "Hồ sơ tiếp nhận", "Received", "Hồ sơ", "dossiers"))
//! .row(Indicator::count(1, "1.1", "online", "Trực tuyến", "Online", "Hồ sơ", "dossiers"))
//! .row(Indicator::percent(1, "1.2", "online_rate", "Tỷ lệ trực tuyến", "Share online"))
//! .ratio("1/1.2", "1/1.1", "1/1")
//! .build()
//! .unwrap();
//!
//! let mut runner = TestRunner::default();
//! runner.run(&valid_sheet(template), |sheet| {
//!     prop_assert!(!sheet.validate().has_errors());
//!     Ok(())
//! }).unwrap();
//! let ratio = RuleId::find_in(template.rules, "ratio:1/1.2").unwrap();
//! runner.run(&broken_sheet(template, ratio), |sheet| {
//!     let errors: Vec<_> = sheet.validate().of_severity(Severity::Error).map(|f| f.rule).collect();
//!     prop_assert_eq!(errors, [ratio]);
//!     Ok(())
//! }).unwrap();
//! ```
//!
//! # Valid by construction
//! Nothing is filtered: the independent values are drawn, and everything
//! the rules tie to them is computed, driven by the template's rule table
//! ([`RULES`] for 581) itself, so that a rule added to the table is
//! honoured without a change here (and the crate's property tests say when
//! it is not). Each family says, in its own module, when and how a valid
//! report comes to hold its rules and how one is broken; this module draws
//! the values, runs the families' stages in order, silences the other rules
//! and sets the reference counts.
//!
//! - Counts are drawn whole, with zeros, small, medium and large values (up
//!   to 10¹²); amounts in million VND likewise, printed with 0 to 2 decimals.
//! - A total with an exhaustive breakdown (a `sum` rule) is drawn and split
//!   among its parts; a whole with "of which" parts (a `part_whole` rule,
//!   across forms too) is drawn and a share of it, from none to all, split
//!   among the parts; the two sides of an `across` equality are the same
//!   total, split by each form its own way.
//! - Every percentage with a numerator and a denominator is computed from them
//!   with [`percentage_of`](crate::check::percentage_of), printed with 0 to 2 decimals, rounded to nearest
//!   or truncated as real reporters do (a truncated rate may get an `info`
//!   note, never an error); 0/0 leaves it blank or prints any share.
//! - An overall rate is a weighted average of its per-level rates, computed
//!   with [`percentage_of`](crate::check::percentage_of) too; other percentages are drawn within the
//!   bounds their rules set (`[0, 100]` when none does).
//! - Codes are drawn from their legend; when a code says "not done", the rows
//!   that describe how it was done are blank (or 0).
//! - Finally some cells are blanked: none in some reports, many in others. A
//!   blank never breaks a rule; it leaves the rule unevaluated.
//!
//! # Broken by construction
//! [`broken_report`] starts from a valid report and rewrites the cells of
//! the chosen rule so that it fails by a margin that printed precision
//! cannot hide (a count off by at least one, a rate off by at least two
//! percentage points, a bound passed by at least one unit), with every cell
//! of the rule reported. Then every other rule that reads one of those
//! cells is silenced by blanking one of its own cells (a blank leaves a rule
//! unevaluated), so that the report breaks that one rule and no other. The
//! values written respect the rules that cannot be silenced that way (the
//! bounds of the rewritten cells, a numerator at most its denominator).
//!
//! So [`Report::validate`] finds exactly one error or warning, of the chosen
//! rule, naming all the rule's cells; `info` notes may come beside it (a
//! blanked rate that can be derived). A [`Family::Derivable`] rule is an
//! `info` rule: "broken" means its rate is blank while its numerator and
//! denominator are reported (denominator above zero), so that the report
//! has no error or warning and one `info` finding of that rule; a
//! [`Family::Full`] rule likewise, with a rate printed as 100 while its
//! numerator is just below a large denominator. For a template whose rules
//! say one thing twice (a conditional and its contrapositive implication),
//! breaking one breaks the other: see [`broken_sheet`].
//!
//! # Example: a downstream property test
//! ```
//! use cchc_forms::strategies::{broken_report, Invariant};
//! use cchc_forms::{Report, Severity};
//! use proptest::prelude::*;
//!
//! /// What a downstream crate might do with a report: accept it or not.
//! fn accept(report: &Report) -> bool {
//!     !report.validate().has_errors()
//! }
//!
//! proptest! {
//!     // Without `#[test]` here so that the example runs as a doctest; in a
//!     // test file, put `#[test]` above each function.
//!     fn valid_reports_are_accepted(report in any::<Report>()) {
//!         prop_assert!(accept(&report));
//!         // ... and they survive this crate's own JSON.
//!         let json = serde_json::to_string(&report).unwrap();
//!         prop_assert_eq!(Report::from_json(&json).unwrap(), report);
//!     }
//!
//!     fn a_broken_ratio_is_rejected(report in broken_report(Invariant::from_id("ratio:3/3.1").unwrap())) {
//!         prop_assert!(!accept(&report));
//!         let errors: Vec<_> = report.validate().of_severity(Severity::Error).map(|f| f.rule).collect();
//!         prop_assert_eq!(errors, ["ratio:3/3.1"]);
//!     }
//! }
//! # fn main() {
//! #     valid_reports_are_accepted();
//! #     a_broken_ratio_is_rejected();
//! # }
//! ```

use std::fmt;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::bnv581::CATALOGUE;
use crate::bnv581::RULES;
use crate::bnv581::Report;
use crate::catalogue::CellId;
use crate::check::Family;
use crate::check::Rule;
use crate::check::generate::{
    ALL_BUT_ONE, Draw, Ground, Holds, Making, Values, Violation, legend_pick,
};
use crate::figures::Figures;
use crate::finding::{RuleId, Severity};
use crate::meta::ReportMeta;
use crate::number::{MAX_DECIMALS, MAX_INTEGER_DIGITS_U32};
use crate::period::{Period, Term};
use crate::reference::{Reference, ReferenceCount};
use crate::sheet::Sheet;
use crate::template::{Template, TemplateVersion};
use crate::unit::{Printed, ValueKind};

// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------

/// One invariant the library checks: a rule of [`RULES`], named by its
/// position there.
///
/// The invariants *are* the rule table: [`Invariant::all`] lists one per
/// rule, in table order, so that this list cannot drift from what
/// [`Report::validate`] checks.
///
/// # Example
/// ```
/// use cchc_forms::strategies::Invariant;
/// use cchc_forms::{bnv581::RULES, Family};
///
/// assert_eq!(Invariant::all().len(), RULES.len());
/// let ratio = Invariant::from_id("ratio:3/3.1").unwrap();
/// assert_eq!(ratio.family(), Family::Ratio);
/// assert_eq!(ratio.to_string(), "ratio:3/3.1");
/// assert_eq!(ratio.cells().len(), 3); // the rate, its numerator, its denominator
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Invariant(usize);

impl Invariant {
    /// Every invariant, one per rule of [`RULES`], in table order.
    pub fn all() -> impl ExactSizeIterator<Item = Invariant> + Clone {
        (0..RULES.len()).map(Invariant)
    }

    /// The invariant of the rule at `index` in [`RULES`], if there is one.
    #[must_use]
    pub fn from_index(index: usize) -> Option<Invariant> {
        (index < RULES.len()).then_some(Invariant(index))
    }

    /// The invariant of the rule with this id (`ratio:3/3.1`), if there is one.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Invariant> {
        RULES.iter().position(|rule| rule.id == id).map(Invariant)
    }

    /// Its position in [`RULES`] (and in [`Evaluation::outcomes`](crate::check::Evaluation::outcomes)).
    #[must_use]
    pub const fn index(self) -> usize {
        self.0
    }

    /// Its rule.
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        &RULES[self.0]
    }

    /// Its rule's id, as findings name it.
    #[must_use]
    pub fn id(self) -> &'static str {
        self.rule().id
    }

    /// Its rule's family.
    #[must_use]
    pub fn family(self) -> Family {
        self.rule().family
    }

    /// Its rule's severity.
    #[must_use]
    pub fn severity(self) -> Severity {
        self.rule().severity
    }

    /// Its rule's cells, the checked cell first.
    #[must_use]
    pub fn cells(self) -> &'static [CellId] {
        self.rule().cells
    }
}

impl fmt::Display for Invariant {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.id())
    }
}

impl Arbitrary for Invariant {
    type Parameters = ();
    type Strategy = BoxedStrategy<Invariant>;

    /// Any invariant, uniformly.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (0..RULES.len()).prop_map(Invariant).boxed()
    }
}

// ---------------------------------------------------------------------------
// Public strategies
// ---------------------------------------------------------------------------

impl Arbitrary for Report {
    type Parameters = ();
    type Strategy = BoxedStrategy<Report>;

    /// A valid report, as [`valid_report`] makes them.
    fn arbitrary_with((): ()) -> Self::Strategy {
        valid_report().boxed()
    }
}

/// Report metadata of 581: any body name (Vietnamese, empty or odd), any
/// level, year and term, and reference counts (departments, districts,
/// communes) or none.
///
/// # Example
/// ```
/// use cchc_forms::strategies::report_meta;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let meta = report_meta().new_tree(&mut TestRunner::deterministic()).unwrap().current();
/// let json = serde_json::to_string(&meta).unwrap();
/// assert_eq!(serde_json::from_str::<cchc_forms::ReportMeta>(&json).unwrap(), meta);
/// ```
pub fn report_meta() -> impl Strategy<Value = ReportMeta> {
    metadata(&Plan::bnv581(), true)
}

/// Metadata of a report of `template`: any body name (Vietnamese, empty or
/// odd), a level of the template's ([`Template::levels`]), a period the
/// template applies to ([`Template::applies`], from 2019 to 2030; any of
/// those when it applies to none of them), and
/// reference counts (departments, districts, communes) or none. A level the
/// template refuses for the period (a district once districts are gone) is
/// replaced by the last level it takes: [`ReportMeta::problems`] is empty.
///
/// # Example
/// ```
/// use cchc_forms::strategies::sheet_meta;
/// use cchc_forms::TemplateVersion;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let template = TemplateVersion::Bnv581Of2022.template();
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..32 {
///     let meta = sheet_meta(template).new_tree(&mut runner).unwrap().current();
///     assert_eq!(meta.template, template.version());
///     assert!(meta.problems().is_empty());
///     assert!(meta.period.unwrap().year >= 2022); // 581 applies from Q1/2022
/// }
/// ```
pub fn sheet_meta(template: &'static Template) -> impl Strategy<Value = ReportMeta> {
    metadata(&Arc::new(Plan::of(template)), false)
}

/// Metadata of the plan's template; of any year a reader takes when
/// `any_year`, else of a period the template applies to.
fn metadata(plan: &Arc<Plan>, any_year: bool) -> impl Strategy<Value = ReportMeta> + use<> {
    let body = prop_oneof![
        2 => Just("UBND tỉnh Bắc Giang".to_owned()),
        1 => Just(String::new()),
        1 => "(UBND|Bộ) [A-ZĐ][a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ ]{0,24}",
        2 => any::<String>(),
    ];
    let term = prop_oneof![
        Just(Term::Q1),
        Just(Term::HalfYear),
        Just(Term::Q3),
        Just(Term::Year),
    ];
    // Every year a reader takes (a report of another year is refused by
    // each of them alike).
    let year = prop_oneof![3 => 2019_u16..=2026, 1 => crate::limits::REPORT_YEARS];
    let count = |most: u32| prop_oneof![2 => Just(None), 2 => (1..=most).prop_map(Some), 1 => Just(Some(0))];
    let reference = prop_oneof![
        1 => Just(Reference::NONE),
        2 => (count(60), count(30), count(400)).prop_map(|(departments, districts, communes)| {
            Reference { departments, districts, communes }
        }),
    ];
    let plan = Arc::clone(plan);
    (
        body,
        any::<prop::sample::Index>(),
        (year, term, any::<prop::sample::Index>()),
        reference,
    )
        .prop_map(move |(body, level, (year, term, period), reference)| {
            let template = plan.template;
            let period = if any_year {
                Period::new(year, term)
            } else {
                plan.periods[period.index(plan.periods.len())]
            };
            let levels = template.levels;
            let mut meta = ReportMeta {
                body,
                level: (!levels.is_empty()).then(|| levels[level.index(levels.len())]),
                period: Some(period),
                template: template.version(),
                reference,
            };
            // No district level once districts are gone.
            if !meta.problems().is_empty() {
                fix_level(&mut meta);
            }
            meta
        })
}

/// Gives `meta` the last level of its template that its period allows (none
/// when none does).
fn fix_level(meta: &mut ReportMeta) {
    let levels = meta.template.template().levels;
    meta.level = None;
    for &level in levels.iter().rev() {
        meta.level = Some(level);
        if meta.problems().is_empty() {
            return;
        }
    }
    meta.level = None;
}

/// Reports of 581 that break no rule: [`Report::validate`] finds no error
/// and no warning in them (`info` notes may come: a blank rate that can be
/// derived, a rate consistent only if truncated, a 0/0 ratio, a rate
/// printed as 100 just short of it).
///
/// See [the module documentation](self) for what varies and how;
/// [`valid_sheet`] makes the same for any template.
///
/// # Example
/// ```
/// use cchc_forms::{strategies::valid_report, Severity};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..16 {
///     let report = valid_report().new_tree(&mut runner).unwrap().current();
///     assert!(report.validate().iter().all(|finding| finding.severity == Severity::Info));
/// }
/// ```
pub fn valid_report() -> impl Strategy<Value = Report> {
    let plan = Plan::bnv581();
    valid_inputs(&plan, true).prop_map(move |inputs| {
        let values = valid_values(&plan, &inputs);
        into_figures::<Report>(inputs.meta, &values)
    })
}

/// Sheets of `template` that break none of its rules: [`Sheet::validate`]
/// finds no error and no warning in them (`info` notes may come, as in
/// [`valid_report`]).
///
/// Made as [`valid_report`] makes 581's reports (see [the module
/// documentation](self)), from `template`'s own catalogue and rule table:
/// its units and legends, its sums, parts, ratios, bounds, conditionals and
/// implications. The metadata is [`sheet_meta`]'s: a level of the template,
/// a period it applies to; a row that does not apply to that period (under
/// the template's reporting windows) stays blank.
///
/// # Example
/// ```
/// use cchc_forms::strategies::valid_sheet;
/// use cchc_forms::{Severity, TemplateVersion};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let template = TemplateVersion::Bnv581Of2022.template();
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..16 {
///     let sheet = valid_sheet(template).new_tree(&mut runner).unwrap().current();
///     assert!(sheet.validate().iter().all(|finding| finding.severity == Severity::Info));
/// }
/// ```
pub fn valid_sheet(template: &'static Template) -> impl Strategy<Value = Sheet> {
    let plan = Arc::new(Plan::of(template));
    valid_inputs(&plan, false).prop_map(move |inputs| {
        let values = valid_values(&plan, &inputs);
        into_figures::<Sheet>(inputs.meta, &values)
    })
}

/// Reports of 581 that break `invariant` by a clear margin and no other
/// rule: the only error or warning [`Report::validate`] finds is one of the
/// invariant's rule, naming every cell of the rule. For a
/// [`Family::Derivable`] or [`Family::Full`] invariant, whose rule is an
/// `info` note, the report has no error or warning and an `info` finding of
/// that rule.
///
/// See [the module documentation](self) for how; [`broken_sheet`] does the
/// same for any template. A rule that no value can break (a lower bound of
/// 0 on a count, say; the table has none) would yield valid reports: the
/// crate's property tests break every rule of the table, so such a rule
/// would not go unnoticed.
///
/// # Example
/// ```
/// use cchc_forms::strategies::{broken_report, Invariant};
/// use cchc_forms::Severity;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let sum = Invariant::from_id("sum:3/1.4").unwrap();
/// let report = broken_report(sum).new_tree(&mut TestRunner::deterministic()).unwrap().current();
/// let findings = report.validate();
/// let serious: Vec<_> = findings.iter().filter(|f| f.severity != Severity::Info).collect();
/// assert_eq!(serious.len(), 1);
/// assert_eq!(serious[0].rule, "sum:3/1.4");
/// assert_eq!(serious[0].cells, sum.cells());
/// ```
pub fn broken_report(invariant: Invariant) -> impl Strategy<Value = Report> {
    let plan = Plan::bnv581();
    broken_inputs(&plan, invariant.0, true)
        .prop_map(move |(meta, values)| into_figures::<Report>(meta, &values))
}

/// Sheets of `template` that break `rule` (a rule of `template`'s table) by
/// a clear margin: [`Sheet::validate`] finds `rule` with its severity,
/// naming every cell of the rule, and no other error or warning but of
/// rules that read only cells `rule` reads and that the template ties to it
/// (a rule and its contrapositive, such as "no online payment, no payments"
/// and "payments mean online payment"; 581 has none).
///
/// Made as [`broken_report`] breaks 581's, from `template`'s own rule
/// table: a valid sheet (see [`valid_sheet`]) whose cells of `rule` are
/// rewritten so that it fails, every other rule reading one of them
/// silenced by a blank, and, for a `not_applicable` rule, a period its row
/// does not apply to. Every family can be broken: a `derivable` or `full`
/// rule is an `info` note, and "broken" means it is noted (a blank rate
/// whose numerator and denominator are reported; a rate printed as 100
/// while its numerator is below its denominator), with no error or warning.
/// What no value can break is left valid, so that a test of every rule
/// notices it: a bound no tighter than what the cell's type allows (a
/// lower bound of 0 on a count), a level range or a conditional whose
/// bounds leave no room, an implication whose conclusion asks for the only
/// code of a legend, a row that applies to every period.
///
/// # Panics
/// When `rule` is not a rule of `template`, which is a bug of the caller.
///
/// # Example
/// ```
/// use cchc_forms::strategies::broken_sheet;
/// use cchc_forms::{RuleId, Severity, TemplateVersion};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let template = TemplateVersion::Bnv581Of2022.template();
/// let sum = RuleId::find_in(template.rules, "sum:3/1.4").unwrap();
/// let sheet = broken_sheet(template, sum).new_tree(&mut TestRunner::deterministic()).unwrap().current();
/// let findings = sheet.validate();
/// let serious: Vec<_> = findings.iter().filter(|f| f.severity != Severity::Info).collect();
/// assert_eq!(serious.len(), 1);
/// assert_eq!(serious[0].rule, sum);
/// assert_eq!(serious[0].cells, sum.rule().cells);
/// ```
pub fn broken_sheet(template: &'static Template, rule: RuleId) -> impl Strategy<Value = Sheet> {
    assert!(
        template
            .rules
            .get(rule.index())
            .is_some_and(|own| std::ptr::eq(own, rule.rule())),
        "the rule {rule} is not a rule of the template {}",
        template.legal_basis.name
    );
    let plan = Arc::new(Plan::of(template));
    broken_inputs(&plan, rule.index(), false)
        .prop_map(|(meta, values)| into_figures::<Sheet>(meta, &values))
}

/// The metadata and values of a report that breaks the rule at `index`.
fn broken_inputs(
    plan: &Arc<Plan>,
    index: usize,
    any_year: bool,
) -> impl Strategy<Value = (ReportMeta, Values)> + use<> {
    let plan = Arc::clone(plan);
    (valid_inputs(&plan, any_year), violation()).prop_map(move |(mut inputs, violation)| {
        let rule = &plan.template.rules[index];
        inputs.meta.period = inputs
            .meta
            .period
            .map(|period| period_for(&plan, rule, period));
        if !inputs.meta.problems().is_empty() {
            fix_level(&mut inputs.meta);
        }
        let mut values = valid_values(&plan, &inputs);
        break_rule(&plan, &mut values, &mut inputs.meta, index, &violation);
        (inputs.meta, values)
    })
}

/// An invariant, uniformly among all, and a report that breaks it as
/// [`broken_report`] does.
pub fn any_broken_report() -> impl Strategy<Value = (Invariant, Report)> {
    any::<Invariant>().prop_flat_map(|invariant| (Just(invariant), broken_report(invariant)))
}

/// Reports whose cells hold anything their types can hold, consistent or
/// not: counts up to `u64::MAX`, decimals of up to 12 integer digits and 6
/// decimals, negative ones too, every code of each legend, and blanks.
/// For round trips and for code that must not trust its input.
///
/// # Example
/// ```
/// use cchc_forms::{strategies::any_report, Report};
/// use proptest::prelude::*;
///
/// proptest! {
///     fn rows_round_trip(report in any_report()) {
///         let rows = report.to_rows();
///         let again = Report::from_rows(report.meta.clone(), rows.iter().map(|row| row.as_row())).unwrap();
///         prop_assert_eq!(again, report);
///     }
/// }
/// # fn main() { rows_round_trip(); }
/// ```
pub fn any_report() -> impl Strategy<Value = Report> {
    any_values(&Plan::bnv581(), true)
        .prop_map(|(meta, values)| into_figures::<Report>(meta, &values))
}

/// Sheets of `template` whose cells hold anything their types can hold, as
/// [`any_report`] makes 581's, with [`sheet_meta`]'s metadata.
///
/// # Example
/// ```
/// use cchc_forms::strategies::any_sheet;
/// use cchc_forms::{Sheet, TemplateVersion};
/// use proptest::prelude::*;
///
/// proptest! {
///     fn json_round_trip(sheet in any_sheet(TemplateVersion::Bnv581Of2022.template())) {
///         let json = serde_json::to_string(&sheet).unwrap();
///         prop_assert_eq!(Sheet::from_json_in(sheet.template(), &json).unwrap(), sheet);
///     }
/// }
/// # fn main() { json_round_trip(); }
/// ```
pub fn any_sheet(template: &'static Template) -> impl Strategy<Value = Sheet> {
    any_values(&Arc::new(Plan::of(template)), false)
        .prop_map(|(meta, values)| into_figures::<Sheet>(meta, &values))
}

/// Metadata and any values of the plan's template.
fn any_values(
    plan: &Arc<Plan>,
    any_year: bool,
) -> impl Strategy<Value = (ReportMeta, Values)> + use<> {
    let cell = (
        prop::bool::weighted(0.3),
        prop_oneof![Just(0_u64), 0_u64..1_000, any::<u64>(), Just(u64::MAX)],
        decimal(),
        any::<u64>(),
    );
    let indicators = plan.template.catalogue.indicators;
    let count = indicators.len();
    (
        metadata(plan, any_year),
        prop::collection::vec(cell, count..=count),
    )
        .prop_map(move |(meta, cells)| {
            let mut values = vec![None; count];
            for (indicator, &(blank, count, decimal, pick)) in indicators.iter().zip(&cells) {
                if blank {
                    continue;
                }
                values[indicator.id.index()] = Some(match indicator.kind {
                    ValueKind::Count => Printed::whole(i128::from(count)),
                    ValueKind::Percent | ValueKind::MillionVnd => Printed {
                        mantissa: decimal.mantissa(),
                        decimals: decimal.scale(),
                    },
                    ValueKind::Code { legend } => legend_pick(legend, pick),
                });
            }
            (meta, values)
        })
}

/// Decimals that [`parse_decimal`](crate::number::parse_decimal) accepts
/// and [`Percent`](crate::unit::Percent) and
/// [`MillionVnd`](crate::unit::MillionVnd) hold: 0 to 6 decimals, at most 12
/// integer digits, either sign, with zeros, small values and the extremes.
///
/// # Example
/// ```
/// use cchc_forms::number::{format_decimal, parse_decimal};
/// use cchc_forms::strategies::decimal;
/// use proptest::prelude::*;
///
/// proptest! {
///     fn printing_keeps_the_precision(value in decimal()) {
///         let again = parse_decimal(&format_decimal(&value)).unwrap();
///         prop_assert_eq!((again.mantissa(), again.scale()), (value.mantissa(), value.scale()));
///     }
/// }
/// # fn main() { printing_keeps_the_precision(); }
/// ```
pub fn decimal() -> impl Strategy<Value = Decimal> {
    (0..=MAX_DECIMALS, 0_u8..4, any::<u64>(), any::<bool>()).prop_map(
        |(scale, shape, raw, negative)| {
            // At most 18 digits: below 10^18, which fits an i64.
            let limit = 10_i64.pow(MAX_INTEGER_DIGITS_U32 + scale) - 1;
            let magnitude = match shape {
                0 => 0,
                1 => i64::try_from(raw % 10_000).unwrap_or(0),
                2 => i64::try_from(raw % limit.unsigned_abs()).unwrap_or(0),
                _ => limit,
            };
            Decimal::new(if negative { -magnitude } else { magnitude }, scale)
        },
    )
}

// ---------------------------------------------------------------------------
// The random choices a report is built from
// ---------------------------------------------------------------------------

/// The greatest count drawn for a valid report: products stay far within `i128`.
const MAX_COUNT: i128 = 1_000_000_000_000;
/// The greatest amount (12 integer digits).
const MAX_AMOUNT: i128 = 999_999_999_999;

/// Draws from three random words, sliced by hand: a `prop_oneof!` per field
/// would cost ten times as much, and shrinking the words towards zero still
/// shrinks the report towards zeros, whole numbers and rounding to nearest.
fn draw() -> impl Strategy<Value = Draw> {
    (any::<u64>(), any::<u64>(), any::<u64>()).prop_map(|(size, shares, choice)| {
        let low = |word: u64, shift: u32, modulus: u64| (word >> shift) % modulus;
        let magnitude = match low(size, 0, 14) {
            // 0 (2 in 14), up to 10 (3), to 1.000 (4), to 10⁶ (3), to 10¹² (2).
            0..=1 => 0,
            2..=4 => 1 + low(size, 8, 10),
            5..=8 => 11 + low(size, 8, 990),
            9..=11 => 1_001 + low(size, 8, 999_000),
            _ => 1_000_001 + low(size, 8, 999_999_000_000),
        };
        let share = match low(shares, 0, 10) {
            0 => 0,
            1..=2 => 1000,
            3..=4 => ALL_BUT_ONE,
            _ => low(shares, 8, 1000),
        };
        let weight = if low(shares, 24, 5) == 0 {
            0
        } else {
            low(shares, 32, 1001)
        };
        Draw {
            magnitude,
            share: u16::try_from(share).unwrap_or(0),
            weight: u16::try_from(weight).unwrap_or(0),
            decimals: u32::try_from(low(choice, 0, 3)).unwrap_or(0),
            truncate: low(choice, 2, 4) == 3,
            blank: u8::try_from(low(choice, 4, 100)).unwrap_or(0),
            pick: choice >> 16,
        }
    })
}

/// Everything a valid report is built from.
#[derive(Debug, Clone)]
struct Inputs {
    meta: ReportMeta,
    draws: Vec<Draw>,
    /// The share of cells blanked, in percent.
    blank_rate: u8,
}

fn valid_inputs(plan: &Arc<Plan>, any_year: bool) -> impl Strategy<Value = Inputs> + use<> {
    let blank_rate =
        prop_oneof![3 => Just(0_u8), 3 => Just(5_u8), 2 => Just(20_u8), 1 => Just(60_u8)];
    let count = plan.template.catalogue.indicators.len();
    (
        metadata(plan, any_year),
        prop::collection::vec(draw(), count..=count),
        blank_rate,
    )
        .prop_map(|(meta, draws, blank_rate)| Inputs {
            meta,
            draws,
            blank_rate,
        })
}

fn violation() -> impl Strategy<Value = Violation> {
    (
        prop::collection::vec(draw(), 8..=8),
        any::<bool>(),
        prop_oneof![2 => Just(0_u64), 1 => 0_u64..1_000_000],
    )
        .prop_map(|(draws, above, margin)| Violation {
            draws,
            above,
            margin,
        })
}

// ---------------------------------------------------------------------------
// What the rule table says about a cell
// ---------------------------------------------------------------------------

/// What a template's rule table says about each of its cells, worked out
/// once per strategy (once for all for 581): the one description of the
/// template the generators read.
struct Plan {
    /// The template.
    template: &'static Template,
    /// The positions of the rules that can fire as an error or a warning.
    serious: Vec<usize>,
    /// Whether a cell is computed from others: a rate from its numerator and
    /// denominator, an overall rate from its per-level rates.
    derived: Vec<bool>,
    /// Whether a cell takes its value from another: as a part of a sum or of
    /// a whole, or as the right side of an equality.
    has_parent: Vec<bool>,
    /// The usual range of each cell (see [`Plan::range`]).
    range: Vec<Option<(i128, i128)>>,
    /// The positions of the serious rules, by their first cell.
    by_first: Vec<Vec<usize>>,
    /// The periods from 2019 to 2030 the template applies to (every one
    /// when it applies to none of them), for metadata.
    periods: Vec<Period>,
}

impl Plan {
    /// The plan of `template`.
    fn of(template: &'static Template) -> Plan {
        let cells = template.catalogue.indicators.len();
        let serious: Vec<usize> = template
            .rules
            .iter()
            .enumerate()
            .filter(|(_, rule)| rule.severity != Severity::Info)
            .map(|(index, _)| index)
            .collect();
        let all_periods =
            (2019..=2030).flat_map(|year| Term::ALL.map(|term| Period::new(year, term)));
        let mut periods: Vec<Period> = all_periods
            .clone()
            .filter(|&period| template.applies.applies_from(template.window(period).0))
            .collect();
        if periods.is_empty() {
            periods = all_periods.collect();
        }
        let mut plan = Plan {
            template,
            serious,
            derived: vec![false; cells],
            has_parent: vec![false; cells],
            range: vec![None; cells],
            by_first: vec![Vec::new(); cells],
            periods,
        };
        for &index in &plan.serious {
            let rule = &template.rules[index];
            let Some((first, rest)) = rule.cells.split_first() else {
                continue;
            };
            plan.by_first[first.index()].push(index);
            match rule.check.holds() {
                Holds::Rate | Holds::Overall => plan.derived[first.index()] = true,
                Holds::Split => {
                    for id in rest {
                        plan.has_parent[id.index()] = true;
                    }
                }
                Holds::Always
                | Holds::Drawn { .. }
                | Holds::Code
                | Holds::Share
                | Holds::Settled
                | Holds::Implied => {}
            }
        }
        for indicator in template.catalogue.indicators {
            plan.range[indicator.id.index()] = plan.range(indicator.id, None, true);
        }
        plan
    }

    /// The plan of 581, worked out once.
    fn bnv581() -> Arc<Plan> {
        static PLAN: OnceLock<Arc<Plan>> = OnceLock::new();
        Arc::clone(
            PLAN.get_or_init(|| Arc::new(Plan::of(TemplateVersion::Bnv581Of2022.template()))),
        )
    }

    /// The rules that can fire as an error or a warning, with their positions.
    fn serious(&self) -> impl Iterator<Item = (usize, &'static Rule)> + '_ {
        let rules = self.template.rules;
        self.serious
            .iter()
            .map(move |&index| (index, &rules[index]))
    }

    /// The whole-number range a cell may take: what its type allows (with the
    /// usual range of a percentage, `[0, 100]`, when `usual`), narrowed by every
    /// bound rule on the cell but the one at `except`. `None` when empty.
    fn range(&self, id: CellId, except: Option<usize>, usual: bool) -> Option<(i128, i128)> {
        let (mut lo, mut hi) = match id.indicator().kind {
            ValueKind::Count => (0, MAX_COUNT),
            ValueKind::Percent if usual => (0, 100),
            ValueKind::Percent | ValueKind::MillionVnd if !usual => (-MAX_AMOUNT, MAX_AMOUNT),
            ValueKind::Percent | ValueKind::MillionVnd => (0, MAX_AMOUNT),
            ValueKind::Code { legend } => (
                legend.iter().map(|e| i128::from(e.code)).min().unwrap_or(0),
                legend.iter().map(|e| i128::from(e.code)).max().unwrap_or(0),
            ),
        };
        for (index, rule) in self.serious() {
            if Some(index) == except || rule.cells.first() != Some(&id) {
                continue;
            }
            if let Holds::Drawn { min, max } = rule.check.holds() {
                if let Some(min) = min {
                    lo = lo.max(i128::from(min));
                }
                if let Some(max) = max {
                    hi = hi.min(i128::from(max));
                }
            }
        }
        (lo <= hi).then_some((lo, hi))
    }
}

impl Ground for Plan {
    fn usual_range(&self, id: CellId) -> Option<(i128, i128)> {
        self.range.get(id.index()).copied().flatten()
    }

    fn range_except(&self, id: CellId, except: usize) -> Option<(i128, i128)> {
        self.range(id, Some(except), false)
    }

    fn read_by_another(&self, id: CellId, index: usize) -> bool {
        self.serious()
            .any(|(other, rule)| other != index && rule.cells.contains(&id))
    }
}

// ---------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_lines)] // one pass per kind of derived value, in order
fn valid_values(plan: &Plan, inputs: &Inputs) -> Values {
    let template = plan.template;
    let indicators = template.catalogue.indicators;
    let mut values: Values = vec![None; indicators.len()];
    let mut spent = vec![false; template.rules.len()];
    // Rows that do not apply to the period hold nothing: a zero while the
    // totals are split (so that the parts that exist add up), a blank at
    // the end.
    let absent = template.absent_cells_of(inputs.meta.period);
    for indicator in indicators {
        if absent.contains(indicator.id) && !matches!(indicator.kind, ValueKind::Code { .. }) {
            values[indicator.id.index()] = Some(Printed::whole(0));
        }
    }

    // Quantities, top down: free values first, then what the sums, parts and
    // equalities derive from them.
    let mut making = Making {
        ground: plan,
        values: &mut values,
        draws: &inputs.draws,
        absent: &absent,
        reference: inputs.meta.reference,
    };
    for indicator in indicators {
        let id = indicator.id;
        if plan.derived[id.index()] || plan.has_parent[id.index()] {
            continue;
        }
        let value = making.free_value(id);
        making.set(id, value);
        let mut pending = vec![id];
        while let Some(whole) = pending.pop() {
            for &index in &plan.by_first[whole.index()] {
                let rule = &template.rules[index];
                if spent[index] || rule.check.holds() != Holds::Split {
                    continue;
                }
                if let Some(parts) = rule.check.hold(rule, index, &mut making) {
                    spent[index] = true;
                    pending.extend(parts);
                }
            }
        }
    }

    // Then, stage by stage, what each family computes from them (rates,
    // overall rates, the rows a code decides, shares) and what a blank
    // settles (a cover exceeded, a count above its reference count, an
    // implication whose premise holds and conclusion fails): a blank never
    // breaks a rule, it leaves it unevaluated.
    for stage in Holds::COMPUTED {
        for (index, rule) in plan.serious() {
            if rule.check.holds() == stage {
                rule.check.hold(rule, index, &mut making);
            }
        }
    }

    // Blanks, anywhere; and in rows that do not apply to the period.
    for indicator in indicators {
        let blank = inputs
            .draws
            .get(indicator.id.index())
            .map_or(0, |draw| draw.blank);
        if blank < inputs.blank_rate || absent.contains(indicator.id) {
            values[indicator.id.index()] = None;
        }
    }
    values
}

/// The report or sheet of `meta`'s template holding `values`: one
/// generator, both views.
fn into_figures<F: Figures>(meta: ReportMeta, values: &[Option<Printed>]) -> F {
    let indicators = meta.template.template().catalogue.indicators;
    let mut figures = F::blank(meta);
    for indicator in indicators {
        // A value its type cannot hold stays blank (none is drawn).
        let _ = figures.set_figure(indicator.id, values[indicator.id.index()]);
    }
    figures
}

// ---------------------------------------------------------------------------
// Broken values
// ---------------------------------------------------------------------------

/// Rewrites the cells of the rule at `index` (and, for a rule over a
/// reference count, that count) so that it fails, as its family says
/// (`Generates::break_rule`), then blanks a cell of every other rule that
/// reads them, so that none of those fires.
fn break_rule(
    plan: &Plan,
    values: &mut Values,
    meta: &mut ReportMeta,
    index: usize,
    violation: &Violation,
) {
    let Some(rule) = plan.template.rules.get(index) else {
        return;
    };
    let Some(broken) = rule.check.break_rule(rule, index, plan, violation) else {
        // This rule cannot be broken (none in the table): leave the report valid.
        return;
    };
    if let Some((kind, n)) = broken.reference {
        set_reference(plan, values, meta, index, kind, n);
    }
    for (&id, &value) in rule.cells.iter().zip(&broken.cells) {
        values[id.index()] = value;
    }
    let mine = |id: &CellId| rule.cells.contains(id);
    for (other, silenced) in plan.serious() {
        if other == index || !silenced.cells.iter().any(mine) {
            continue;
        }
        let silencers = silenced.check.silencers(silenced, &mine);
        if silencers.is_empty() {
            // A rule over a reference count whose cells are all rewritten:
            // without the count it is not evaluated.
            if let Some(kind) = silenced.check.reference() {
                if rule.check.reference() != Some(kind) {
                    meta.reference.set(kind, None);
                }
            }
        }
        for id in silencers {
            values[id.index()] = None;
        }
    }
}

/// Sets the reference count `kind` to `n`, and blanks the cells of the
/// other rules over it (their values were made for the drawn count).
fn set_reference(
    plan: &Plan,
    values: &mut Values,
    meta: &mut ReportMeta,
    index: usize,
    kind: ReferenceCount,
    n: i128,
) {
    meta.reference.set(kind, u32::try_from(n).ok());
    for (other, rule) in plan.serious() {
        if other != index && rule.check.reference() == Some(kind) {
            for id in rule.cells {
                values[id.index()] = None;
            }
        }
    }
}

/// A period for a report that breaks `rule`: one its rows apply to (or, for
/// a `not_applicable` rule, one its row does not apply to), the drawn one
/// when it already is.
fn period_for(plan: &Plan, rule: &Rule, drawn: Period) -> Period {
    let template = plan.template;
    let wanted = |period: Period| rule.check.breaks_with(rule, &template.absent_cells(period));
    if wanted(drawn) {
        return drawn;
    }
    // The periods the template applies to first.
    plan.periods
        .iter()
        .copied()
        .chain((2019..=2100).flat_map(|year| Term::ALL.map(|term| Period::new(year, term))))
        .find(|&period| wanted(period))
        .unwrap_or(drawn)
}

// ---------------------------------------------------------------------------
// Series of a year

/// A check across one body's reports of a year (see [`crate::series`]) that
/// [`broken_series`] can break, each at one row.
///
/// # Example
/// ```
/// use cchc_forms::strategies::AcrossCheck;
/// assert_eq!(AcrossCheck::Flow.rule(), "period:flow:1/1");
/// assert_eq!(AcrossCheck::ALL.len(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AcrossCheck {
    /// Directives issued (1/1): the half-year below Q1.
    Flow,
    /// Departments checked (1/3.1): the year below the half-year.
    DistinctFlow,
    /// Dossiers of departments (3/3.1.1, 3/3.1.2): more on time than
    /// resolved in the derived Q4.
    DerivedQuarter,
    /// Plan tasks completed (1/2.2, printed cumulative): Q3 below the
    /// half-year.
    Cumulative,
    /// Units turned into companies (6/2.6): the half-year below Q1.
    SinceStart,
    /// Plan tasks (1/2.1): one more in the year report.
    Plan,
    /// A leadership dialogue (1/7): the year says no after every report
    /// said yes.
    Event,
    /// The shared platform (7/4): the year back from completed to in
    /// progress.
    Status,
    /// Procedures in force (3/1.4): one more in the year report than its
    /// flows allow.
    Stock,
    /// Public service units against 2015 (4/1.5, 4/1.5.4): the year's
    /// reduction rate implies another base.
    Base2015,
}

impl AcrossCheck {
    /// Every check, in the order of the [`crate::series`] table.
    pub const ALL: [AcrossCheck; 10] = [
        AcrossCheck::Flow,
        AcrossCheck::DistinctFlow,
        AcrossCheck::DerivedQuarter,
        AcrossCheck::Cumulative,
        AcrossCheck::SinceStart,
        AcrossCheck::Plan,
        AcrossCheck::Event,
        AcrossCheck::Status,
        AcrossCheck::Stock,
        AcrossCheck::Base2015,
    ];

    /// The rule id of the one finding a series broken at this check gives.
    #[must_use]
    pub const fn rule(self) -> &'static str {
        match self {
            AcrossCheck::Flow => "period:flow:1/1",
            AcrossCheck::DistinctFlow => "period:distinct_flow:1/3.1",
            AcrossCheck::DerivedQuarter => "derived:q4:part:3/3.1.2<=3/3.1.1",
            AcrossCheck::Cumulative => "period:cumulative:1/2.2",
            AcrossCheck::SinceStart => "period:since_start:6/2.6",
            AcrossCheck::Plan => "period:plan:1/2.1",
            AcrossCheck::Event => "period:event:1/7",
            AcrossCheck::Status => "period:status:7/4",
            AcrossCheck::Stock => "period:stock:3/1.4",
            AcrossCheck::Base2015 => "period:base_2015:4/1.5.4",
        }
    }
}

impl Arbitrary for AcrossCheck {
    type Parameters = ();
    type Strategy = prop::sample::Select<AcrossCheck>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        prop::sample::select(AcrossCheck::ALL.to_vec())
    }
}

/// The bodies a series is drawn for.
const SERIES_BODIES: [&str; 3] = ["UBND tỉnh Bắc Giang", "UBND tỉnh Lạng Sơn", "Bộ Nội vụ"];

/// One body's four reports of a year, Q1, half-year, Q3 and year, that the
/// checks across reports ([`crate::series::check_reports`]) find
/// consistent: no finding.
///
/// Built from one [`valid_report`] `r` for a year from 2019 to 2024 (every
/// row applies): each quarter's flow counts are `r`'s, so Q1 = r, the
/// half-year 2r, Q3 r and the year 4r (Q2 = Q4 = r); every other row is
/// `r`'s in all four (distinct flows, cumulatives, plans, codes, stocks),
/// but procedures in force (3/1.4), which move by `r`'s published (3/1.2)
/// minus abolished (3/1.3) each quarter when the three are reported.
///
/// The consistency is across reports. The half-year and year reports are
/// `r` with its flows doubled and quadrupled, so a rule of a single report
/// that bounds a flow by a stock or a plan (procedures published at most
/// those in force, recruitment within the quota) may fail in them.
///
/// # Example
/// ```
/// use cchc_forms::{series::check_reports, strategies::valid_series, Term};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let year = valid_series().new_tree(&mut runner).unwrap().current();
/// assert_eq!(year.each_ref().map(|r| r.meta.period.unwrap().term), Term::ALL);
/// assert!(check_reports(&year).findings.is_empty());
/// ```
pub fn valid_series() -> impl Strategy<Value = [Report; 4]> {
    (
        valid_report(),
        2019_u16..=2024,
        prop::sample::select(SERIES_BODIES.to_vec()),
    )
        .prop_map(|(report, year, body)| series_of(&report, year, body))
}

/// The four reports of `body` for `year` built from `base` (see
/// [`valid_series`]).
fn series_of(base: &Report, year: u16, body: &str) -> [Report; 4] {
    let in_force = [
        CellId::of(3, "1.2"),
        CellId::of(3, "1.3"),
        CellId::of(3, "1.4"),
    ]
    .map(|id| {
        base.cell(id)
            .filter(|v| v.decimals == 0)
            .map(|v| v.mantissa)
    });
    let [Some(published), Some(abolished), Some(stock)] = in_force else {
        return series_with(base, year, body, |_| None);
    };
    // Each quarter adds `published − abolished`; the first report starts
    // high enough that none falls below the base's own stock.
    let change = published - abolished;
    let first = stock + 3 * (-change).max(0);
    series_with(base, year, body, |quarters_before| {
        Some(first + change * quarters_before)
    })
}

/// The four reports with flow counts scaled by 1, 2, 1, 4 and procedures
/// in force given by `in_force(quarters before the report's end)`.
fn series_with(
    base: &Report,
    year: u16,
    body: &str,
    in_force: impl Fn(i128) -> Option<i128>,
) -> [Report; 4] {
    use crate::catalogue::PeriodClass;
    [
        (Term::Q1, 1, 0),
        (Term::HalfYear, 2, 1),
        (Term::Q3, 1, 2),
        (Term::Year, 4, 3),
    ]
    .map(|(term, k, quarters_before)| {
        let mut report = base.clone();
        body.clone_into(&mut report.meta.body);
        report.meta.period = Some(Period::new(year, term));
        for indicator in &CATALOGUE {
            if indicator.period_class() == PeriodClass::Flow
                && matches!(indicator.kind, ValueKind::Count)
            {
                if let Some(value) = report.cell(indicator.id) {
                    let scaled = value.mantissa.saturating_mul(k);
                    // A count the valid report drew (at most 10¹²) fits.
                    let _ = report.set_cell(indicator.id, Some(Printed::whole(scaled)));
                }
            }
        }
        if let Some(stock) = in_force(quarters_before) {
            let _ = report.set_cell(CellId::of(3, "1.4"), Some(Printed::whole(stock)));
        }
        report
    })
}

/// One body's four reports of a year that break `check` at its row and no
/// other check across reports: [`crate::series::check_reports`] finds
/// exactly one finding, of the rule [`AcrossCheck::rule`].
///
/// A [`valid_series`] whose rows of the check are first set alike in all
/// four reports (flows by quarter, the rest the same), then changed in one
/// report (or two, for a flow, so that the derived Q4 stays as it was).
///
/// # Example
/// ```
/// use cchc_forms::{series::check_reports, strategies::{broken_series, AcrossCheck}};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let year = broken_series(AcrossCheck::Stock).new_tree(&mut runner).unwrap().current();
/// let findings = check_reports(&year).findings;
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].rule, "period:stock:3/1.4");
/// ```
pub fn broken_series(check: AcrossCheck) -> impl Strategy<Value = [Report; 4]> {
    valid_series().prop_map(move |mut year| {
        break_series(&mut year, check);
        year
    })
}

/// Sets the cell `(form, stt)` to the whole `values[i]` in report `i`.
fn set_all(year: &mut [Report; 4], form: u8, stt: &str, values: [i128; 4]) {
    let id = CellId::of(form, stt);
    for (report, value) in year.iter_mut().zip(values) {
        let _ = report.set_cell(id, Some(Printed::whole(value)));
    }
}

fn break_series(year: &mut [Report; 4], check: AcrossCheck) {
    const Y: usize = 3;
    match check {
        AcrossCheck::Flow => {
            // 5 a quarter: 5, 10, 5, 20. The half-year 4 (Q2 = −1), the
            // year 14 so that Q4 = 14 − 4 − 5 = 5 as before.
            set_all(year, 1, "1", [5, 4, 5, 14]);
        }
        AcrossCheck::DistinctFlow => set_all(year, 1, "3.1", [10, 10, 10, 9]),
        AcrossCheck::DerivedQuarter => {
            // 100 resolved, 90 on time a quarter; the year's 371 on time
            // makes Q4's 371 − 180 − 90 = 101 > 100.
            set_all(year, 3, "3.1.1", [100, 200, 100, 400]);
            set_all(year, 3, "3.1.2", [90, 180, 90, 371]);
        }
        AcrossCheck::Cumulative => set_all(year, 1, "2.2", [10, 10, 9, 10]),
        AcrossCheck::SinceStart => set_all(year, 6, "2.6", [5, 4, 5, 5]),
        AcrossCheck::Plan => set_all(year, 1, "2.1", [50, 50, 50, 51]),
        AcrossCheck::Event => set_all(year, 1, "7", [1, 1, 1, 0]),
        AcrossCheck::Status => set_all(year, 7, "4", [2, 2, 2, 1]),
        AcrossCheck::Stock => {
            // 3 published and 1 abolished a quarter: 100, 102, 104, 106;
            // the year says 107.
            set_all(year, 3, "1.2", [3, 6, 3, 12]);
            set_all(year, 3, "1.3", [1, 2, 1, 4]);
            set_all(year, 3, "1.4", [100, 102, 104, 107]);
        }
        AcrossCheck::Base2015 => {
            // 1.000 units, 20% fewer than in 2015 (a rate in [19,5; 20,5]):
            // a base in [1.242,2; 1.257,9]; the year's 10% (in [9,5; 10,5])
            // implies [1.104,9; 1.117,3].
            set_all(year, 4, "1.5", [1000; 4]);
            set_all(year, 4, "1.5.4", [20, 20, 20, 20]);
            let _ = year[Y].set_cell(CellId::of(4, "1.5.4"), Some(Printed::whole(10)));
        }
    }
}
