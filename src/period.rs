//! Periods, dates and levels of government: when a report's data was
//! gathered and who reports, as every template names them.
//!
//! A [`Period`] is a term of a year; its data window is the days a report
//! of it covers, set by a template's [`Windows`]. A row can apply for some
//! periods only ([`Applicability`]): since [`DISTRICT_LEVEL_ABOLISHED`]
//! there is no district level.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The level of government of a reporting body.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A ministry or ministerial-level agency (bộ, ngành).
    Ministry,
    /// A province or centrally run city (tỉnh, thành phố trực thuộc trung ương).
    Province,
    /// A district (huyện); there is none since 1 July 2025.
    District,
    /// A commune, ward or town (xã, phường, thị trấn).
    Commune,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: [Level; 4] = [
        Level::Ministry,
        Level::Province,
        Level::District,
        Level::Commune,
    ];

    /// The level as Vietnamese names it (`tỉnh`).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::Level;
    /// assert_eq!(Level::Commune.name_vi(), "xã");
    /// ```
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Level::Ministry => "bộ, ngành",
            Level::Province => "tỉnh",
            Level::District => "huyện",
            Level::Commune => "xã",
        }
    }

    /// The level in English (`province`).
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Level::Ministry => "ministry",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }
}

/// The period a report covers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The calendar year.
    pub year: u16,
    /// Which report of the year.
    pub term: Term,
}

/// Which periodic report of the year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// The first quarter (quý I).
    Q1,
    /// The first half-year (6 tháng).
    HalfYear,
    /// The third quarter (quý III).
    Q3,
    /// The whole year (năm).
    Year,
}

impl Term {
    /// The four terms of a year, in the order their reports are due.
    pub const ALL: [Term; 4] = [Term::Q1, Term::HalfYear, Term::Q3, Term::Year];

    /// The term as Vietnamese reports name it (`quý III`).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::Term;
    /// assert_eq!(Term::HalfYear.name_vi(), "6 tháng");
    /// ```
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Term::Q1 => "quý I",
            Term::HalfYear => "6 tháng",
            Term::Q3 => "quý III",
            Term::Year => "năm",
        }
    }

    /// The term in English (`Q3`, `the half-year`).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::Term;
    /// assert_eq!(Term::Q3.name_en(), "Q3");
    /// ```
    #[must_use]
    pub const fn name_en(self) -> &'static str {
        match self {
            Term::Q1 => "Q1",
            Term::HalfYear => "the half-year",
            Term::Q3 => "Q3",
            Term::Year => "the year",
        }
    }
}

/// A calendar date, for a period's data window; it displays and serializes
/// as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month.
    pub day: u8,
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Period {
    /// The period `term` of `year`.
    #[must_use]
    pub const fn new(year: u16, term: Term) -> Self {
        Self { year, term }
    }

    /// Whether this period's data window contains all of `other`'s: the
    /// half-year contains Q1, the year contains Q1, the half-year and Q3,
    /// and every period contains itself.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Period, Term};
    /// let [q1, half, q3, year] = Term::ALL.map(|term| Period::new(2023, term));
    /// assert!(half.contains(q1) && year.contains(half) && year.contains(q3));
    /// assert!(!half.contains(q3) && !q3.contains(half) && !q1.contains(half));
    /// assert!(!Period::new(2024, Term::Year).contains(q1));
    /// ```
    #[must_use]
    pub fn contains(self, other: Period) -> bool {
        let ((from, to), (other_from, other_to)) = (self.data_window(), other.data_window());
        from <= other_from && other_to <= to
    }

    /// Whether the two periods' data windows share a day: the half-year and
    /// Q3 do not (14/6 and 15/6), nor do the year and the next year's Q1.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Period, Term};
    /// let [q1, half, q3, year] = Term::ALL.map(|term| Period::new(2023, term));
    /// assert!(!half.overlaps(q3) && !q1.overlaps(q3));
    /// assert!(half.overlaps(q1) && year.overlaps(q3));
    /// assert!(!year.overlaps(Period::new(2024, Term::Q1)));
    /// ```
    #[must_use]
    pub fn overlaps(self, other: Period) -> bool {
        let ((from, to), (other_from, other_to)) = (self.data_window(), other.data_window());
        from <= other_to && other_from <= to
    }

    /// The first and last day of the data a report of this period covers,
    /// under Decree 09/2019/NĐ-CP: from the 15th of the month before the
    /// period to the 14th of its last month.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{CalendarDate, Period, Term};
    /// let (from, to) = Period::new(2023, Term::Q1).data_window();
    /// assert_eq!(from, CalendarDate { year: 2022, month: 12, day: 15 });
    /// assert_eq!(to, CalendarDate { year: 2023, month: 3, day: 14 });
    /// ```
    #[must_use]
    pub fn data_window(self) -> (CalendarDate, CalendarDate) {
        let year = i32::from(self.year);
        let (first_month, last_month) = match self.term {
            Term::Q1 => (1, 3),
            Term::HalfYear => (1, 6),
            Term::Q3 => (7, 9),
            Term::Year => (1, 12),
        };
        let from = if first_month == 1 {
            CalendarDate {
                year: year - 1,
                month: 12,
                day: 15,
            }
        } else {
            CalendarDate {
                year,
                month: first_month - 1,
                day: 15,
            }
        };
        (
            from,
            CalendarDate {
                year,
                month: last_month,
                day: 14,
            },
        )
    }
}

/// From and until when something applies, by the first day of a report's
/// data window (both ends included; `None` for no limit).
///
/// # Example
/// ```
/// use cchc_forms::template::{Applicability, WHILE_DISTRICTS_EXIST};
/// use cchc_forms::{Period, Term};
/// assert!(Applicability::ALWAYS.applies_to(Period::new(2030, Term::Q1)));
/// assert!(WHILE_DISTRICTS_EXIST.applies_to(Period::new(2025, Term::Q3)));
/// assert!(!WHILE_DISTRICTS_EXIST.applies_to(Period::new(2026, Term::Q1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Applicability {
    /// The first window start it applies to, if limited.
    pub from: Option<CalendarDate>,
    /// The last window start it applies to, if limited.
    pub until: Option<CalendarDate>,
    /// Why it is limited, in English (empty when it is not).
    pub reason_en: &'static str,
    /// Why it is limited, in Vietnamese.
    pub reason_vi: &'static str,
}

impl Applicability {
    /// No limit.
    pub const ALWAYS: Applicability = Applicability {
        from: None,
        until: None,
        reason_en: "",
        reason_vi: "",
    };

    /// Whether there is a limit at all.
    #[must_use]
    pub const fn is_limited(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Whether it applies to a report of `period`, by the first day of the
    /// period's data window.
    #[must_use]
    pub fn applies_to(&self, period: Period) -> bool {
        self.applies_from(period.data_window().0)
    }

    /// Whether it applies to a report whose data window starts on `start`.
    #[must_use]
    pub fn applies_from(&self, start: CalendarDate) -> bool {
        self.from.is_none_or(|from| start >= from) && self.until.is_none_or(|until| start <= until)
    }
}

/// The day district-level government ceased to exist: 1 July 2025, when
/// the Law on the Organisation of Local Government No. 72/2025/QH15 and
/// Resolution 203/2025/QH15 amending the Constitution took effect and local
/// government became two-tier (province and commune).
pub const DISTRICT_LEVEL_ABOLISHED: CalendarDate = CalendarDate {
    year: 2025,
    month: 7,
    day: 1,
};

/// The applicability of a row that exists only at district level: to
/// reports whose data window starts before [`DISTRICT_LEVEL_ABOLISHED`].
pub const WHILE_DISTRICTS_EXIST: Applicability = Applicability {
    from: None,
    until: Some(CalendarDate {
        year: 2025,
        month: 6,
        day: 30,
    }),
    reason_en: "there is no district level since 1 July 2025 (Law 72/2025/QH15)",
    reason_vi: "không còn cấp huyện từ ngày 01/7/2025 (Luật số 72/2025/QH15)",
};

/// Which days of data a report of each period covers: the template's
/// reporting windows.
///
/// # Example
/// ```
/// use cchc_forms::template::Windows;
/// use cchc_forms::{CalendarDate, Period, Term};
/// let q3 = Period::new(2023, Term::Q3);
/// let date = |year, month, day| CalendarDate { year, month, day };
/// assert_eq!(Windows::Administrative.of(q3), (date(2023, 6, 15), date(2023, 9, 14)));
/// assert_eq!(Windows::Calendar.of(q3), (date(2023, 7, 1), date(2023, 9, 30)));
/// let year = Period::new(2023, Term::Year);
/// assert_eq!(Windows::Administrative.of(year), (date(2022, 12, 15), date(2023, 12, 14)));
/// assert_eq!(Windows::Calendar.of(year), (date(2023, 1, 1), date(2023, 12, 31)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Windows {
    /// The administrative windows of Decree 09/2019/NĐ-CP, which 581 and
    /// Thông tư 06/2025/TT-TTCP follow: from the 15th of the month before
    /// the period to the 14th of its last month (Q1 15/12–14/3, half-year
    /// 15/12–14/6, Q3 15/6–14/9, year 15/12–14/12).
    Administrative,
    /// Calendar windows, as a statistical template has them: Q1 1/1–31/3,
    /// half-year 1/1–30/6, Q3 1/7–30/9, year 1/1–31/12.
    Calendar,
}

impl Windows {
    /// The first and last day of the data a report of `period` covers.
    #[must_use]
    pub fn of(self, period: Period) -> (CalendarDate, CalendarDate) {
        match self {
            Windows::Administrative => period.data_window(),
            Windows::Calendar => {
                let year = i32::from(period.year);
                let (first, last, last_day) = match period.term {
                    Term::Q1 => (1, 3, 31),
                    Term::HalfYear => (1, 6, 30),
                    Term::Q3 => (7, 9, 30),
                    Term::Year => (1, 12, 31),
                };
                let date = |month, day| CalendarDate { year, month, day };
                (date(first, 1), date(last, last_day))
            }
        }
    }
}

/// A date as one number that orders as the date does (`20250701`).
pub(crate) const fn day_number(date: CalendarDate) -> i64 {
    date.year as i64 * 10_000 + date.month as i64 * 100 + date.day as i64
}
