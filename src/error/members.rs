//! Why a report cannot be added up with the others.

use std::fmt;

use crate::limits::MAX_REPORTS;
use crate::message::{Language, Message, Words};
use crate::period::Period;
use crate::quote::shown;
use crate::template::TemplateVersion;

/// Why a report cannot be added up with the others (see
/// [`crate::aggregate`]).
///
/// # Example
/// ```
/// use cchc_forms::{aggregate::aggregate, samples, Error, Period, Term};
/// let first = samples::bac_giang_2023_q3();
/// let mut second = first.clone();
/// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
/// second.meta.period = Some(Period::new(2023, Term::HalfYear));
/// let Err(Error::Members(problems)) = aggregate("Tổng hợp", &[first, second]) else { panic!() };
/// assert_eq!(problems.len(), 1);
/// assert_eq!(problems[0].index, 1);
/// assert_eq!(
///     problems[0].message_en(),
///     "report 2 (UBND tỉnh Lạng Sơn) is of the half-year 2023, not of Q3 2023 like report 1: reports of different periods cannot be added up"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberProblem {
    /// The member's position among the reports (from 0).
    pub index: usize,
    /// The member's body, as it names itself.
    pub body: String,
    /// What is wrong.
    pub kind: MemberProblemKind,
}

/// What is wrong with a member of an aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MemberProblemKind {
    /// No report was given.
    NoMembers,
    /// The member's period is not the first member's.
    Period {
        /// The first member's period.
        expected: Option<Period>,
        /// The member's.
        found: Option<Period>,
    },
    /// The member's template is not the first member's.
    Template {
        /// The first member's template.
        expected: TemplateVersion,
        /// The member's.
        found: TemplateVersion,
    },
    /// More members than [`MAX_REPORTS`]: refused before any is read (the
    /// problem names the first member past the limit).
    TooMany {
        /// How many members were given.
        given: usize,
    },
    /// The member gives no period.
    NoPeriod,
    /// The member's body is one added before (the same
    /// [`BodyKey`](crate::meta::BodyKey)): a body is counted once.
    SameBody {
        /// The position of the member of that body added first.
        first: usize,
    },
}

impl MemberProblem {
    /// The member as a message names it: `2 (UBND tỉnh Lạng Sơn)`.
    fn who(&self) -> String {
        if self.body.is_empty() {
            format!("{}", self.index + 1)
        } else {
            format!("{} ({})", self.index + 1, shown(&self.body))
        }
    }

    /// What is wrong, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> Message<&MemberProblem> {
        self.in_language(Language::Vietnamese)
    }

    /// What is wrong, in English.
    #[must_use]
    pub fn message_en(&self) -> Message<&MemberProblem> {
        self.in_language(Language::English)
    }
}

/// A period as a member's problem names it: `quý III năm 2023` / `Q3 2023`.
struct PeriodWords(Option<Period>, Language);

impl fmt::Display for PeriodWords {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (None, language) => out.write_str(language.pick("không ghi kỳ", "no period")),
            (Some(p), Language::Vietnamese) => write!(out, "{} năm {}", p.term.name_vi(), p.year),
            (Some(p), Language::English) => write!(out, "{} {}", p.term.name_en(), p.year),
        }
    }
}

impl Words for MemberProblem {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        match (self.kind, vi) {
            (MemberProblemKind::NoMembers, _) => out.write_str(
                language.pick("không có báo cáo nào để tổng hợp", "no report to add up"),
            ),
            (MemberProblemKind::Period { expected, found }, true) => write!(
                out,
                "báo cáo thứ {} thuộc kỳ {}, không phải kỳ {} như báo cáo thứ 1: không cộng được các báo cáo khác kỳ",
                self.who(),
                PeriodWords(found, language),
                PeriodWords(expected, language)
            ),
            (MemberProblemKind::Period { expected, found }, false) => write!(
                out,
                "report {} is of {}, not of {} like report 1: reports of different periods cannot be added up",
                self.who(),
                PeriodWords(found, language),
                PeriodWords(expected, language)
            ),
            (MemberProblemKind::Template { expected, found }, true) => write!(
                out,
                "báo cáo thứ {} theo mẫu {found}, không phải mẫu {expected} như báo cáo thứ 1: không cộng được các báo cáo khác mẫu",
                self.who(),
            ),
            (MemberProblemKind::Template { expected, found }, false) => write!(
                out,
                "report {} follows the template {found}, not {expected} like report 1: reports of different templates cannot be added up",
                self.who(),
            ),
            (MemberProblemKind::TooMany { given }, true) => write!(
                out,
                "có {given} báo cáo, quá {MAX_REPORTS} báo cáo mà thư viện cộng một lần: không đọc báo cáo nào"
            ),
            (MemberProblemKind::TooMany { given }, false) => write!(
                out,
                "{given} reports given, more than the {MAX_REPORTS} this library adds up at once: none was read"
            ),
            (MemberProblemKind::NoPeriod, true) => write!(
                out,
                "báo cáo thứ {} không ghi kỳ báo cáo: không biết cộng vào tổng hợp của kỳ nào",
                self.who()
            ),
            (MemberProblemKind::NoPeriod, false) => write!(
                out,
                "report {} gives no period: which period's total it belongs to is not known",
                self.who()
            ),
            (MemberProblemKind::SameBody { first }, true) => write!(
                out,
                "báo cáo thứ {} cùng đơn vị với báo cáo thứ {}: mỗi đơn vị chỉ được cộng một lần",
                self.who(),
                first + 1
            ),
            (MemberProblemKind::SameBody { first }, false) => write!(
                out,
                "report {} is of the same body as report {}: a body is counted once in a total",
                self.who(),
                first + 1
            ),
        }
    }
}

impl fmt::Display for MemberProblem {
    /// The problem in English, then in Vietnamese.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} / {}", self.message_en(), self.message_vi())
    }
}
